import { reportMissingNamespace } from '../missingNamespace';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'SGP204',
  slug: 'missing-namespace',
  kinds: ['SecurityGroupPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'No `metadata.namespace`: the policy lands in whatever namespace kubectl targets.',
  why: 'A SecurityGroupPolicy only applies to pods in its own namespace. Applied to the wrong namespace it matches nothing and pods start with the node security groups.',
  badExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
    spec:
      podSelector:
        matchLabels:
          app: db-client
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  goodExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: db-client
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/sg-pods-example-deployment.html',
  check(ctx) {
    reportMissingNamespace(ctx, 'it only affects pods in that namespace');
  },
});
