import { readNetworkPolicy } from '../../model/networkPolicy';
import { unresolvableNamedPorts } from '../../model/policyFacts';
import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'NP301',
  slug: 'eks-named-port-unresolved',
  kinds: ['NetworkPolicy'],
  category: 'eks-agent',
  targets: ['eks'],
  defaultSeverity: 'warning',
  summary: 'EKS: a named port in an egress rule towards `ipBlock` peers, or with no `to`, is not enforced.',
  why: 'The EKS network policy controller resolves a named egress port by looking at the destination pods. An `ipBlock` or "any destination" has no pods to look at, so the port is skipped; when every port of the rule is named, the rule allows nothing for those destinations. Use the port number instead.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-egress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Egress
      egress:
        - to:
            - ipBlock:
                cidr: 10.0.0.0/16
          ports:
            - protocol: TCP
              port: https
        - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
              podSelector:
                matchLabels:
                  k8s-app: kube-dns
          ports:
            - protocol: UDP
              port: 53
            - protocol: TCP
              port: 53
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-egress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Egress
      egress:
        - to:
            - ipBlock:
                cidr: 10.0.0.0/16
          ports:
            - protocol: TCP
              port: 443
        - to:
            - namespaceSelector:
                matchLabels:
                  kubernetes.io/metadata.name: kube-system
              podSelector:
                matchLabels:
                  k8s-app: kube-dns
          ports:
            - protocol: UDP
              port: 53
            - protocol: TCP
              port: 53
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html',
  check(ctx) {
    for (const { port, name, towards } of unresolvableNamedPorts(readNetworkPolicy(ctx.value))) {
      ctx.report({
        path: [...port.path, 'port'],
        bare: true,
        message: `EKS: named port ${renderValue(name)} cannot be resolved for ${towards === 'everyone' ? 'a rule without `to`' : 'ipBlock peers'}; the EKS network policy agent skips it, so this traffic is not allowed. Use the port number.`,
      });
    }
  },
});
