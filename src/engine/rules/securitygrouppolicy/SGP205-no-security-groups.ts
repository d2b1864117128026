import { asRecord, isRecord } from '../../util/values';
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
    const spec = asRecord(ctx.value.spec);
    if (asRecord(spec.securityGroups).groupIds !== undefined) return;
    // `securityGroups: [sg-…]` without `groupIds` is a wrong type, which SCH002 reports.
    if (spec.securityGroups !== undefined && !isRecord(spec.securityGroups)) return;
    const path =
      spec.securityGroups !== undefined
        ? ['spec', 'securityGroups']
        : ctx.value.spec !== undefined
          ? ['spec']
          : ['kind'];
    ctx.report({
      path,
      target: 'key',
      bare: true,
      message:
        'No securityGroups.groupIds: the VPC resource controller ignores this SecurityGroupPolicy. List the security group IDs to attach.',
    });
  },
});
