import { readCursor } from '../../editing/cursor';
import type { OffsetRange } from '../../types';
import { findTemplateMarker } from '../../util/placeholders';
import { defineRule, type RuleContext } from '../types';
import { manifest } from '../example';

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces',
  DUPLICATE_KEY: 'the API server would keep only one of them; remove or rename the other',
  MISSING_CHAR: 'close the quote or bracket',
  BAD_INDENT: 'line up the key with its siblings',
};

/**
 * A word alone on the line of the error, such as `pod` while typing `podSelector:`: the parser's
 * words ("implicit keys need to be on a single line") do not fit what was typed. Says what the key
 * becomes from the fields of the mapping it is in, when one starts with the word.
 */
function halfTypedKey(
  ctx: RuleContext<unknown>,
  at: OffsetRange,
): { message: string; range: OffsetRange } | undefined {
  const lineStart = ctx.text.lastIndexOf('\n', at.start - 1) + 1;
  const newline = ctx.text.indexOf('\n', at.start);
  const line = ctx.text.slice(lineStart, newline === -1 ? ctx.text.length : newline);
  const match = /^(\s*(?:- )?)([A-Za-z][\w.-]*)\s*$/.exec(line);
  if (!match) return undefined;
  const word = match[2];
  const start = lineStart + match[1].length;
  const range = { start, end: start + word.length };
  const place = readCursor(ctx.text, range.end).place;
  const candidates =
    place?.type === 'key'
      ? Object.keys(ctx.schemas.propertiesOf(ctx.schemas.schemaAt(ctx.resource, place.parentPath))).filter(
          (name) => name.toLowerCase().startsWith(word.toLowerCase()) && !place.presentKeys.includes(name),
        )
      : [];
  const finish =
    candidates.length > 0
      ? `finish it as ${candidates
          .slice(0, 3)
          .map((name) => `"${name}:"`)
          .join(' or ')} with its value`
      : `write it as "${word}: value"`;
  return { message: `"${word}" is a key without its colon; ${finish}, or remove the line`, range };
}

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
    const halfTyped = halfTypedKey(ctx, first.range);
    const hint = HINTS[first.yamlCode];
    const more =
      rest.length > 0 ? ` (${rest.length} more after it in this document; fix this one first)` : '';
    ctx.report({
      path: [],
      bare: true,
      range: halfTyped?.range ?? first.range,
      message: `YAML syntax error: ${halfTyped?.message ?? `${first.message}${hint ? ` (${hint})` : ''}`}${more}`,
      data: { yamlCode: first.yamlCode, more: rest.length },
    });
  },
});
