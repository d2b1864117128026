import { quoteList, renderValue } from '../../util/strings';
import { valueAt } from '../../util/values';
import { closestName } from '../../util/strings';
import { suggestionFixes } from '../fixes/valueEdits';
import { defineRule } from '../types';

export default defineRule<{ allowed: unknown[]; suggestion?: string }>({
  code: 'SCH003',
  slug: 'unsupported-value',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A field only accepts a fixed set of values (case-sensitive) and this is not one of them.',
  why: 'The API server rejects the object with "Unsupported value". Protocols, policy types and selector operators are case-sensitive: `tcp` is not `TCP`.',
  badExample: 'ports:\n  - protocol: tcp\n    port: 443',
  goodExample: 'ports:\n  - protocol: TCP\n    port: 443',
  docs: 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/',
  check(ctx) {
    for (const violation of ctx.schemaViolations) {
      if (violation.keyword !== 'enum') continue;
      const allowed = (violation.params.allowedValues as unknown[]) ?? [];
      const actual = valueAt(ctx.value, violation.path);
      const suggestion =
        typeof actual === 'string'
          ? closestName(
              actual,
              allowed.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      ctx.report({
        path: violation.path,
        message: `Unsupported value: ${renderValue(actual)}: supported values: ${quoteList(allowed)}`,
        data: { allowed, suggestion },
      });
    }
  },
  fix: suggestionFixes,
});
