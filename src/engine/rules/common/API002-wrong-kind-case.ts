import { renderValue } from '../../util/strings';
import { defineRule } from '../types';
import { manifest } from '../example';

export default defineRule<{ expected: string }>({
  code: 'API002',
  slug: 'wrong-kind-case',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary:
    'The kind is a slip for one of our kinds under its API group: other capitalisation (`networkpolicy`), a plural (`NetworkPolicies`) or a typo.',
  why: 'Kinds are exact and case-sensitive, and an API group serves only the kinds it defines: kubectl answers "no matches for kind" and nothing is created. A kind that is not ours under our own API group can never be applied, so it is reported rather than skipped.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicies
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
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
  check(ctx) {
    if (ctx.route.type !== 'wrongKind') return;
    const { resource, found, apiVersion } = ctx.route;
    const why =
      found.toLowerCase() === resource.kind.toLowerCase()
        ? 'kinds are case-sensitive'
        : `the kind is "${resource.kind}"`;
    ctx.report({
      path: ['kind'],
      bare: true,
      message: `kind ${renderValue(found)} is not served by ${renderValue(apiVersion)}; ${why}: use "${resource.kind}"`,
      data: { expected: resource.kind },
    });
  },
  fix(ctx, finding) {
    const expected = finding.data?.expected;
    if (expected === undefined) return [];
    return [
      {
        title: `Change kind to ${expected}`,
        safe: true,
        edits: [{ ...ctx.rangeOf(['kind'], 'value'), newText: expected }],
      },
    ];
  },
});
