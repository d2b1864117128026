import { asList, asRecord, isRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, MATCHING_ROUTE_KINDS, routeRules } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

/** What a filter type would do, said as what happens on Lattice instead. */
const FILTERS: Record<string, string> = {
  RequestHeaderModifier: 'requests reach the backends with their headers unchanged',
  ResponseHeaderModifier: 'responses reach the clients with their headers unchanged',
  RequestRedirect:
    'no redirect is sent: the rule has no backend, so VPC Lattice answers its requests with status 500',
  URLRewrite: 'the backends get the path and host as the client sent them',
  RequestMirror: 'no copy of the requests is sent anywhere',
  CORS: 'no CORS headers are added; preflight requests go to the backends',
  ExtensionRef: 'the extension is not called',
};

const RULE_FIELDS: Record<string, string> = {
  timeouts: "VPC Lattice's own timeouts apply",
  retry: 'failed requests are not retried',
  sessionPersistence: 'requests are spread over the targets without stickiness',
};

const ROUTE = (extra: string) =>
  file(
    latticeGateway(),
    httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80${extra}`),
  );

export default defineRule({
  code: 'LAT306',
  slug: 'ignored-route-fields',
  kinds: MATCHING_ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'A Lattice route uses filters, timeouts, retries or session persistence, which the Lattice controller ignores.',
  why: 'VPC Lattice rules only match and forward (with weights). The AWS Gateway API Controller reads no `filters` (of rules or of backendRefs: header changes, redirects, rewrites, mirrors, CORS), no `timeouts`, `retry` or `sessionPersistence`; the route is accepted as if they were not there. Each message says what happens instead.',
  badExample: ROUTE('\n      timeouts:\n        request: 10s'),
  goodExample: ROUTE(''),
  docs: `${CONTROLLER_DOCS}conformance-test/`,
  check(ctx) {
    for (const { rule, path } of routeRules(ctx.value)) {
      asList(rule.filters).forEach((filter, index) => {
        const type = asRecord(filter).type;
        if (typeof type !== 'string') return;
        ctx.report({
          path: [...path, 'filters', index, 'type'],
          bare: true,
          message: `filter ${type} is ignored by the Lattice controller: ${FILTERS[type] ?? 'it has no effect'}`,
        });
      });
      for (const [field, instead] of Object.entries(RULE_FIELDS)) {
        if (rule[field] === undefined) continue;
        ctx.report({
          path: [...path, field],
          target: 'key',
          bare: true,
          message: `${field} is ignored by the Lattice controller: ${instead}`,
        });
      }
      asList(rule.backendRefs).forEach((ref, refIndex) => {
        if (!isRecord(ref) || asList(ref.filters).length === 0) return;
        ctx.report({
          path: [...path, 'backendRefs', refIndex, 'filters'],
          target: 'key',
          bare: true,
          message:
            'backendRef filters are ignored by the Lattice controller: requests reach this backend unchanged',
        });
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
