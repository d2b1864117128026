import { reportMissingNamespace } from '../missingNamespace';
import { defineRule } from '../types';

export default defineRule({
  code: 'NP209',
  slug: 'missing-namespace',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'No `metadata.namespace`: the policy lands in whatever namespace kubectl targets.',
  why: 'A NetworkPolicy only selects pods in its own namespace. Applied with the wrong `-n` or context, it protects nothing, and the pods it was meant for stay open.',
  badExample: 'metadata:\n  name: allow-frontend',
  goodExample: 'metadata:\n  name: allow-frontend\n  namespace: shop',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    reportMissingNamespace(ctx, 'it only selects pods in that namespace');
  },
});
