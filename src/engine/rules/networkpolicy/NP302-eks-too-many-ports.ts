import { EKS_MAX_PORT_ENTRIES_PER_PEER, eksPortTableOverflows } from '../../model/eksPortTable';
import { DIRECTIONS, readNetworkPolicy, type PolicyRuleModel } from '../../model/networkPolicy';
import { joinWords } from '../../util/strings';
import { defineRule } from '../types';
import { manifest } from '../example';

/** `ingress rule 2`, `egress rules 1 and 3`. */
function rulesPhrase(rules: readonly PolicyRuleModel[]): string {
  const numbers = rules.map((rule) => String(rule.index + 1));
  return `${rules[0].direction} rule${numbers.length === 1 ? '' : 's'} ${joinWords(numbers)}`;
}

export default defineRule({
  code: 'NP302',
  slug: 'eks-too-many-ports',
  kinds: ['NetworkPolicy'],
  category: 'eks-agent',
  targets: ['eks'],
  defaultSeverity: 'warning',
  summary: `EKS: more than ${EKS_MAX_PORT_ENTRIES_PER_PEER} unique port/protocol combinations reach the same peer in one direction.`,
  why: `The EKS network policy agent keeps, for each peer address, at most ${EKS_MAX_PORT_ENTRIES_PER_PEER} port/protocol entries in its eBPF map, whatever their protocol; beyond that it logs an error and drops the rest, so part of the policy is not enforced. Rules add up when they reach the same peer (the same selector or ipBlock, an ipBlock inside a broader one, or a rule without peers, which reaches every address); rules towards different peers do not. Use port ranges (\`endPort\`) or fewer ports.`,
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
            - port: 8001
            - port: 8002
            - port: 8003
            - port: 8004
            - port: 8005
            - port: 8006
            - port: 8007
            - port: 8008
            - port: 8009
            - port: 8010
            - port: 8011
            - port: 8012
            - port: 8013
            - port: 8014
            - port: 8015
            - port: 8016
            - port: 8017
            - port: 8018
            - port: 8019
            - port: 8020
            - port: 8021
            - port: 8022
            - port: 8023
            - port: 8024
            - port: 8025
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
            - port: 8001
              endPort: 8025
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html',
  check(ctx) {
    const model = readNetworkPolicy(ctx.value);
    for (const direction of DIRECTIONS) {
      for (const overflow of eksPortTableOverflows(model, direction)) {
        // Placed on the last rule with ports: the one that takes the peer past the limit.
        const last =
          [...overflow.rules].reverse().find((rule) => rule.ports !== undefined) ?? overflow.rules[0];
        const where =
          overflow.rules.length === 1
            ? `in ${rulesPhrase(overflow.rules)}`
            : `reach the same peer through ${rulesPhrase(overflow.rules)}`;
        ctx.report({
          path: last.ports === undefined ? last.path : [...last.path, 'ports'],
          target: last.ports === undefined ? 'value' : 'key',
          bare: true,
          message: `EKS: ${overflow.entries} unique port/protocol combinations ${where}; the EKS network policy agent keeps at most ${EKS_MAX_PORT_ENTRIES_PER_PEER} per peer address, so this policy is not fully enforced. Use port ranges (endPort) or fewer ports.`,
        });
      }
    }
  },
});
