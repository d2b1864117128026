import { formatPath } from '../../parse/yamlPath';
import { findPlaceholders } from '../templates';
import { defineRule } from '../types';
import { manifest } from '../example';
import { LATTICE_KINDS } from '../../route/latticeResourceTypes';

export default defineRule<{ placeholder: string }>({
  code: 'TPL001',
  slug: 'placeholder-value',
  kinds: ['NetworkPolicy', 'SecurityGroupPolicy', 'ENIConfig', ...LATTICE_KINDS],
  category: 'template',
  defaultSeverity: 'info',
  summary:
    'A value is a template placeholder (`${X}`, `$X`, `{{ .Values.x }}`, `<x>`, an upper-case variable such as `TENANT_NAME` in a name, or a stand-in such as `PRIVATE_SUBNET` or `sg-placeholder-db` for an AWS ID); it is checked after it is filled in.',
  why: 'Many SecurityGroupPolicy and ENIConfig files are templates filled in by envsubst, Helm or a script. The placeholder itself is not an error, so format and type checks skip it; this note says the real value is only known once the template is rendered, so check the rendered manifest too.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
      subnet: \${SUBNET_AZ_1}
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
  docs: 'https://helm.sh/docs/helm/helm_template/',
  check(ctx) {
    for (const { path, source } of findPlaceholders(ctx)) {
      ctx.report({
        path,
        bare: true,
        message: `${formatPath(path)} is a placeholder (${source}): it is resolved when the template is rendered, so it is not checked here`,
        data: { placeholder: source },
      });
    }
  },
});
