import { reportMissingNamespace } from '../missingNamespace';
import { defineRule } from '../types';

export default defineRule({
  code: 'SGP204',
  slug: 'missing-namespace',
  kinds: ['SecurityGroupPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'No `metadata.namespace`: the policy lands in whatever namespace kubectl targets.',
  why: 'A SecurityGroupPolicy only applies to pods in its own namespace. Applied to the wrong namespace it matches nothing and pods start with the node security groups.',
  badExample: 'metadata:\n  name: db-access',
  goodExample: 'metadata:\n  name: db-access\n  namespace: payments',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/sg-pods-example-deployment.html',
  check(ctx) {
    reportMissingNamespace(ctx, 'it only affects pods in that namespace');
  },
});
