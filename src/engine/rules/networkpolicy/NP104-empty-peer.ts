import { defineRule } from '../types';
import { policyPeers, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule({
  code: 'NP104',
  slug: 'empty-peer',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: 'An entry of `from` or `to` has none of `podSelector`, `namespaceSelector` or `ipBlock`.',
  why: 'The API server rejects the policy with "must specify a peer". An empty selector key (`podSelector:` with nothing after it) counts as missing; write `podSelector: {}` to mean every pod in the namespace.',
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
            - {}
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
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
  check(ctx) {
    for (const { raw: peer, path: peerPath } of policyPeers(readNetworkPolicy(ctx.value))) {
      // A peer holding only misspelled keys (`ipblock:`) is reported by SCH001, which names the fix.
      if (Object.keys(peer).length === 0) {
        ctx.report({ path: peerPath, message: 'Required value: must specify a peer' });
      }
    }
  },
});
