import { isSeq } from 'yaml';
import { nodeRange } from '../../parse/yamlPath';
import { isEmptySelector } from '../../model/labelSelector';
import { PEERS_FIELD, policyRules, readNetworkPolicy, type PeerModel } from '../../model/networkPolicy';
import { defineRule } from '../types';
import { manifest } from '../example';

/** The selector value of a peer written with only this selector, or undefined. */
function only(peer: PeerModel, key: 'podSelector' | 'namespaceSelector'): { selector: unknown } | undefined {
  if (peer.kind !== 'pods' || Object.keys(peer.raw).length !== 1 || peer.raw[key] === undefined)
    return undefined;
  return { selector: peer.raw[key] };
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
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - namespaceSelector:
                matchLabels:
                  team: payments
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - namespaceSelector:
                matchLabels:
                  team: payments
              podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
  check(ctx) {
    for (const rule of policyRules(readNetworkPolicy(ctx.value))) {
      const field = PEERS_FIELD[rule.direction];
      const peers = rule.peers ?? [];
      // Longer lists that mix in ipBlocks (the upstream documentation's example) are clearly meant as OR.
      if (peers.length !== 2) continue;
      const [a, b] = peers;
      const namespaces = only(a, 'namespaceSelector') ?? only(b, 'namespaceSelector');
      const pods = only(a, 'podSelector') ?? only(b, 'podSelector');
      if (!namespaces || !pods) continue;
      // With an empty podSelector, AND would be the namespaceSelector alone: the OR was meant.
      if (isEmptySelector(pods.selector)) continue;
      ctx.report({
        path: [...rule.path, field, 1],
        bare: true,
        message: `${field}[0] and ${field}[1] are separate peers, so either one matches (OR). If you meant pods matching the podSelector inside namespaces matching the namespaceSelector (AND), put both selectors in one entry by removing this "-".`,
        data: { merge: true },
      });
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
