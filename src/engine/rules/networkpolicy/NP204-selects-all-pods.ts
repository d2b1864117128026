import { isEmptySelector } from '../../model/labelSelector';
import { readNetworkPolicy } from '../../model/networkPolicy';
import { isRecord } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'NP204',
  slug: 'selects-all-pods',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: '`spec.podSelector: {}` on a policy with rules: the rules apply to every pod in the namespace.',
  why: 'That is right for a namespace-wide default-deny, and a surprise when a label was forgotten. On EKS, pods with `hostNetwork: true` are never isolated, whatever the selector.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector: {}
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
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
  check(ctx) {
    const model = readNetworkPolicy(ctx.value);
    // Reported for an explicit `{}` on a policy that allows something: for a default-deny policy
    // (no rules), selecting every pod is the point.
    if (!isRecord(model.podSelector.raw) || !isEmptySelector(model.podSelector.raw)) return;
    if (model.ingress.rules.length === 0 && model.egress.rules.length === 0) return;
    ctx.report({
      path: ['spec', 'podSelector'],
      bare: true,
      message:
        'podSelector: {} selects every pod in the namespace, so these rules apply to all of them. On EKS, pods with hostNetwork: true are never isolated.',
    });
  },
});
