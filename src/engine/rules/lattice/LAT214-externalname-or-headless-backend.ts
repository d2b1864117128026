import { asRecord } from '../../util/values';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { backendName, boundBackends } from './backends';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const SERVICE = (spec: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: rates\n  namespace: hotel\nspec:\n${spec}`;
const ROUTE = httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`);

export default defineRule({
  code: 'LAT214',
  slug: 'externalname-or-headless-backend',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'warning',
  summary: 'A Lattice route sends traffic to an ExternalName or headless Service.',
  why: 'The controller registers the pods behind a Service (its endpoints) as Lattice targets. An ExternalName Service has no endpoints, so its target group stays empty; headless Services are not supported either (they fail the controller’s conformance tests).',
  badExample: file(
    latticeGateway(),
    SERVICE('  type: ExternalName\n  externalName: rates.example.com\n  ports:\n    - port: 80'),
    ROUTE,
  ),
  goodExample: file(
    latticeGateway(),
    SERVICE('  selector:\n    app: rates\n  ports:\n    - port: 80\n      targetPort: 8080'),
    ROUTE,
  ),
  docs: `${CONTROLLER_DOCS}api-types/service/`,
  checkWorkspace(ctx) {
    for (const { route, backend } of boundBackends(ctx)) {
      if (backend.kind !== 'Service' || !backend.target) continue;
      const spec = asRecord(backend.target.spec);
      const what =
        spec.type === 'ExternalName'
          ? 'an ExternalName Service'
          : spec.clusterIP === 'None'
            ? 'a headless Service'
            : undefined;
      if (!what) continue;
      ctx.report(route, {
        path: [...backend.path, 'name'],
        bare: true,
        message: `Service ${backendName(backend)} is ${what}: VPC Lattice gets no targets from it`,
      });
    }
  },
});
