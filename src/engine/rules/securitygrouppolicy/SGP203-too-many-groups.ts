import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { defineRule } from '../types';
import { manifest } from '../example';

/** EC2's default quota of security groups per network interface. */
const DEFAULT_GROUPS_PER_INTERFACE = 5;

export default defineRule({
  code: 'SGP203',
  slug: 'too-many-groups',
  kinds: ['SecurityGroupPolicy'],
  category: 'aws-limit',
  defaultSeverity: 'warning',
  summary:
    'More than 5 security groups: above the default EC2 quota of security groups per network interface.',
  why: 'Each matching pod gets a branch network interface with all these groups. With the default quota of 5 per interface, EC2 refuses and the pod does not start; older versions of the CRD also rejected more than 5. Raise the quota (up to 16) or merge groups.',
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
      securityGroups:
        groupIds:
          - sg-00000000000000001
          - sg-00000000000000002
          - sg-00000000000000003
          - sg-00000000000000004
          - sg-00000000000000005
          - sg-00000000000000006
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
          - sg-00000000000000001
          - sg-00000000000000002
  `,
  docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups',
  check(ctx) {
    const unique = readSecurityGroupPolicy(ctx.value).uniqueGroupIds;
    if (unique.length <= DEFAULT_GROUPS_PER_INTERFACE) return;
    ctx.report({
      path: ['spec', 'securityGroups', 'groupIds'],
      target: 'key',
      bare: true,
      message: `${unique.length} security groups: EC2 allows ${DEFAULT_GROUPS_PER_INTERFACE} per network interface unless the quota was raised, so matching pods may fail to start.`,
    });
  },
});
