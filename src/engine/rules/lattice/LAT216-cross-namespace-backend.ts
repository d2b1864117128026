import { resolveBackends } from '../../model/latticeBackends';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const ROUTE = (namespace: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n${namespace}          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT216',
  slug: 'cross-namespace-backend',
  kinds: ROUTE_KINDS,
  category: 'semantics',
  defaultSeverity: 'info',
  summary:
    'A Lattice route sends traffic to a Service in another namespace: the controller allows it without a ReferenceGrant.',
  why: 'In the Gateway API a backendRef to another namespace needs a ReferenceGrant in that namespace. The AWS Gateway API Controller never reads ReferenceGrants: it follows the reference whether or not one exists, and removing the grant does not cut the route off. Other Gateway implementations refuse the same route without a grant.',
  badExample: ROUTE('          namespace: billing\n'),
  goodExample: ROUTE(''),
  docs: `${CONTROLLER_DOCS}conformance-test/`,
  check(ctx) {
    for (const backend of resolveBackends(ctx.value, { services: [], serviceImports: [] })) {
      if (!backend.crossNamespace) continue;
      ctx.report({
        path: [...backend.path, 'namespace'],
        bare: true,
        message: `backendRef to namespace "${String(backend.namespace)}": the Lattice controller follows it without checking for a ReferenceGrant (other Gateway implementations require one)`,
      });
    }
  },
  holdsInWorkspace: boundToLattice,
});
