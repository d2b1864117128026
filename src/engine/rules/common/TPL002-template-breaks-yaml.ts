import { findTemplateMarker } from '../../util/placeholders';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<{ tool: 'helm' | 'envsubst' }>({
  code: 'TPL002',
  slug: 'template-breaks-yaml',
  kinds: 'any',
  category: 'template',
  defaultSeverity: 'info',
  summary:
    'A Helm (`{{ }}`) or envsubst (`${X}`) template is not valid YAML until it is rendered; one note replaces the syntax errors.',
  why: 'Template expressions such as `{{- if .Values.enabled }}` or `[ ${SECURITY_GROUPS} ]` break the YAML structure, and the syntax errors they cause say nothing useful. Render the template (`helm template`, `envsubst`) and validate the output instead.',
  badExample: manifest`
    {{- if .Values.networkPolicy.enabled }}
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
    {{- end }}
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
  docs: 'https://helm.sh/docs/helm/helm_template/',
  check(ctx) {
    if (ctx.syntaxErrors.length === 0) return;
    const marker = findTemplateMarker(ctx.text);
    if (!marker) return;
    ctx.report({
      path: [],
      bare: true,
      range: { start: marker.offset, end: marker.offset + marker.length },
      message:
        marker.tool === 'helm'
          ? 'Helm template: render it with `helm template` to validate'
          : 'Template: `${…}` placeholders break the YAML here; substitute them (for example with `envsubst`) to validate',
      data: { tool: marker.tool },
    });
  },
});
