import { defineRule } from '../types';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';
import { retiredLatticeVersion } from '../../route/latticeResourceTypes';

/** apiVersions that once served these kinds and were removed from Kubernetes. */
const RETIRED: Record<string, string> = {
  'extensions/v1beta1': 'it was removed in Kubernetes 1.16',
  'networking.k8s.io/v1beta1': 'NetworkPolicy was never served under it',
};

export default defineRule<{ expected: string }>({
  code: 'API001',
  slug: 'wrong-api-version',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'A known kind is declared with an apiVersion that does not serve it.',
  why: 'kubectl answers "no matches for kind" and nothing is created. Old tutorials still use retired apiVersions such as extensions/v1beta1.',
  badExample: manifest`
    apiVersion: extensions/v1beta1
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
  docs: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
  check(ctx) {
    if (ctx.route.type !== 'wrongApiVersion') return;
    const { resource, found } = ctx.route;
    const expected = resource.apiVersion;
    if (found === undefined || found === '') {
      ctx.report({
        path: ['kind'],
        bare: true,
        message: `apiVersion is missing: a ${resource.kind} needs apiVersion "${expected}"`,
        data: { expected },
      });
      return;
    }
    const retired = RETIRED[found] ?? retiredLatticeVersion(found, resource.kind);
    const reason = retired ? ` (${retired})` : '';
    ctx.report({
      path: ['apiVersion'],
      bare: true,
      message: `apiVersion ${renderValue(found)} does not serve kind ${resource.kind}${reason}; use "${expected}"`,
      data: { expected },
    });
  },
  fix(ctx, finding) {
    const expected = finding.data?.expected;
    if (expected === undefined) return [];
    if (finding.path[0] !== 'apiVersion') {
      const kindKey = ctx.rangeOf(['kind'], 'key');
      const lineStart = ctx.text.lastIndexOf('\n', kindKey.start - 1) + 1;
      const indent = ctx.text.slice(lineStart, kindKey.start);
      return [
        {
          title: `Add apiVersion: ${expected}`,
          safe: true,
          edits: [{ start: lineStart, end: lineStart, newText: `${indent}apiVersion: ${expected}\n` }],
        },
      ];
    }
    return [
      {
        title: `Change apiVersion to ${expected}`,
        safe: true,
        edits: [{ ...ctx.rangeOf(['apiVersion'], 'value'), newText: expected }],
      },
    ];
  },
});
