import { defineRule } from '../types';
import { policyPorts, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

const MESSAGE = 'must be between 1 and 65535, inclusive';

export default defineRule({
  code: 'NP101',
  slug: 'port-out-of-range',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: 'A numeric `port` or `endPort` is outside 1–65535.',
  why: 'The API server rejects the policy. Port 0 does not mean "any port": leave `port` out to allow every port of the protocol.',
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
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 80800
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
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports',
  check(ctx) {
    for (const { raw: port, path: portPath } of policyPorts(readNetworkPolicy(ctx.value))) {
      // The API server checks endPort's range only when port is a number (NP102 covers the rest).
      const fields = typeof port.port === 'number' ? (['port', 'endPort'] as const) : (['port'] as const);
      for (const field of fields) {
        const value = port[field];
        if (typeof value === 'number' && Number.isInteger(value) && (value < 1 || value > 65535)) {
          ctx.report({ path: [...portPath, field], message: `Invalid value: ${value}: ${MESSAGE}` });
        }
      }
    }
  },
});
