import { latticeParents } from '../../model/lattice';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const GATEWAY = latticeGateway(
  '    - name: http\n      protocol: HTTP\n      port: 80\n      hostname: "*.hotel.example.com"',
);
const ROUTE = (hostname: string) =>
  httpRoute(
    `  hostnames:\n    - ${hostname}\n  parentRefs:\n    - name: my-hotel\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
  );

export default defineRule({
  code: 'LAT207',
  slug: 'hostname-not-allowed',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: "None of a Lattice route's hostnames fits the hostname of the listeners it attaches to.",
  why: 'A listener with a `hostname` only takes routes with a hostname it covers (`*.example.com` covers `rates.example.com`). The controller uses the listener hostname for that check alone, never as a Lattice domain; a route with no fitting hostname is `Accepted=False` (`NoMatchingListenerHostname`).',
  badExample: file(GATEWAY, ROUTE('rates.example.com')),
  goodExample: file(GATEWAY, ROUTE('rates.hotel.example.com')),
  docs: `${CONTROLLER_DOCS}api-types/gateway/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ROUTE_KINDS)) {
      for (const parent of latticeParents(object.value, view.context)) {
        if (parent.problem !== 'hostnameMismatch') continue;
        const hostnames = [
          ...new Set(parent.selectedListeners.map((listener) => listener.hostname).filter(Boolean)),
        ];
        ctx.report(object, {
          path: ['spec', 'hostnames'],
          target: 'key',
          bare: true,
          message: `no hostname of this route fits the listener hostname ${hostnames.map((h) => `"${String(h)}"`).join(', ')} of Gateway ${gatewayName(parent.gateway!)}: it is not accepted (NoMatchingListenerHostname)`,
        });
      }
    }
  },
});
