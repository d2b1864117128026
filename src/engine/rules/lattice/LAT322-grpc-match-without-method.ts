import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, routeMatches } from './common';
import { file, httpRoute, latticeGateway, LISTENER_HTTPS, PARENT } from './examples';

const ROUTE = (match: string) =>
  file(
    latticeGateway(LISTENER_HTTPS),
    httpRoute(
      `${PARENT}\n  rules:\n    - matches:\n${match}      backendRefs:\n        - name: greeter\n          port: 50051`,
      '',
      'greeter',
      'GRPCRoute',
    ),
  );

export default defineRule({
  code: 'LAT322',
  slug: 'grpc-match-without-method',
  kinds: ['GRPCRoute'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary: 'A match of a Lattice GRPCRoute tests only headers, without `method`.',
  why: 'The controller builds every gRPC match from its `method` (service and method become the request path) and reads it without checking that it is there; a headers-only match is not handled reliably. Add `method.service` to say which service the match is for.',
  badExample: ROUTE('        - headers:\n            - name: x-tenant\n              value: team-a\n'),
  goodExample: ROUTE(
    '        - method:\n            service: helloworld.Greeter\n          headers:\n            - name: x-tenant\n              value: team-a\n',
  ),
  docs: `${CONTROLLER_DOCS}api-types/grpc-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      if (match.method !== undefined) continue;
      ctx.report({
        path: match.headers !== undefined ? [...path, 'headers'] : path,
        target: 'key',
        bare: true,
        message:
          'a gRPC match without method: the Lattice controller builds the rule from method.service and method.method, so add at least method.service',
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
