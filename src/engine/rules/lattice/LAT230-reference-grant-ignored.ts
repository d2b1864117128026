import { latticeWorkspace } from '../../model/latticeWorkspace';
import { GATEWAY_API_GROUP } from '../../model/lattice';
import { asList, asRecord } from '../../util/values';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, metadataOf, qualifiedName } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const GRANT =
  'apiVersion: gateway.networking.k8s.io/v1\nkind: ReferenceGrant\nmetadata:\n  name: hotel-routes\n  namespace: billing\nspec:\n  from:\n    - group: gateway.networking.k8s.io\n      kind: HTTPRoute\n      namespace: hotel\n  to:\n    - group: ""\n      kind: Service';
const ROUTE = httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`);

export default defineRule({
  code: 'LAT230',
  slug: 'reference-grant-ignored',
  kinds: ['ReferenceGrant'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary: 'A ReferenceGrant for routes that the Lattice controller handles: it never reads ReferenceGrants.',
  why: 'The grant lets routes of a namespace refer to Services of this one. The AWS Gateway API Controller does not check grants: its routes reach Services in other namespaces with or without one, and deleting the grant does not cut them off. Keep it if other Gateway implementations use it; do not rely on it to restrict Lattice routes.',
  badExample: file(latticeGateway(), ROUTE, GRANT),
  goodExample: file(latticeGateway(), ROUTE),
  docs: `${CONTROLLER_DOCS}conformance-test/`,
  checkWorkspace(ctx) {
    const grants = ctx.objects.filter((object) => object.resource?.kind === 'ReferenceGrant');
    if (grants.length === 0) return;
    const routes = latticeWorkspace(ctx.workspace, ctx.settings).latticeRoutes;
    for (const grant of grants) {
      asList(asRecord(grant.value.spec).from).forEach((raw, index) => {
        const from = asRecord(raw);
        const route = routes.find(
          (candidate) =>
            from.group === GATEWAY_API_GROUP &&
            candidate.kind === from.kind &&
            (candidate.namespace === undefined || candidate.namespace === from.namespace),
        );
        if (!route) return;
        const { name, namespace } = metadataOf(route.value);
        ctx.report(grant, {
          path: ['spec', 'from', index, 'namespace'],
          bare: true,
          message: `the Lattice controller ignores ReferenceGrants: Lattice ${String(from.kind)}s in "${String(from.namespace)}" (such as ${qualifiedName(name, namespace)}) reach this namespace's Services with or without it, and removing it does not stop them`,
        });
      });
    }
  },
});
