import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, routeMatches } from './common';
import { file, httpRoute, latticeGateway, LISTENER_HTTPS, PARENT } from './examples';

const ROUTE = (method: string) =>
  file(
    latticeGateway(LISTENER_HTTPS),
    httpRoute(
      `${PARENT}\n  rules:\n    - matches:\n        - method:\n${method}      backendRefs:\n        - name: greeter\n          port: 50051`,
      '',
      'greeter',
      'GRPCRoute',
    ),
  );

export default defineRule({
  code: 'LAT320',
  slug: 'grpc-method-without-service',
  kinds: ['GRPCRoute'],
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'A Lattice GRPCRoute matches a method without its service.',
  why: 'The controller turns a gRPC match into the request path `/<service>/<method>`; without the service there is no path to match, and it refuses the route ("cannot create GRPCRouteMatch for nil service and non-nil method"). Name the fully qualified service too.',
  badExample: ROUTE('            method: SayHello\n'),
  goodExample: ROUTE('            service: helloworld.Greeter\n            method: SayHello\n'),
  docs: `${CONTROLLER_DOCS}api-types/grpc-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      const method = asRecord(match.method);
      if (method.method === undefined || method.service !== undefined) continue;
      ctx.report({
        path: [...path, 'method', 'method'],
        bare: true,
        message:
          'a method without its service: the Lattice controller refuses the route ("cannot create GRPCRouteMatch for nil service and non-nil method"). Add method.service.',
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
