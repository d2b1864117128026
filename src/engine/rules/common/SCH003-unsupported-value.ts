import { quoteList, renderValue } from '../../util/strings';
import { valueAt } from '../../util/values';
import { closestName } from '../../util/strings';
import { suggestionFixes } from '../fixes/valueEdits';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<{ allowed: unknown[]; suggestion?: string }>({
  code: 'SCH003',
  slug: 'unsupported-value',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A field only accepts a fixed set of values (case-sensitive) and this is not one of them.',
  why: 'The API server rejects the object with "Unsupported value". Protocols, policy types and selector operators are case-sensitive: `tcp` is not `TCP`.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: tcp
              port: 8080
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - podSelector:
                matchLabels:
                  app: web
          ports:
            - protocol: TCP
              port: 8080
  `,
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
