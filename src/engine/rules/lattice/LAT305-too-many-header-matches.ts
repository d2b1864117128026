import { asList } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, MATCHING_ROUTE_KINDS, routeMatches } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

/** Header conditions in one Lattice rule. */
export const LATTICE_MAX_HEADER_MATCHES = 5;

const ROUTE = (count: number) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - matches:\n        - headers:\n${Array.from({ length: count }, (_, i) => `            - name: x-h${i + 1}\n              value: "on"\n`).join('')}      backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT305',
  slug: 'too-many-header-matches',
  kinds: MATCHING_ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary: 'A match of a Lattice route tests more than 5 headers; a VPC Lattice rule takes at most 5.',
  why: 'The Gateway API allows 16 header matches, a VPC Lattice rule 5 header conditions. The controller refuses the route ("LATTICE_EXCEED_MAX_HEADER_MATCHES") and it gets no Lattice rules.',
  badExample: ROUTE(6),
  goodExample: ROUTE(5),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      const count = asList(match.headers).length;
      if (count <= LATTICE_MAX_HEADER_MATCHES) continue;
      ctx.report({
        path: [...path, 'headers', LATTICE_MAX_HEADER_MATCHES, 'name'],
        bare: true,
        message: `${count} header matches: a VPC Lattice rule takes at most ${LATTICE_MAX_HEADER_MATCHES}, and the controller fails to build the route (LATTICE_EXCEED_MAX_HEADER_MATCHES)`,
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
