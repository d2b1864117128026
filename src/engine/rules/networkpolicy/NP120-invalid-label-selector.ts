import { checkLabelSelector, OWNS_OPERATOR_ENUM, selectorFixes } from '../labelSelector';
import type { SuggestionData } from '../fixes/valueEdits';
import { defineRule } from '../types';
import { policyPeers, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule<SuggestionData>({
  code: 'NP120',
  slug: 'invalid-label-selector',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'A label selector has an invalid label key or value, an unknown operator (they are case-sensitive: `In`, `NotIn`, `Exists`, `DoesNotExist`), `In`/`NotIn` without values, or `Exists`/`DoesNotExist` with values.',
  why: 'The API server rejects the policy. Label keys are an optional DNS prefix and `/` plus a name of at most 63 letters, digits, `-`, `_` or `.`; values are at most 63 of the same characters (or empty).',
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
            - podSelector:
                matchExpressions:
                  - key: app
                    operator: Exists
                    values: [web]
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
                matchExpressions:
                  - key: app
                    operator: Exists
          ports:
            - protocol: TCP
              port: 8080
  `,
  ownsViolations: [OWNS_OPERATOR_ENUM],
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set',
  check(ctx) {
    checkLabelSelector(ctx, ['spec', 'podSelector']);
    for (const { path: peerPath } of policyPeers(readNetworkPolicy(ctx.value))) {
      checkLabelSelector(ctx, [...peerPath, 'podSelector']);
      checkLabelSelector(ctx, [...peerPath, 'namespaceSelector']);
    }
  },
  fix: selectorFixes,
});
