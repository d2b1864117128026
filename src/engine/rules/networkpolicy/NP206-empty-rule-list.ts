import { defineRule } from '../types';
import { DIRECTIONS, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule({
  code: 'NP206',
  slug: 'empty-rule-list',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: '`ingress: []` or `egress: []`: an empty list denies all traffic in that direction.',
  why: '`ingress: []` is the opposite of `ingress: [{}]`: an empty list allows nothing, while a list holding one empty rule allows everything. Other policies selecting the same pods can still allow traffic.',
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
      ingress: []
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
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic',
  check(ctx) {
    const model = readNetworkPolicy(ctx.value);
    for (const direction of DIRECTIONS) {
      // Only an explicit `[]`: leaving the key out of a default-deny policy is the usual idiom.
      const { isolated, emptyList } = model[direction];
      if (!isolated || !emptyList) continue;
      ctx.report({
        path: ['spec', direction],
        bare: true,
        message: `${direction}: [] allows nothing: all ${direction} traffic of the selected pods is denied (unless another policy allows it). To allow all, write ${direction}: [{}].`,
      });
    }
  },
});
