import { appendToSequence } from '../sequenceEdits';
import { defineRule } from '../types';
import { DIRECTIONS, POLICY_TYPE, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule<{ add: 'Ingress' | 'Egress' }>({
  code: 'NP201',
  slug: 'rules-ignored-by-policy-types',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    '`egress` (or `ingress`) rules are written, but `policyTypes` does not list `Egress` (or `Ingress`).',
  why: 'The API server accepts the policy, but rules for a direction missing from `policyTypes` do nothing: traffic in that direction is not restricted by this policy at all.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-egress
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
      egress:
        - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
              podSelector:
                matchLabels:
                  k8s-app: kube-dns
          ports:
            - protocol: UDP
              port: 53
            - protocol: TCP
              port: 53
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-egress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
        - Egress
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
      egress:
        - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
              podSelector:
                matchLabels:
                  k8s-app: kube-dns
          ports:
            - protocol: UDP
              port: 53
            - protocol: TCP
              port: 53
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    const model = readNetworkPolicy(ctx.value);
    if (model.policyTypes.source === 'defaulted') return;
    for (const direction of DIRECTIONS) {
      if (model[direction].rules.length === 0 || model[direction].isolated) continue;
      const type = POLICY_TYPE[direction];
      ctx.report({
        path: ['spec', direction],
        target: 'key',
        bare: true,
        message: `spec.${direction} has rules, but spec.policyTypes does not list ${type}: these rules are ignored and ${direction} is not restricted by this policy. Add ${type} to policyTypes.`,
        data: { add: type },
      });
    }
  },
  fix(ctx, finding) {
    const type = finding.data?.add;
    if (type === undefined) return [];
    const edit = appendToSequence(ctx, ['spec', 'policyTypes'], [type]);
    return edit ? [{ title: `Add ${type} to policyTypes`, safe: false, edits: [edit] }] : [];
  },
});
