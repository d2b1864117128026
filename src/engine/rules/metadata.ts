// The API server's checks on `metadata` (ObjectMeta): name, namespace, labels and annotations.
// Shared by the metadata rules of the three kinds.

import {
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  generateNameErrors,
  qualifiedNameErrors,
} from '../util/k8sNames';
import { isNameStandIn, isPlaceholder } from '../util/placeholders';
import { renderValue } from '../util/strings';
import { asRecord, isRecord } from '../util/values';
import { checkLabelMap } from './labelSelector';
import type { RuleContext } from './types';

/** Annotations together may hold at most this many bytes of keys and values. */
const TOTAL_ANNOTATION_BYTES = 256 * 1024;

export function checkObjectMeta(ctx: RuleContext<unknown>, options: { namespaced: boolean }): void {
  // `metadata: name:x` (no space) is a string: the schema rule (SCH002) says so; a missing name
  // on top of it would report the same mistake twice.
  if (ctx.value.metadata !== undefined && !isRecord(ctx.value.metadata)) return;
  const metadata = asRecord(ctx.value.metadata);
  const { name, generateName, namespace } = metadata;
  if (typeof generateName === 'string' && generateName !== '' && !isNameStandIn(generateName)) {
    for (const message of generateNameErrors(generateName)) {
      ctx.report({
        path: ['metadata', 'generateName'],
        message: `Invalid value: ${renderValue(generateName)}: ${message}`,
      });
    }
  }
  if ((name === undefined || name === '') && (generateName === undefined || generateName === '')) {
    ctx.report({
      path: ['metadata', 'name'],
      target: 'key',
      // Without metadata, point at `kind:` rather than at the whole document.
      range: ctx.value.metadata === undefined ? ctx.rangeOf(['kind'], 'key') : undefined,
      message: 'Required value: name or generateName is required',
    });
  } else if (typeof name === 'string' && name !== '' && !isNameStandIn(name)) {
    for (const message of dns1123SubdomainErrors(name)) {
      ctx.report({ path: ['metadata', 'name'], message: `Invalid value: ${renderValue(name)}: ${message}` });
    }
  }
  if (options.namespaced && typeof namespace === 'string' && namespace !== '' && !isNameStandIn(namespace)) {
    for (const message of dns1123LabelErrors(namespace)) {
      ctx.report({
        path: ['metadata', 'namespace'],
        message: `Invalid value: ${renderValue(namespace)}: ${message}`,
      });
    }
  }
  if (isRecord(metadata.labels)) checkLabelMap(ctx, ['metadata', 'labels'], metadata.labels);
  if (isRecord(metadata.annotations)) {
    let bytes = 0;
    for (const [key, value] of Object.entries(metadata.annotations)) {
      bytes += Buffer.byteLength(key) + (typeof value === 'string' ? Buffer.byteLength(value) : 0);
      if (isPlaceholder(key)) continue;
      for (const message of qualifiedNameErrors(key.toLowerCase())) {
        ctx.report({
          path: ['metadata', 'annotations'],
          range: ctx.rangeOf(['metadata', 'annotations', key], 'key'),
          message: `Invalid value: ${renderValue(key)}: ${message}`,
        });
      }
    }
    if (bytes > TOTAL_ANNOTATION_BYTES) {
      ctx.report({
        path: ['metadata', 'annotations'],
        target: 'key',
        message: `Too long: must have at most ${TOTAL_ANNOTATION_BYTES} bytes`,
      });
    }
  }
}
