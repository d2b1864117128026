import { defineRule } from '../types';
import { policyPeers, readNetworkPolicy } from '../../model/networkPolicy';
import { manifest } from '../example';

export default defineRule({
  code: 'NP105',
  slug: 'ipblock-with-selector',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: 'One `from`/`to` entry combines `ipBlock` with `podSelector` or `namespaceSelector`.',
  why: 'The API server rejects the policy: an `ipBlock` peer stands alone. To allow both, write them as two list entries.',
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
            - ipBlock:
                cidr: 10.0.0.0/16
              podSelector:
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
            - ipBlock:
                cidr: 10.0.0.0/16
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors',
  check(ctx) {
    for (const { raw: peer, path: peerPath } of policyPeers(readNetworkPolicy(ctx.value))) {
      if (
        peer.ipBlock !== undefined &&
        (peer.podSelector !== undefined || peer.namespaceSelector !== undefined)
      ) {
        ctx.report({ path: peerPath, message: 'Forbidden: may not specify both ipBlock and another peer' });
      }
    }
  },
});
