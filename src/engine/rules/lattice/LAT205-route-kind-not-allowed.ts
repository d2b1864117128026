import { latticeParents, listenerRouteKinds } from '../../model/lattice';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, LISTENER_HTTP, LISTENER_HTTPS } from './examples';

const ROUTE = (section: string) =>
  file(
    latticeGateway(`${LISTENER_HTTP}\n${LISTENER_HTTPS}`),
    httpRoute(
      `  parentRefs:\n    - name: my-hotel\n      sectionName: ${section}\n  rules:\n    - matches:\n        - method:\n            service: helloworld.Greeter\n      backendRefs:\n        - name: greeter\n          port: 50051`,
      '',
      'greeter',
      'GRPCRoute',
    ),
  );

const NEEDS: Record<string, string> = {
  HTTPRoute: 'an HTTP or HTTPS listener',
  GRPCRoute: 'an HTTPS listener (gRPC needs HTTP/2, which Lattice serves over TLS only)',
  TLSRoute: 'a TLS listener with mode Passthrough',
};

export default defineRule({
  code: 'LAT205',
  slug: 'route-kind-not-allowed',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'The Lattice listeners a route attaches to do not take its kind: GRPCRoute needs HTTPS, TLSRoute TLS passthrough, HTTPRoute HTTP or HTTPS.',
  why: 'Each listener accepts the route kinds of its `allowedRoutes.kinds`, or by default those its protocol serves on VPC Lattice: HTTP takes HTTPRoute; HTTPS takes HTTPRoute and GRPCRoute; TLS (passthrough) takes TLSRoute. A route attached only to listeners that refuse its kind is not accepted and gets no Lattice listener.',
  badExample: ROUTE('http'),
  goodExample: ROUTE('https'),
  docs: `${CONTROLLER_DOCS}api-types/grpc-route/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ROUTE_KINDS)) {
      for (const parent of latticeParents(object.value, view.context)) {
        if (parent.problem !== 'kindNotAllowed') continue;
        const offered = parent.selectedListeners.map(
          (listener) =>
            `"${String(listener.name)}" (${String(listener.protocol)}: ${listenerRouteKinds(listener).join(', ') || 'no route kind'})`,
        );
        ctx.report(object, {
          path: [
            'spec',
            'parentRefs',
            parent.index,
            parent.ref.sectionName !== undefined ? 'sectionName' : 'name',
          ],
          bare: true,
          message: `a ${object.kind} needs ${NEEDS[object.kind] ?? 'a listener that allows it'}; Gateway ${gatewayName(parent.gateway!)} offers ${offered.join(', ')}: the route is not attached there`,
        });
      }
    }
  },
});
