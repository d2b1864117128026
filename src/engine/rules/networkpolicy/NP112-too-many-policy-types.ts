import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

export default defineRule({
  code: 'NP112',
  slug: 'too-many-policy-types',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: '`policyTypes` lists more than two entries.',
  why: 'The API server rejects the policy: there are only two directions, `Ingress` and `Egress`.',
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
        - Ingress
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
  // The API server stops at the count and does not check the entries, so neither does SCH003.
  ownsViolations: [
    {
      keyword: 'enum',
      pathEnd: ['spec', 'policyTypes', '#'],
      exact: true,
      when: (value) => asList(asRecord(value.spec).policyTypes).length > 2,
    },
  ],
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    const spec = ctx.value.spec as Record<string, unknown> | undefined;
    const types = spec?.policyTypes;
    if (Array.isArray(types) && types.length > 2) {
      ctx.report({
        path: ['spec', 'policyTypes'],
        target: 'key',
        message: `Invalid value: ${renderValue(types)}: may not specify more than two policyTypes`,
      });
    }
  },
});
