import { readEniConfig } from '../../model/eniConfig';
import { checkAwsId, lowerCaseIdFix, type AwsIdData } from '../awsIdCheck';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<AwsIdData>({
  code: 'ENI102',
  slug: 'invalid-security-group-id',
  kinds: ['ENIConfig'],
  category: 'aws-format',
  defaultSeverity: 'error',
  summary:
    'A `spec.securityGroups` entry is not a security group ID (`sg-` followed by 8 or 17 lower-case hex digits).',
  why: 'The CRD accepts any string; EC2 rejects the ID when the VPC CNI creates a network interface, so new pods on nodes using this ENIConfig get no IP address.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - eks-pods
  `,
  goodExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: subnet-0123456789abcdef0
      securityGroups:
        - sg-0123456789abcdef0
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html',
  check(ctx) {
    readEniConfig(ctx.value).securityGroups.forEach((id, index) => {
      checkAwsId(ctx, ['spec', 'securityGroups', index], id, 'sg');
    });
  },
  fix(ctx, finding) {
    return lowerCaseIdFix(ctx, finding.path, finding.data?.lowerCase);
  },
});
