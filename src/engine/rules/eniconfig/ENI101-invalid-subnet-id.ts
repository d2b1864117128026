import { readEniConfig } from '../../model/eniConfig';
import { checkAwsId, lowerCaseIdFix, type AwsIdData } from '../awsIdCheck';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<AwsIdData>({
  code: 'ENI101',
  slug: 'invalid-subnet-id',
  kinds: ['ENIConfig'],
  category: 'aws-format',
  defaultSeverity: 'error',
  summary:
    '`spec.subnet` is not a subnet ID (`subnet-` followed by 8 or 17 lower-case hex digits), or there is no `spec` at all.',
  why: 'The CRD accepts any string; the VPC CNI fails when it creates a network interface in that subnet, so new pods on nodes using this ENIConfig get no IP address. Use the subnet ID, not its name or CIDR.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: 100.64.0.0/19
      securityGroups:
        - sg-0123456789abcdef0
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
    const model = readEniConfig(ctx.value);
    if (model.spec === 'absent') {
      // The CRD accepts an ENIConfig without spec; the VPC CNI then has no subnet to use.
      ctx.report({
        path: ['spec', 'subnet'],
        range: ctx.rangeOf(['kind'], 'key'),
        message:
          'Required value: an ENIConfig without spec.subnet gives the VPC CNI no subnet for pod network interfaces',
      });
      return;
    }
    checkAwsId(ctx, ['spec', 'subnet'], model.subnet, 'subnet');
  },
  fix(ctx, finding) {
    return lowerCaseIdFix(ctx, finding.path, finding.data?.lowerCase);
  },
});
