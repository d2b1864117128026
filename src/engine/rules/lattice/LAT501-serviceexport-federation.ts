import { renderValue } from '../../util/strings';
import { asRecord, isRecord } from '../../util/values';
import { insertKeyEdit } from '../fixes/keyEdits';
import { replaceValueFix } from '../fixes/valueEdits';
import { defineRule } from '../types';
import { annotationPath, annotationValue, CONTROLLER_DOCS } from './common';

export const FEDERATION = 'amazon-vpc-lattice';

const EXPORT = (annotations: string) =>
  `apiVersion: application-networking.k8s.aws/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: inventory-ver2\n  namespace: hotel\n${annotations}spec:\n  exportedPorts:\n    - port: 80\n      routeType: HTTP`;

export default defineRule({
  code: 'LAT501',
  slug: 'serviceexport-federation',
  kinds: ['ServiceExport'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A ServiceExport without `application-networking.k8s.aws/federation: "amazon-vpc-lattice"`: the controller ignores it.',
  why: 'The AWS Gateway API Controller exports only ServiceExports that carry this annotation with exactly this value. Without it there is no target group, no status and no event: the importing cluster’s routes simply find nothing.',
  badExample: EXPORT(''),
  goodExample: EXPORT(
    '  annotations:\n    application-networking.k8s.aws/federation: "amazon-vpc-lattice"\n',
  ),
  docs: `${CONTROLLER_DOCS}api-types/service-export/`,
  check(ctx) {
    const value = annotationValue(ctx.value, 'federation');
    if (value === FEDERATION) return;
    ctx.report({
      path: value === undefined ? ['metadata', 'name'] : annotationPath('federation'),
      bare: true,
      message:
        value === undefined
          ? `no annotation application-networking.k8s.aws/federation: "${FEDERATION}": the controller ignores this ServiceExport (no target group, no status)`
          : `federation is ${renderValue(value)}, not "${FEDERATION}": the controller ignores this ServiceExport`,
    });
  },
  fix(ctx, finding) {
    const key = 'application-networking.k8s.aws/federation';
    if (finding.path[1] === 'annotations') return [replaceValueFix(ctx, finding.path, `"${FEDERATION}"`)];
    const metadata = asRecord(ctx.value.metadata);
    let edit = isRecord(metadata.annotations)
      ? insertKeyEdit(ctx, ['metadata', 'annotations'], key, `"${FEDERATION}"`)
      : undefined;
    if (!edit && metadata.annotations === undefined) {
      // No annotations yet: add the mapping before the first key of metadata.
      const first = ctx.rangeOf(['metadata', Object.keys(metadata)[0] ?? 'name'], 'key');
      const indent = ' '.repeat(indentOf(ctx.text, first.start));
      edit = {
        start: first.start,
        end: first.start,
        newText: `annotations:\n${indent}  ${key}: "${FEDERATION}"\n${indent}`,
      };
    }
    return edit ? [{ title: `Add the federation: ${FEDERATION} annotation`, safe: true, edits: [edit] }] : [];
  },
});

function indentOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
