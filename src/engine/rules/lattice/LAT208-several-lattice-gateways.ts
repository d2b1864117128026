import { latticeParents } from '../../model/lattice';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const ROUTE = (parents: string) =>
  httpRoute(
    `  parentRefs:\n${parents}  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
  );

export default defineRule({
  code: 'LAT208',
  slug: 'several-lattice-gateways',
  kinds: ROUTE_KINDS,
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A route attaches to two different Lattice Gateways: only the first one’s listeners and certificate configure its Lattice service.',
  why: "A route is one VPC Lattice service. The controller builds the service's listeners (ports, protocols, certificate) from the first Lattice Gateway among the parentRefs; the others only add associations with their service networks. Listeners of the second Gateway that the first lacks are never created. Attach the route to one Lattice Gateway (several of its listeners are fine).",
  badExample: file(
    latticeGateway(),
    latticeGateway(undefined, 'my-hotel-partners'),
    ROUTE('    - name: my-hotel\n    - name: my-hotel-partners\n'),
  ),
  goodExample: file(latticeGateway(), ROUTE('    - name: my-hotel\n')),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ROUTE_KINDS)) {
      const [first, ...others] = latticeParents(object.value, view.context);
      for (const parent of others) {
        if (!first?.gateway || parent.gateway === first.gateway) continue;
        ctx.report(object, {
          path: ['spec', 'parentRefs', parent.index, 'name'],
          bare: true,
          message: `a second Lattice Gateway (${gatewayName(parent.gateway!)}): the route's listeners and certificate come from the first, ${gatewayName(first.gateway)}; this one only associates the service with its service network`,
        });
      }
    }
  },
});
