import { checkObjectMeta } from '../metadata';
import { defineRule } from '../types';

export default defineRule({
  code: 'ENI103',
  slug: 'invalid-metadata',
  kinds: ['ENIConfig'],
  category: 'api-server',
  defaultSeverity: 'error',
  summary: 'The name is missing or not a DNS subdomain, or a label or annotation has invalid syntax.',
  why: 'The API server rejects the object. ENIConfig names are usually Availability Zone names, which are valid (`us-west-2a`).',
  badExample: 'metadata:\n  name: US-West-2a',
  goodExample: 'metadata:\n  name: us-west-2a',
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  check(ctx) {
    checkObjectMeta(ctx, { namespaced: false });
  },
});
