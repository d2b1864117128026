import { asList, isRecord } from '../../util/values';
import { defineRule } from '../types';
import { portProtocol } from './defaults';
import { policyRules } from './walk';

/** Size of the EKS network policy agent's per-endpoint port/protocol table. */
const MAX_PORT_PROTOCOLS = 24;

export default defineRule({
  code: 'NP302',
  slug: 'eks-too-many-ports',
  kinds: ['NetworkPolicy'],
  category: 'eks-agent',
  targets: ['eks'],
  defaultSeverity: 'warning',
  summary: 'EKS: a rule lists more than 24 unique port/protocol combinations.',
  why: 'The EKS network policy agent stores at most 24 port/protocol combinations per selector in its eBPF maps; beyond that it logs an error and the policy is not fully enforced. Use port ranges (`endPort`) or split the rule.',
  badExample: 'ports:\n  - port: 8001\n  - port: 8002\n  # … 25 entries',
  goodExample: 'ports:\n  - port: 8001\n    endPort: 8025',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html',
  check(ctx) {
    for (const { rule, path } of policyRules(ctx.value)) {
      const combinations = new Set(
        asList(rule.ports)
          .filter(isRecord)
          .map((port) => `${portProtocol(port)}/${String(port.port ?? '*')}-${String(port.endPort ?? '')}`),
      );
      if (combinations.size <= MAX_PORT_PROTOCOLS) continue;
      ctx.report({
        path: [...path, 'ports'],
        target: 'key',
        bare: true,
        message: `EKS: ${combinations.size} unique port/protocol combinations in one rule; the EKS network policy agent supports at most ${MAX_PORT_PROTOCOLS}, so this policy is not fully enforced. Use port ranges (endPort) or split the rule.`,
      });
    }
  },
});
