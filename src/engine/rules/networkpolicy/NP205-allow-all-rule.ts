import { defineRule } from '../types';
import { allowsEverything, PEERS_FIELD, policyRules, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule({
  code: 'NP205',
  slug: 'allow-all-rule',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'A rule with no peers and no ports (`- {}`) allows all traffic in its direction.',
  why: 'An empty rule matches every source or destination on every port, so the whole direction is open for the selected pods, and any other rule for that direction adds nothing.',
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
        - {}
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
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic',
  check(ctx) {
    for (const rule of policyRules(readNetworkPolicy(ctx.value))) {
      // NP201 reports rules that are ignored.
      if (!rule.effective || !allowsEverything(rule)) continue;
      ctx.report({
        path: rule.path,
        bare: true,
        message: `This rule has no ${PEERS_FIELD[rule.direction]} and no ports: it allows all ${rule.direction} traffic for the selected pods.`,
      });
    }
  },
});
