import { readEniConfig } from '../../model/eniConfig';
import { defineRule } from '../types';
import { manifest } from '../example';

/** The fields of an ENIConfig's spec. */
const SPEC_FIELDS = ['subnet', 'securityGroups'] as const;

export default defineRule({
  code: 'ENI203',
  slug: 'spec-field-at-top-level',
  kinds: ['ENIConfig'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary: '`subnet` or `securityGroups` is written at the top level instead of under `spec`.',
  why: "The ENIConfig CRD keeps unknown top-level fields, so the API server accepts the object, but the VPC CNI reads only `spec.subnet` and `spec.securityGroups`: a field at the top level is ignored (for `securityGroups`, the pods silently get the node's security groups). Indent it under `spec`.",
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: subnet-0123456789abcdef0
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
    for (const field of SPEC_FIELDS) {
      if (ctx.value[field] === undefined) continue;
      const inSpec = field === 'subnet' ? model.subnet !== undefined : model.securityGroups.length > 0;
      ctx.report({
        path: [field],
        target: 'key',
        bare: true,
        message: `${field} is at the top level, where the VPC CNI does not read it${inSpec ? ` (spec.${field} is used instead)` : ''}: move it under spec.`,
      });
    }
  },
});
