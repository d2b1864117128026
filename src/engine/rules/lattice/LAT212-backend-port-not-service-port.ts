import { servicePorts } from '../../model/latticeBackends';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { backendName, boundBackends } from './backends';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: rates\n  namespace: hotel\nspec:\n  selector:\n    app: rates\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080';
const ROUTE = (port: number) =>
  httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: ${port}`);

export default defineRule({
  code: 'LAT212',
  slug: 'backend-port-not-service-port',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    "A backendRef's `port` is not one of the Service's `spec.ports[].port` (often it is the targetPort): the target group gets no targets.",
  why: "The controller registers the endpoints of the Service port whose `port` equals the backendRef's port. With no such port the Lattice target group is created empty, without an error anywhere, and every request to that backend fails (503). Use the Service port, not the container port.",
  badExample: file(latticeGateway(), SERVICE, ROUTE(8080)),
  goodExample: file(latticeGateway(), SERVICE, ROUTE(80)),
  docs: `${CONTROLLER_DOCS}api-types/service/`,
  checkWorkspace(ctx) {
    for (const { route, backend } of boundBackends(ctx)) {
      if (
        backend.kind !== 'Service' ||
        !backend.target ||
        backend.servicePort ||
        backend.ref.port === undefined
      )
        continue;
      const ports = servicePorts(backend.target);
      const byTarget = ports.filter((port) => port.targetPort === backend.ref.port);
      const hint =
        byTarget.length === 1
          ? ` ${String(backend.ref.port)} is the targetPort of Service port ${String(byTarget[0].port)}: use ${String(byTarget[0].port)}.`
          : ` Its ports: ${ports.map((port) => String(port.port)).join(', ') || 'none'}.`;
      ctx.report(route, {
        path: [...backend.path, 'port'],
        bare: true,
        message: `Service ${backendName(backend)} has no port ${String(backend.ref.port)}: the Lattice target group gets no targets and requests to it fail.${hint}`,
      });
    }
  },
});
