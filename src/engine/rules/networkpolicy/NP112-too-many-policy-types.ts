import { defineRule } from '../types';
import { renderValue } from '../../util/strings';

export default defineRule({
  code: 'NP112',
  slug: 'too-many-policy-types',
  kinds: ['NetworkPolicy'],
  defaultSeverity: 'error',
  summary: '`policyTypes` lists more than two entries.',
  why: 'The API server rejects the policy: there are only two directions, `Ingress` and `Egress`.',
  badExample: 'policyTypes: [Ingress, Egress, Ingress]',
  goodExample: 'policyTypes: [Ingress, Egress]',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    const spec = ctx.value.spec as Record<string, unknown> | undefined;
    const types = spec?.policyTypes;
    if (Array.isArray(types) && types.length > 2) {
      ctx.report({
        path: ['spec', 'policyTypes'],
        target: 'key',
        message: `Invalid value: ${renderValue(types)}: may not specify more than two policyTypes`,
      });
    }
  },
});
