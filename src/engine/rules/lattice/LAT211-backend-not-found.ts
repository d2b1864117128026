import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { backendName, boundBackends } from './backends';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const SERVICE = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: hotel\nspec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080`;
const ROUTE = httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`);

export default defineRule({
  code: 'LAT211',
  slug: 'backend-not-found',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'info',
  summary:
    'A backendRef of a Lattice route names a Service (or ServiceImport) that the workspace does not define, though it defines others.',
  why: 'When the Service is missing the controller sets the route `ResolvedRefs=False` (`BackendNotFound`, "backendRef name: …") and Lattice answers that rule with status 500, or sends its share of a weighted split to the other backends. This is reported only when the workspace holds Services, and as information: the Service may be managed elsewhere.',
  badExample: file(latticeGateway(), SERVICE('rate'), ROUTE),
  goodExample: file(latticeGateway(), SERVICE('rates'), ROUTE),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  checkWorkspace(ctx) {
    if (boundObjects(ctx, ROUTE_KINDS).length === 0) return;
    for (const { route, backend, hasServices } of boundBackends(ctx)) {
      if (!backend.supportedKind || backend.target || backend.ref.name === undefined) continue;
      if (backend.kind === 'Service' && !hasServices) continue;
      if (backend.kind === 'ServiceImport') continue;
      ctx.report(route, {
        path: [...backend.path, 'name'],
        bare: true,
        message: `no Service ${backendName(backend)} in the workspace: if it does not exist in the cluster, the route is ResolvedRefs=False (BackendNotFound) and this backend gets no traffic`,
      });
    }
  },
});
