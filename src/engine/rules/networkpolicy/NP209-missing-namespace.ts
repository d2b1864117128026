import { reportMissingNamespace } from '../missingNamespace';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'NP209',
  slug: 'missing-namespace',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'No `metadata.namespace`: the policy lands in whatever namespace kubectl targets.',
  why: 'A NetworkPolicy only selects pods in its own namespace. Applied with the wrong `-n` or context, it protects nothing, and the pods it was meant for stay open.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
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
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    reportMissingNamespace(ctx, 'it only selects pods in that namespace');
  },
});
