import { resourceTextRange } from '../templates';
import { defineRule } from '../types';
import { manifest } from '../example';

/**
 * `matchLabels:` whose first content line includes a chart's full `<chart>.labels` helper. The
 * helper call is matched within its line: `[^}]*` across lines rescanned the rest of the text from
 * every `matchLabels:`.
 */
const SELECTOR_FROM_LABELS =
  /^[ \t]*matchLabels:[ \t]*(?:#.*)?\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]*(\{\{-?[ \t]*include[ \t]+"([^"\n]+)\.labels"[^}\n]*\}\})/gm;

export default defineRule<{ chart: string }>({
  code: 'TPL004',
  slug: 'helm-selector-from-labels',
  kinds: 'any',
  category: 'template',
  defaultSeverity: 'warning',
  summary:
    "A selector's `matchLabels` comes from the chart's full `<chart>.labels` helper instead of `<chart>.selectorLabels`.",
  why: 'In the standard Helm chart scaffold, `<chart>.labels` also holds `helm.sh/chart` and `app.kubernetes.io/version`. A selector made of them stops matching the pods as soon as they are deployed from another chart version. `<chart>.selectorLabels` holds only the stable labels.',
  badExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          {{- include "db-client.labels" . | nindent 6 }}
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  exampleSettings: { rules: { TPL001: 'off', TPL002: 'off' } },
  goodExample: manifest`
    apiVersion: vpcresources.k8s.aws/v1beta1
    kind: SecurityGroupPolicy
    metadata:
      name: db-access
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          {{- include "db-client.selectorLabels" . | nindent 6 }}
      securityGroups:
        groupIds:
          - sg-0123456789abcdef0
  `,
  docs: 'https://helm.sh/docs/chart_best_practices/labels/',
  check(ctx) {
    const own = resourceTextRange(ctx);
    // Only this resource's own text: scanning the whole chunk for every item of a List was quadratic.
    for (const match of ctx.text.slice(own.start, own.end).matchAll(SELECTOR_FROM_LABELS)) {
      const [whole, include, chart] = match;
      const start = own.start + (match.index ?? 0) + whole.lastIndexOf(include);
      ctx.report({
        path: [],
        bare: true,
        range: { start, end: start + include.length },
        message: `matchLabels comes from "${chart}.labels", which usually includes the chart and app version labels: the selector stops matching pods deployed from another chart version. Use "${chart}.selectorLabels".`,
        data: { chart },
      });
    }
  },
  fix(ctx, finding) {
    const chart = finding.data?.chart;
    if (typeof chart !== 'string' || !finding.range) return [];
    const written = ctx.text.slice(finding.range.start, finding.range.end);
    const from = `"${chart}.labels"`;
    const at = written.indexOf(from);
    if (at === -1) return [];
    const start = finding.range.start + at;
    return [
      {
        title: `Use ${chart}.selectorLabels`,
        safe: false,
        edits: [{ start, end: start + from.length, newText: `"${chart}.selectorLabels"` }],
      },
    ];
  },
});
