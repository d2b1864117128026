import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';

export default defineRule({
  code: 'NP130',
  slug: 'invalid-metadata',
  kinds: ['NetworkPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'The name is missing or not a DNS subdomain, the namespace is not a DNS label, or a label or annotation key/value has invalid syntax.',
  why: 'The API server rejects the policy. Names are lower-case letters, digits, `-` and `.` (at most 253 characters); namespaces the same without `.` (at most 63).',
  badExample: 'metadata:\n  name: Allow_Web\n  namespace: web',
  goodExample: 'metadata:\n  name: allow-web\n  namespace: web',
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: true });
  },
});
