import { findTemplateMarker } from '../../util/placeholders';
import { defineRule } from '../types';
import { manifest } from '../example';

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces',
  DUPLICATE_KEY: 'the API server would keep only one of them; remove or rename the other',
  MISSING_CHAR: 'close the quote or bracket',
  BAD_INDENT: 'line up the key with its siblings',
};

export default defineRule<{ yamlCode: string; more: number }>({
  code: 'YAML001',
  slug: 'syntax-error',
  kinds: 'any',
  category: 'yaml',
  defaultSeverity: 'error',
  summary: 'The document is not valid YAML.',
  why: 'kubectl cannot read a document with a syntax error, so nothing in it is applied. The other documents of the file are still checked.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
    \tmatchLabels:
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
  docs: 'https://yaml.org/spec/1.2.2/',
  check(ctx) {
    // After the first error the parser often reports a cascade of follow-on errors; the first is
    // the one to fix, so report it and say how many more there are.
    const [first, ...rest] = ctx.syntaxErrors;
    if (!first) return;
    // In a Helm or envsubst template the errors come from the template syntax; TPL002 says so once.
    if (findTemplateMarker(ctx.text)) return;
    const hint = HINTS[first.yamlCode];
    const more =
      rest.length > 0 ? ` (${rest.length} more after it in this document; fix this one first)` : '';
    ctx.report({
      path: [],
      bare: true,
      range: first.range,
      message: `YAML syntax error: ${first.message}${hint ? ` (${hint})` : ''}${more}`,
      data: { yamlCode: first.yamlCode, more: rest.length },
    });
  },
});
