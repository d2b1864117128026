import { EKS_MAX_PORT_ENTRIES_PER_PEER, eksPortTableOverflows } from '../../model/eksPortTable';
import { DIRECTIONS, readNetworkPolicy, type PolicyRuleModel } from '../../model/networkPolicy';
import { joinWords } from '../../util/strings';
import { defineRule } from '../types';

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
  badExample: 'ports:\n  - port: 8001\n  - port: 8002\n  # … 25 entries',
  goodExample: 'ports:\n  - port: 8001\n    endPort: 8025',
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
