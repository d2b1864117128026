import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'SGP202',
  slug: 'both-selectors',
  kinds: ['SecurityGroupPolicy'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'Both `podSelector` and `serviceAccountSelector` are set: a pod must match both.',
  why: 'The controller combines the two selectors with AND, not OR. If you meant "pods with these labels, or pods using this service account", write two SecurityGroupPolicies.',
  badExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: db-client
      serviceAccountSelector:
        matchLabels:
          team: payments
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
    const model = readSecurityGroupPolicy(ctx.value);
    if (!model.podSelector || !model.serviceAccountSelector) return;
    ctx.report({
      path: ['spec', 'serviceAccountSelector'],
      target: 'key',
      bare: true,
      message:
        'Both podSelector and serviceAccountSelector are set: only pods that match the pod selector AND run as a matching service account get these security groups.',
    });
  },
});
