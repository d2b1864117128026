import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, routeMatches } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (type: string, value: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - matches:\n        - path:\n            type: ${type}\n            value: ${value}\n      backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT302',
  slug: 'regex-path-match',
  kinds: ['HTTPRoute'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A Lattice HTTPRoute matches the path with a regular expression; Lattice matches paths exactly or by prefix only.',
  why: 'VPC Lattice rules match a path exactly or by prefix. The controller refuses a `RegularExpression` path ("LATTICE_UNSUPPORTED_PATH_MATCH_TYPE") and the route gets no Lattice rules. Use `PathPrefix` (or several `Exact` rules).',
  badExample: ROUTE('RegularExpression', '/rates/[0-9]+'),
  goodExample: ROUTE('PathPrefix', '/rates/'),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const { match, path } of routeMatches(ctx.value)) {
      if (asRecord(match.path).type !== 'RegularExpression') continue;
      ctx.report({
        path: [...path, 'path', 'type'],
        bare: true,
        message:
          'VPC Lattice matches paths exactly or by prefix, not by regular expression: the controller fails to build the route (LATTICE_UNSUPPORTED_PATH_MATCH_TYPE). Use PathPrefix or Exact.',
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
