// The outline: one symbol per resource (`NetworkPolicy shop/allow-frontend`) with its ingress and
// egress rules as children, so breadcrumbs show which rule the cursor is in.

import type { ManifestFile } from '../service/manifestFile';
import type { OffsetRange } from '../types';
import { parseYaml } from '../parse/parseYaml';
import { findNodeAtPath, nodeRange } from '../parse/yamlPath';
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
  const text = file.getText();
  const parsedChunks = new Map<number, ReturnType<typeof parseYaml>>();
  return file.getResources().map((resource) => {
    const chunkStart = resource.chunkStart;
    let parsed = parsedChunks.get(chunkStart);
    if (!parsed) {
      const chunk = file.chunkAt(chunkStart)?.chunk;
      parsed = parseYaml(chunk?.text ?? '');
      parsedChunks.set(chunkStart, parsed);
    }
    const root = parsed[0]?.document.contents;
    const shift = (range: OffsetRange | undefined): OffsetRange | undefined =>
      range ? { start: range.start + chunkStart, end: range.end + chunkStart } : undefined;
    const range = shift(resource.range) ?? { start: chunkStart, end: chunkStart };
    const at = (path: (string | number)[]) => findNodeAtPath(root, [...resource.pathPrefix, ...path]);
    const nameLocation = at(['metadata', 'name']);
    const selectionRange =
      shift(nodeRange(nameLocation?.value)) ?? shift(nodeRange(at(['kind'])?.value)) ?? range;
    const scope = resource.namespace ? `${resource.namespace}/` : '';
    const children: OutlineSymbol[] = [];
    if (resource.kind === 'NetworkPolicy') {
      const spec = asRecord(resource.value.spec);
      for (const [key, peersKey, direction] of [
        ['ingress', 'from', 'Ingress'],
        ['egress', 'to', 'Egress'],
      ] as const) {
        asList(spec[key]).forEach((raw, index) => {
          const ruleRange = shift(nodeRange(at(['spec', key, index])?.value));
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
                text.indexOf('\n', ruleRange.start) === -1
                  ? ruleRange.end
                  : text.indexOf('\n', ruleRange.start),
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
