import { asList } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, routeMatches } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (condition: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - matches:\n        - path:\n            type: PathPrefix\n            value: /rates\n${condition}      backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT303',
  slug: 'query-param-match',
  kinds: ['HTTPRoute'],
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'A Lattice HTTPRoute matches query parameters, which VPC Lattice rules cannot.',
  why: 'VPC Lattice rules match the method, the path and headers, never the query string. The controller refuses a match with `queryParams` ("LATTICE_UNSUPPORTED_MATCH_TYPE") and the route gets no Lattice rules. Carry the value in a header instead.',
  badExample: ROUTE('          queryParams:\n            - name: currency\n              value: EUR\n'),
  goodExample: ROUTE('          headers:\n            - name: x-currency\n              value: EUR\n'),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      if (asList(match.queryParams).length === 0) continue;
      ctx.report({
        path: [...path, 'queryParams'],
        target: 'key',
        bare: true,
        message:
          'VPC Lattice rules cannot match query parameters: the controller fails to build the route (LATTICE_UNSUPPORTED_MATCH_TYPE). Match a header instead.',
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
