import { defineRule } from '../types';

export default defineRule<{ missing: string }>({
  code: 'SCH004',
  slug: 'required-field',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A field that the API requires is missing.',
  why: 'The API server (or the CRD schema) rejects the object with "Required value". For ENIConfig, `spec.subnet` is required by the current CRD.',
  badExample: 'kind: ENIConfig\nspec:\n  securityGroups: [sg-0123456789abcdef0]',
  goodExample:
    'kind: ENIConfig\nspec:\n  subnet: subnet-0123456789abcdef0\n  securityGroups: [sg-0123456789abcdef0]',
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
