import type { ResourceKind } from '../../types';
import { resourceTextRange } from '../templates';
import { defineRule } from '../types';
import { manifest } from '../example';

/** Fields that hold a list of strings, per kind. */
const LIST_FIELDS: Partial<Record<ResourceKind, readonly string[]>> = {
  NetworkPolicy: ['except', 'policyTypes', 'values'],
  SecurityGroupPolicy: ['groupIds', 'values'],
  ENIConfig: ['securityGroups'],
};

/** Helm functions that render a list as YAML or JSON (or build the text themselves). */
const RENDERS_LIST = /\b(toYaml|toJson|toPrettyJson|toRawJson|include|tpl)\b/;

export default defineRule<{ field: string }>({
  code: 'TPL003',
  slug: 'helm-list-as-string',
  kinds: 'any',
  category: 'template',
  defaultSeverity: 'warning',
  summary:
    'A list field is filled with a bare Helm value (`groupIds: {{ .Values.groups }}`), which renders as `[a b]`: one item, not a list.',
  why: 'Helm prints a list with Go formatting, `[sg-1 sg-2]`, which YAML reads as a list with the single item "sg-1 sg-2" (and `[]` for an empty list, which the CRD rejects). Render lists with `toYaml` or `toJson`.',
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
        groupIds: {{ .Values.securityGroups }}
  `,
  exampleSettings: { rules: { TPL001: 'off' } },
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
        groupIds: {{ toJson .Values.securityGroups }}
  `,
  docs: 'https://helm.sh/docs/chart_template_guide/function_list/#type-conversion-functions',
  check(ctx) {
    const fields = LIST_FIELDS[ctx.resource.kind];
    if (!fields) return;
    const pattern = new RegExp(
      // Within one line: `[^}]*?` across lines rescanned the rest of the text from every field.
      `^[ \\t]*(?:- +)?(${fields.join('|')})[ \\t]*:[ \\t]*(\\{\\{-?([^}\\n]*?)-?\\}\\})[ \\t]*(#.*)?$`,
      'gm',
    );
    const own = resourceTextRange(ctx);
    // Only this resource's own text: scanning the whole chunk for every item of a List was quadratic.
    for (const match of ctx.text.slice(own.start, own.end).matchAll(pattern)) {
      const [line, field, expression, inner] = match;
      if (RENDERS_LIST.test(inner)) continue;
      const start = own.start + (match.index ?? 0) + line.indexOf(expression);
      ctx.report({
        path: [],
        bare: true,
        range: { start, end: start + expression.length },
        message: `${field}: ${expression} renders a list as "[a b]", which YAML reads as one item; use {{ toJson${spacedExpression(inner)} }} (or toYaml with nindent on the next line).`,
        data: { field },
      });
    }
  },
});

/** The expression with one leading blank (if it had any) and none trailing; `\s+$` is quadratic on long blanks. */
function spacedExpression(inner: string): string {
  const trimmed = inner.trim();
  return trimmed !== '' && /^\s/.test(inner) ? ` ${trimmed}` : trimmed;
}
