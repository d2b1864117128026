import { renderValue } from '../../util/strings';
import { valueAt } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

const HANDLED_ELSEWHERE = new Set([
  'additionalProperties',
  'type',
  'enum',
  'required',
  'const',
  'if',
  'anyOf',
  'oneOf',
]);

export default defineRule<{ keyword: string }>({
  code: 'SCH005',
  slug: 'value-constraint',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A value breaks a constraint of the schema, such as a list that must not be empty.',
  why: 'The API server or the CRD schema rejects the object. A SecurityGroupPolicy with `groupIds: []` fails the CRD\'s "at least one item" rule.',
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
        groupIds: []
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
  docs: 'https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation',
  check(ctx) {
    for (const violation of ctx.schemaViolations) {
      if (HANDLED_ELSEWHERE.has(violation.keyword)) continue;
      const actual = valueAt(ctx.value, violation.path);
      ctx.report({
        path: violation.path,
        message: `Invalid value: ${renderValue(actual)}: ${describeConstraint(violation.keyword, violation.params)}`,
        data: { keyword: violation.keyword },
      });
    }
  },
});

function describeConstraint(keyword: string, params: Record<string, unknown>): string {
  const limit = params.limit;
  switch (keyword) {
    case 'minItems':
      return `must have at least ${limit} item${limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must have at most ${limit} item${limit === 1 ? '' : 's'}`;
    case 'minLength':
      return `must be at least ${limit} characters`;
    case 'maxLength':
      return `must be no more than ${limit} characters`;
    case 'minimum':
      return `must be greater than or equal to ${limit}`;
    case 'maximum':
      return `must be less than or equal to ${limit}`;
    case 'pattern':
      return `must match the regex ${String(params.pattern)}`;
    default:
      return `does not satisfy "${keyword}"`;
  }
}
