import { defineRule } from '../types';
import { readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule<{ addEgressOnly: true }>({
  code: 'NP202',
  slug: 'egress-only-isolates-ingress',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary: 'Only `egress` rules and no `policyTypes`: the policy also denies all ingress.',
  why: 'When `policyTypes` is left out, the API server fills in `Ingress` always (and `Egress` because egress rules exist). With no ingress rules, every incoming connection to the selected pods is then denied, which is rarely what an egress policy meant.',
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
      egress:
        - to:
            - podSelector:
                matchLabels:
                  app: db
          ports:
            - protocol: TCP
              port: 5432
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
        - Egress
      egress:
        - to:
            - podSelector:
                matchLabels:
                  app: db
          ports:
            - protocol: TCP
              port: 5432
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
    if (model.policyTypes.source !== 'defaulted' || !model.egress.isolated || model.ingress.listed) return;
    ctx.report({
      path: ['spec', 'egress'],
      target: 'key',
      bare: true,
      message:
        'No policyTypes and only egress rules: the API server sets policyTypes to [Ingress, Egress], so all ingress to the selected pods is denied too. Add `policyTypes: [Egress]` if only egress should be restricted.',
      data: { addEgressOnly: true },
    });
  },
  fix(ctx) {
    const key = ctx.rangeOf(['spec', 'egress'], 'key');
    const lineStart = ctx.text.lastIndexOf('\n', key.start - 1) + 1;
    const indent = ctx.text.slice(lineStart, key.start);
    if (indent.trim() !== '') return [];
    return [
      {
        title: 'Add policyTypes: [Egress]',
        safe: false,
        edits: [
          { start: lineStart, end: lineStart, newText: `${indent}policyTypes:\n${indent}  - Egress\n` },
        ],
      },
    ];
  },
});
