import { isScalar } from 'yaml';
import { formatPath } from '../../parse/yamlPath';
import { valueAt } from '../../util/values';
import { defineRule } from '../types';
import { manifest } from '../example';

const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

export function describeType(value: unknown): string {
  if (Array.isArray(value)) return TYPE_WORDS.array;
  if (value === null || value === undefined) return TYPE_WORDS.null;
  if (typeof value === 'number') return Number.isInteger(value) ? TYPE_WORDS.integer : TYPE_WORDS.number;
  return TYPE_WORDS[typeof value] ?? typeof value;
}

export default defineRule<{ expected: string[]; quoted?: string }>({
  code: 'SCH002',
  slug: 'wrong-type',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A field holds the wrong type of value, such as a mapping where a list is expected.',
  why: 'The API server cannot decode the object and rejects it. A common case is `egress: {}` written for "allow all", which is `egress: [{}]`.',
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
        from:
          - podSelector:
              matchLabels:
                app: web
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
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  check(ctx) {
    for (const violation of ctx.schemaViolations) {
      if (violation.keyword !== 'type') continue;
      const expected = ([] as string[]).concat(violation.params.type as string | string[]);
      const wanted = expected.map((type) => TYPE_WORDS[type] ?? type).join(' or ');
      const actual = valueAt(ctx.value, violation.path);
      // `version: 1.0` or `enabled: true` in matchLabels: YAML reads a number or boolean where a
      // string is needed; quoting keeps the text as written.
      const range = ctx.rangeOf(violation.path, 'value');
      const written = ctx.text.slice(range.start, range.end);
      const quotable =
        isScalar(ctx.locate(violation.path)?.value) &&
        expected.includes('string') &&
        (typeof actual === 'number' || typeof actual === 'boolean') &&
        !/["'\n]/.test(written);
      const hint = quotable ? `; quote it to keep it text: "${written}"` : '';
      ctx.report({
        path: violation.path,
        bare: true,
        message: `${formatPath(violation.path)} must be ${wanted}, but is ${describeType(actual)}${hint}`,
        data: quotable ? { expected, quoted: `"${written}"` } : { expected },
      });
    }
  },
  fix(ctx, finding) {
    const quoted = finding.data?.quoted;
    if (typeof quoted !== 'string') return [];
    return [
      {
        title: `Quote the value: ${quoted}`,
        safe: true,
        edits: [{ ...ctx.rangeOf(finding.path, 'value'), newText: quoted }],
      },
    ];
  },
});
