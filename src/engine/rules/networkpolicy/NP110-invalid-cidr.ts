import { parseCidr } from '../../util/cidr';
import { isPlaceholder } from '../../util/placeholders';
import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { policyPeers, readNetworkPolicy } from '../../model/networkPolicy';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

const MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export default defineRule({
  code: 'NP110',
  slug: 'invalid-cidr',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: 'An `ipBlock.cidr` or `except` entry is not a valid CIDR.',
  why: 'The API server rejects the policy. A CIDR needs an IPv4 or IPv6 address and a prefix length within range (/0–/32 for IPv4, /0–/128 for IPv6).',
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
                cidr: 10.0.0.0
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
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    for (const { raw: peer, path: peerPath } of policyPeers(readNetworkPolicy(ctx.value))) {
      const block = asRecord(peer.ipBlock);
      if (typeof block.cidr === 'string' && isPlaceholder(block.cidr)) continue;
      if (block.cidr === '') {
        // An empty cidr counts as missing; a missing key is reported by the schema (SCH004).
        ctx.report({ path: [...peerPath, 'ipBlock', 'cidr'], message: 'Required value' });
        continue;
      }
      if (typeof block.cidr === 'string' && !parseCidr(block.cidr)) {
        ctx.report({
          path: [...peerPath, 'ipBlock', 'cidr'],
          message: `Invalid value: ${renderValue(block.cidr)}: ${MESSAGE}`,
        });
        continue; // the API server does not check `except` when `cidr` is invalid
      }
      asList(block.except).forEach((entry, index) => {
        if (typeof entry === 'string' && !isPlaceholder(entry) && !parseCidr(entry)) {
          ctx.report({
            path: [...peerPath, 'ipBlock', 'except', index],
            message: `Invalid value: ${renderValue(entry)}: ${MESSAGE}`,
          });
        }
      });
    }
  },
});
