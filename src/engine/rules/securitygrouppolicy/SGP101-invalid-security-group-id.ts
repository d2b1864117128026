import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { checkAwsId, lowerCaseIdFix, type AwsIdData } from '../awsIdCheck';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<AwsIdData>({
  code: 'SGP101',
  slug: 'invalid-security-group-id',
  kinds: ['SecurityGroupPolicy'],
  category: 'aws-format',
  defaultSeverity: 'error',
  summary: 'A `groupIds` entry is not a security group ID (`sg-` followed by 8 or 17 lower-case hex digits).',
  why: 'The CRD accepts any string, so the mistake shows up only when a matching pod starts: EC2 rejects the ID while the branch network interface is created and the pod stays in ContainerCreating. Use the ID (`sg-…`), not the group name.',
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
          - my-pod-sg
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
    readSecurityGroupPolicy(ctx.value).groupIds?.forEach((id, index) => {
      checkAwsId(ctx, ['spec', 'securityGroups', 'groupIds', index], id, 'sg');
    });
  },
  fix(ctx, finding) {
    return lowerCaseIdFix(ctx, finding.path, finding.data?.lowerCase);
  },
});
