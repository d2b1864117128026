import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { asRecord } from '../../util/values';
import { defineRule } from '../types';

export default defineRule({
  code: 'SGP205',
  slug: 'no-security-groups',
  kinds: ['SecurityGroupPolicy'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary: '`spec.securityGroups.groupIds` is missing.',
  why: 'The VPC resource controller skips a policy without security group IDs: matching pods keep the node security groups. (An empty list is rejected by the CRD, see SCH005.)',
  badExample: 'spec:\n  podSelector: {}',
  goodExample: 'spec:\n  podSelector: {}\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0',
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
        'No securityGroups.groupIds: the VPC resource controller ignores this SecurityGroupPolicy. List the security group IDs to attach.',
    });
  },
});
