import { resolveBackends } from '../../model/latticeBackends';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (port: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - kind: ServiceImport\n          name: inventory-ver2${port}`,
    ),
  );

export default defineRule({
  code: 'LAT215',
  slug: 'serviceimport-port-ignored',
  kinds: ROUTE_KINDS,
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'A backendRef to a ServiceImport sets `port`, which the Lattice controller ignores.',
  why: "Traffic to a ServiceImport goes to the target group of the matching ServiceExport in the exporting cluster, on the port that ServiceExport exports. The backendRef's port is not used, so changing it changes nothing.",
  badExample: ROUTE('\n          port: 8080'),
  goodExample: ROUTE(''),
  docs: `${CONTROLLER_DOCS}api-types/service-import/`,
  check(ctx) {
    for (const backend of resolveBackends(ctx.value, { services: [], serviceImports: [] })) {
      if (backend.kind !== 'ServiceImport' || backend.ref.port === undefined) continue;
      ctx.report({
        path: [...backend.path, 'port'],
        bare: true,
        message: `port ${String(backend.ref.port)} is ignored for a ServiceImport: traffic goes to the port its ServiceExport exports`,
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
