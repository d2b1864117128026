import { defineRule } from '../types';
import { policyPorts, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule<{ swap: true }>({
  code: 'NP102',
  slug: 'invalid-end-port',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: '`endPort` is used without a numeric `port`, or is smaller than `port`.',
  why: 'The API server rejects the policy. A port range needs a numeric start (`port`) and an end (`endPort`) that is not below it; named ports cannot start a range.',
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
              port: 32768
              endPort: 32000
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
              port: 32000
              endPort: 32768
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports',
  check(ctx) {
    for (const { raw: port, path: portPath } of policyPorts(readNetworkPolicy(ctx.value))) {
      const { endPort } = port;
      if (typeof endPort !== 'number') continue;
      const path = [...portPath, 'endPort'];
      if (port.port === undefined) {
        ctx.report({
          path,
          message: `Invalid value: ${endPort}: may not be specified when \`port\` is not specified`,
        });
      } else if (typeof port.port === 'string') {
        ctx.report({
          path,
          message: `Invalid value: ${endPort}: may not be specified when \`port\` is non-numeric`,
        });
      } else if (typeof port.port === 'number' && endPort < port.port) {
        // The API server prints the port here, not the endPort.
        ctx.report({
          path,
          message: `Invalid value: ${port.port}: must be greater than or equal to \`port\``,
          data: { swap: true },
        });
      }
    }
  },
  fix(ctx, finding) {
    if (!finding.data?.swap) return [];
    const portPath = finding.path.slice(0, -1);
    const start = ctx.rangeOf([...portPath, 'port'], 'value');
    const end = ctx.rangeOf(finding.path, 'value');
    const startText = ctx.text.slice(start.start, start.end);
    const endText = ctx.text.slice(end.start, end.end);
    return [
      {
        title: `Swap port and endPort (${endText}–${startText})`,
        safe: true,
        edits: [
          { ...start, newText: endText },
          { ...end, newText: startText },
        ],
      },
    ];
  },
});
