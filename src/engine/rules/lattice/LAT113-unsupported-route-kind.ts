import { GATEWAY_API_GROUP, latticeDefaultRouteKinds, listenersOf } from '../../model/lattice';
import { asList, isRecord } from '../../util/values';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS } from './common';
import { latticeGateway } from './examples';

export default defineRule({
  code: 'LAT113',
  slug: 'unsupported-route-kind',
  kinds: ['Gateway'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    "A Lattice listener's `allowedRoutes.kinds` names a route kind that Lattice cannot serve on the listener's protocol: the listener is invalid.",
  why: 'On VPC Lattice an HTTP listener serves HTTPRoute, an HTTPS listener HTTPRoute and GRPCRoute, a TLS listener TLSRoute; there is no TCPRoute or UDPRoute. When `allowedRoutes.kinds` lists anything else, the controller marks the listener `ResolvedRefs=False` (reason `InvalidRouteKinds`) and attaches no route to it; with no valid listener left the Gateway is not reconciled ("no valid listeners").',
  badExample: latticeGateway(
    '    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes:\n        kinds:\n          - kind: GRPCRoute',
  ),
  goodExample: latticeGateway(
    '    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes:\n        kinds:\n          - kind: HTTPRoute',
  ),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  check(ctx) {
    listenersOf(ctx.value).forEach((listener, index) => {
      const protocol = listener.protocol;
      if (typeof protocol !== 'string') return;
      const usable = latticeDefaultRouteKinds(protocol) as readonly string[];
      asList(listener.allowedRoutes?.kinds).forEach((entry, kindIndex) => {
        if (!isRecord(entry) || typeof entry.kind !== 'string') return;
        const group = typeof entry.group === 'string' ? entry.group : GATEWAY_API_GROUP;
        if (group === GATEWAY_API_GROUP && usable.includes(entry.kind)) return;
        const expected = usable.length > 0 ? usable.join(' or ') : 'no route kind';
        ctx.report({
          path: ['spec', 'listeners', index, 'allowedRoutes', 'kinds', kindIndex, 'kind'],
          bare: true,
          message: `${/^[AEFHILMNORSX]/.test(protocol) ? 'an' : 'a'} ${protocol} listener on VPC Lattice serves ${expected}, not ${group === GATEWAY_API_GROUP ? '' : `${group}/`}${entry.kind}: the controller marks listener "${String(listener.name)}" InvalidRouteKinds and attaches no route to it`,
        });
      });
    });
  },
  holdsInWorkspace: boundToLattice,
});
