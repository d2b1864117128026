import { readNetworkPolicy } from '../../model/networkPolicy';
import { otherFamilyBlocks } from '../../model/policyFacts';
import { defineRule } from '../types';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

export default defineRule({
  code: 'NP303',
  slug: 'eks-other-ip-family',
  kinds: ['NetworkPolicy'],
  category: 'eks-agent',
  targets: ['eks'],
  defaultSeverity: 'warning',
  summary:
    'EKS: an `ipBlock` is of the other IP family than the cluster (`eksNetworking.clusterIpFamily`, IPv4 by default).',
  why: "The EKS network policy agent enforces one IP family, the cluster's: IPv4 blocks are ignored in an IPv6 cluster and IPv6 blocks in an IPv4 cluster. The rule then allows nothing for that block. Set `eksNetworking.clusterIpFamily` if your cluster is IPv6.",
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
                cidr: 2001:db8::/64
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
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html',
  check(ctx) {
    const family = ctx.settings.clusterIpFamily === 'ipv6' ? 6 : 4;
    for (const { peer } of otherFamilyBlocks(readNetworkPolicy(ctx.value), ctx.settings.clusterIpFamily)) {
      ctx.report({
        path: [...peer.path, 'ipBlock', 'cidr'],
        bare: true,
        message: `EKS: ${renderValue(peer.cidrText)} is an IPv${peer.cidr.family} block in an IPv${family} cluster; the EKS network policy agent ignores it. (Set eksNetworking.clusterIpFamily if the cluster is IPv${peer.cidr.family}.)`,
      });
    }
  },
});
