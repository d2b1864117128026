import { defineRule } from '../types';

export default defineRule<{ expected: string }>({
  code: 'API002',
  slug: 'wrong-kind-case',
  kinds: 'any',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'The kind is spelled with the wrong capitalisation.',
  why: 'Kinds are case-sensitive: the API server does not find "networkpolicy" and rejects the document.',
  badExample: 'apiVersion: networking.k8s.io/v1\nkind: networkpolicy',
  goodExample: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy',
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
  check(ctx) {
    if (ctx.route.type !== 'wrongKind') return;
    const { resource, found } = ctx.route;
    ctx.report({
      path: ['kind'],
      bare: true,
      message: `kind "${found}" is not served by ${resource.apiVersion}; kinds are case-sensitive: use "${resource.kind}"`,
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
