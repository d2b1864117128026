import { portNameErrors } from '../../util/k8sNames';
import { isPlaceholder } from '../../util/placeholders';
import { defineRule } from '../types';
import { policyPorts, readNetworkPolicy } from '../../model/networkPolicy';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

export default defineRule<{ number?: number }>({
  code: 'NP103',
  slug: 'invalid-named-port',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'A named `port` is not a valid port name (IANA_SVC_NAME): at most 15 lower-case letters, digits and single hyphens, with at least one letter. A quoted number such as `"80"` is a name, not a number.',
  why: 'The API server rejects the policy. Write numbers without quotes (`port: 80`); names must match the `name` of a container port exactly.',
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
              port: "8080"
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
    for (const { raw: port, path: portPath } of policyPorts(readNetworkPolicy(ctx.value))) {
      const name = port.port;
      if (typeof name !== 'string' || isPlaceholder(name)) continue;
      const number = /^\d+$/.test(name) ? Number(name) : undefined;
      for (const message of portNameErrors(name)) {
        ctx.report({
          path: [...portPath, 'port'],
          message: `Invalid value: ${renderValue(name)}: ${message}`,
          data: number !== undefined && number >= 1 && number <= 65535 ? { number } : {},
        });
      }
    }
  },
  fix(ctx, finding) {
    const number = finding.data?.number;
    if (number === undefined) return [];
    return [
      {
        title: `Write the port as a number: ${number}`,
        safe: true,
        edits: [{ ...ctx.rangeOf(finding.path, 'value'), newText: String(number) }],
      },
    ];
  },
});
