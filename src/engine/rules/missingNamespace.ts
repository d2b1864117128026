// Shared by the "no metadata.namespace" notes of the namespaced kinds.

import { asRecord } from '../util/values';
import type { RuleContext } from './types';

export function reportMissingNamespace(ctx: RuleContext<unknown>, effect: string): void {
  const metadata = asRecord(ctx.value.metadata);
  if (metadata.namespace !== undefined && metadata.namespace !== '') return;
  // A top-level `namespace:` is already reported as misplaced (SCH001, with a fix that moves it).
  if (ctx.value.namespace !== undefined) return;
  const hasMetadata = ctx.value.metadata !== undefined;
  ctx.report({
    path: hasMetadata ? ['metadata'] : ['kind'],
    target: 'key',
    bare: true,
    message: `No metadata.namespace: it is created in whatever namespace kubectl targets (-n, or the context's default), and ${effect}. Set the namespace to make it explicit.`,
  });
}
