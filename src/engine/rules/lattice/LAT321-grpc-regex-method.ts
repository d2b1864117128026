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
  code: 'LAT321',
  slug: 'grpc-regex-method',
  kinds: ['GRPCRoute'],
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'A Lattice GRPCRoute matches the service or method with a regular expression.',
  why: 'The controller matches gRPC calls by their request path, exactly (service and method) or by prefix (service only). It refuses `type: RegularExpression` ("unsupported gRPC method match type RegularExpression"). Match the service alone to take all of its methods.',
  badExample: ROUTE(
    '            type: RegularExpression\n            service: helloworld.Greeter\n            method: "Say.*"\n',
  ),
  goodExample: ROUTE('            service: helloworld.Greeter\n'),
  docs: `${CONTROLLER_DOCS}api-types/grpc-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      if (asRecord(match.method).type !== 'RegularExpression') continue;
      ctx.report({
        path: [...path, 'method', 'type'],
        bare: true,
        message:
          'the Lattice controller matches gRPC services and methods exactly, not by regular expression ("unsupported gRPC method match type RegularExpression"); match the service alone to take all its methods',
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
