import { asList } from '../../util/values';
import { defineRule } from '../types';
import { effectivePolicyTypes } from './defaults';
import { policyRules } from './walk';

export default defineRule({
  code: 'NP205',
  slug: 'allow-all-rule',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'A rule with no peers and no ports (`- {}`) allows all traffic in its direction.',
  why: 'An empty rule matches every source or destination on every port, so the whole direction is open for the selected pods, and any other rule for that direction adds nothing.',
  badExample: 'ingress:\n  - {}',
  goodExample: 'ingress:\n  - from:\n      - podSelector:\n          matchLabels:\n            app: frontend',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic',
  check(ctx) {
    const types = effectivePolicyTypes(ctx.value);
    for (const { direction, rule, path } of policyRules(ctx.value)) {
      if (!types[direction]) continue; // NP201 reports rules that are ignored
      const peers = asList(rule[direction === 'ingress' ? 'from' : 'to']);
      if (peers.length > 0 || asList(rule.ports).length > 0) continue;
      ctx.report({
        path,
        bare: true,
        message: `This rule has no ${direction === 'ingress' ? 'from' : 'to'} and no ports: it allows all ${direction} traffic for the selected pods.`,
      });
    }
  },
});
