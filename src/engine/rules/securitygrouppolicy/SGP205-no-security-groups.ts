import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule({
  code: 'SGP205',
  slug: 'no-security-groups',
  kinds: ['SecurityGroupPolicy'],
  category: 'controller',
  defaultSeverity: 'error',
  summary: '`spec.securityGroups.groupIds` is missing.',
  why: 'The API server accepts it, but the VPC resource controller skips a policy without security group IDs entirely: matching pods keep the node security groups, so the resource has no effect at all (an error, as for anything that can never do what it is for). An empty list is rejected by the CRD (SCH005).',
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
    // An empty list is rejected by the CRD (SCH005); `securityGroups: [sg-…]` is a wrong type (SCH002).
    if (model.groupIds !== undefined || model.securityGroupsMalformed) return;
    const path =
      ctx.value.spec === undefined
        ? ['kind']
        : asRecord(ctx.value.spec).securityGroups !== undefined
          ? ['spec', 'securityGroups']
          : ['spec'];
    ctx.report({
      path,
      target: 'key',
      bare: true,
      message:
        'No securityGroups.groupIds: the VPC resource controller skips this SecurityGroupPolicy, so it has no effect. List the security group IDs to attach.',
    });
  },
});
