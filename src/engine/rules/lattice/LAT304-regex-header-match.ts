import { asList, isRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, MATCHING_ROUTE_KINDS, routeMatches } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (header: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - matches:\n        - headers:\n${header}      backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT304',
  slug: 'regex-header-match',
  kinds: MATCHING_ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A Lattice route matches a header with a regular expression; Lattice compares header values exactly.',
  why: 'VPC Lattice header conditions compare the value exactly (or by prefix or substring, which the Gateway API has no words for). The controller refuses a `RegularExpression` header match ("LATTICE_UNSUPPORTED_HEADER_MATCH_TYPE") and the route gets no Lattice rules.',
  badExample: ROUTE(
    '            - type: RegularExpression\n              name: x-tenant\n              value: "team-(a|b)"\n',
  ),
  goodExample: ROUTE('            - name: x-tenant\n              value: team-a\n'),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      asList(match.headers).forEach((header, index) => {
        if (!isRecord(header) || header.type !== 'RegularExpression') return;
        ctx.report({
          path: [...path, 'headers', index, 'type'],
          bare: true,
          message:
            'VPC Lattice compares header values exactly, not by regular expression: the controller fails to build the route (LATTICE_UNSUPPORTED_HEADER_MATCH_TYPE)',
        });
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
