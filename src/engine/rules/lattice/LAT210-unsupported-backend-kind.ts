import { resolveBackends } from '../../model/latticeBackends';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

export default defineRule({
  code: 'LAT210',
  slug: 'unsupported-backend-kind',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: 'A backendRef of a Lattice route is neither a Service nor a ServiceImport.',
  why: 'VPC Lattice target groups are built from Kubernetes Services (pods behind them) and from ServiceImports (Services exported by another cluster). Any other kind makes the controller set the route `ResolvedRefs=False` with reason `InvalidKind`; the rule sends nothing to that backend. The `group` of a backendRef is not looked at.',
  badExample: file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - group: networking.istio.io\n          kind: ServiceEntry\n          name: rates\n          port: 80`,
    ),
  ),
  goodExample: file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - kind: Service\n          name: rates\n          port: 80`,
    ),
  ),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    for (const backend of resolveBackends(ctx.value, { services: [], serviceImports: [] })) {
      if (backend.supportedKind) continue;
      ctx.report({
        path: [...backend.path, 'kind'],
        bare: true,
        message: `backendRef kind "${backend.kind}": the Lattice controller only routes to a Service or a ServiceImport, and sets the route ResolvedRefs=False (InvalidKind)`,
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
