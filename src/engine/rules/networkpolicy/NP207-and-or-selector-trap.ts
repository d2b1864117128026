import { isSeq } from 'yaml';
import { nodeRange } from '../../parse/yamlPath';
import { asList, isRecord } from '../../util/values';
import { isEmptySelector } from '../labelSelector';
import { defineRule } from '../types';
import { policyRules } from './walk';

/** The single selector of a peer that has only one. */
function first(peer: unknown): unknown {
  return isRecord(peer) ? Object.values(peer)[0] : undefined;
}

function only(peer: unknown, key: 'podSelector' | 'namespaceSelector'): boolean {
  return isRecord(peer) && Object.keys(peer).length === 1 && peer[key] !== undefined;
}

export default defineRule<{ merge: true }>({
  code: 'NP207',
  slug: 'and-or-selector-trap',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A `from`/`to` list of exactly two entries, one `namespaceSelector` and one `podSelector` (OR), where one entry with both (AND) was likely meant.',
  why: "One `-` makes the difference. `- namespaceSelector: …` followed by `- podSelector: …` allows every pod of the selected namespaces OR the selected pods of the policy's own namespace. Without the second `-`, it allows only the selected pods inside the selected namespaces.",
  badExample:
    'from:\n  - namespaceSelector:\n      matchLabels:\n        team: payments\n  - podSelector:\n      matchLabels:\n        app: api',
  goodExample:
    'from:\n  - namespaceSelector:\n      matchLabels:\n        team: payments\n    podSelector:\n      matchLabels:\n        app: api',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
  check(ctx) {
    for (const { direction, rule, path } of policyRules(ctx.value)) {
      const field = direction === 'ingress' ? 'from' : 'to';
      const peers = asList(rule[field]);
      // Longer lists that mix in ipBlocks (the upstream documentation's example) are clearly meant as OR.
      if (peers.length !== 2) continue;
      for (let index = 1; index < peers.length; index++) {
        const pair =
          (only(peers[index - 1], 'namespaceSelector') && only(peers[index], 'podSelector')) ||
          (only(peers[index - 1], 'podSelector') && only(peers[index], 'namespaceSelector'));
        // Two empty selectors allow the same pods either way.
        if (!pair || (isEmptySelector(first(peers[index - 1])) && isEmptySelector(first(peers[index]))))
          continue;
        ctx.report({
          path: [...path, field, index],
          bare: true,
          message: `${field}[${index - 1}] and ${field}[${index}] are separate peers, so either one matches (OR). If you meant pods matching the podSelector inside namespaces matching the namespaceSelector (AND), put both selectors in one entry by removing this "-".`,
          data: { merge: true },
        });
      }
    }
  },
  fix(ctx, finding) {
    const sequence = ctx.locate(finding.path.slice(0, -1))?.value;
    const item = ctx.locate(finding.path)?.value;
    const range = nodeRange(item);
    if (!isSeq(sequence) || sequence.flow || !range) return [];
    const dash = ctx.text.lastIndexOf('-', range.start);
    if (dash < 0 || ctx.text.slice(dash + 1, range.start).trim() !== '') return [];
    return [
      {
        title: 'Merge into one peer (AND)',
        safe: false,
        edits: [{ start: dash, end: dash + 1, newText: ' ' }],
      },
    ];
  },
});
