import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'NP130',
  slug: 'invalid-metadata',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'The name is missing or not a DNS subdomain, the namespace is not a DNS label, or a label or annotation key/value has invalid syntax.',
  why: 'The API server rejects the policy. Names are lower-case letters, digits, `-` and `.` (at most 253 characters); namespaces the same without `.` (at most 63).',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: Allow_Web
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
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: true });
  },
});
