import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';

export default defineRule({
  code: 'SGP103',
  slug: 'invalid-metadata',
  kinds: ['SecurityGroupPolicy'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary:
    'The name is missing or not a DNS subdomain, the namespace is not a DNS label, or a label or annotation has invalid syntax.',
  why: 'The API server rejects the object before the controller sees it.',
  badExample: 'metadata:\n  name: DB_Access\n  namespace: prod',
  goodExample: 'metadata:\n  name: db-access\n  namespace: prod',
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: true });
  },
});
