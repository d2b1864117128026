// The outline: one symbol per resource (`NetworkPolicy shop/allow-frontend`) with its ingress and
// egress rules as children, so breadcrumbs show which rule the cursor is in.

import type { ManifestFile } from '../service/manifestFile';
import type { OffsetRange } from '../types';
import { nodeRangeInObject, objectRange } from '../service/fileFeatures';
import { asList, asRecord } from '../util/values';
import { peerPhrase, portsPhrase } from './explain/networkPolicy';
import { joinWords } from './explain/words';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: 'resource' | 'rule';
  /** Whole-file offsets. */
  range: OffsetRange;
  selectionRange: OffsetRange;
  children: OutlineSymbol[];
}

export function documentSymbols(file: ManifestFile): OutlineSymbol[] {
  const lines = file.getLines();
  return file.getResources().map((resource) => {
    const range = objectRange(resource);
    const at = (path: (string | number)[]) => nodeRangeInObject(file, resource, path);
    const selectionRange = at(['metadata', 'name']) ?? at(['kind']) ?? range;
    const scope = resource.namespace ? `${resource.namespace}/` : '';
    const children: OutlineSymbol[] = [];
    if (resource.kind === 'NetworkPolicy') {
      const spec = asRecord(resource.value.spec);
      for (const [key, peersKey, direction] of [
        ['ingress', 'from', 'Ingress'],
        ['egress', 'to', 'Egress'],
      ] as const) {
        asList(spec[key]).forEach((raw, index) => {
          const ruleRange = at(['spec', key, index]);
          if (!ruleRange) return;
          const rule = asRecord(raw);
          const peers = asList(rule[peersKey]).map((peer) => peerPhrase(asRecord(peer), resource.namespace));
          const detail = `${portsPhrase(asList(rule.ports))} ${peersKey} ${peers.length > 0 ? joinWords(peers, 'or') : 'anywhere'}`;
          children.push({
            name: `${direction} rule ${index + 1}`,
            detail,
            kind: 'rule',
            range: ruleRange,
            selectionRange: {
              start: ruleRange.start,
              end: Math.min(
                ruleRange.end,
                lines.newlineAfter(ruleRange.start) === -1
                  ? ruleRange.end
                  : lines.newlineAfter(ruleRange.start),
              ),
            },
            children: [],
          });
        });
      }
    }
    return {
      name: `${resource.kind} ${scope}${resource.name ?? '(unnamed)'}`,
      detail: resource.apiVersion,
      kind: 'resource' as const,
      range,
      selectionRange: within(selectionRange, range),
      children,
    };
  });
}

/** LSP requires the selection range to lie inside the full range. */
function within(inner: OffsetRange, outer: OffsetRange): OffsetRange {
  return inner.start >= outer.start && inner.end <= outer.end ? inner : outer;
}
