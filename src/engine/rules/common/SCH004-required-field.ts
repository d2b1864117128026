import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<{ missing: string }>({
  code: 'SCH004',
  slug: 'required-field',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A field that the API requires is missing.',
  why: 'The API server (or the CRD schema) rejects the object with "Required value". For ENIConfig, `spec.subnet` is required by the current CRD.',
  badExample: manifest`
    apiVersion: crd.k8s.amazonaws.com/v1alpha1
    kind: ENIConfig
    metadata:
      name: us-west-2a
    spec:
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
  docs: 'https://kubernetes.io/docs/reference/using-api/api-concepts/',
  check(ctx) {
    for (const violation of ctx.schemaViolations) {
      if (violation.keyword !== 'required') continue;
      const missing = String(violation.params.missingProperty);
      const path = [...violation.path, missing];
      ctx.report({
        path,
        message: 'Required value',
        range: ctx.rangeOf(violation.path.length > 0 ? violation.path : ['kind'], 'key'),
        data: { missing },
      });
    }
  },
});
