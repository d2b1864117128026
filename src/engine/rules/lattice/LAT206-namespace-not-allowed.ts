import { latticeParents } from '../../model/lattice';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const GATEWAY = (from: string) =>
  latticeGateway(`    - name: http\n      protocol: HTTP\n      port: 80${from}`);
const ROUTE = httpRoute(
  `  parentRefs:\n    - name: my-hotel\n      namespace: hotel\n  rules:\n    - backendRefs:\n        - name: bookings\n          port: 80`,
)
  .replace('namespace: hotel\nspec', 'namespace: bookings\nspec')
  .replace('name: rates\n  namespace: bookings', 'name: bookings\n  namespace: bookings');

export default defineRule({
  code: 'LAT206',
  slug: 'namespace-not-allowed',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A Lattice route in another namespace than its Gateway attaches to listeners whose `allowedRoutes.namespaces` do not admit it (`Same` by default).',
  why: 'A listener takes routes from its own namespace unless `allowedRoutes.namespaces.from` says `All` (or `Selector`, with a label selector on the route’s namespace). Since controller v2.0 a route that no listener admits is `Accepted=False` (`NotAllowedByListeners`) and gets no Lattice service ("No VPC Lattice resources created. Route\'s parentRefs rejected by all Gateway listeners due to allowedRoutes policies").',
  badExample: file(GATEWAY(''), ROUTE),
  goodExample: file(GATEWAY('\n      allowedRoutes:\n        namespaces:\n          from: All'), ROUTE),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ROUTE_KINDS)) {
      for (const parent of latticeParents(object.value, view.context)) {
        if (parent.problem !== 'namespaceNotAllowed') continue;
        ctx.report(object, {
          path: ['spec', 'parentRefs', parent.index, 'name'],
          bare: true,
          message: `the listeners of Gateway ${gatewayName(parent.gateway!)} only admit routes from their own namespace (allowedRoutes.namespaces.from is Same, the default), and this route is in "${String(object.namespace)}": it is not accepted (NotAllowedByListeners). Set from: All (or Selector) on the listener.`,
        });
      }
    }
  },
});
