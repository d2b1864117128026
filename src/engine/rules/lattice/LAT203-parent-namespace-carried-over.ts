import { resolveParents } from '../../model/lattice';
import { insertKeyEdit } from '../fixes/keyEdits';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, metadataOf, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const BACKENDS = '  rules:\n    - backendRefs:\n        - name: rates\n          port: 80';
/** Another implementation's Gateway in its own namespace, listed first. */
const MESH = latticeGateway(
  '    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes:\n        namespaces:\n          from: All',
  'mesh-ingress',
)
  .replace('namespace: hotel', 'namespace: istio-system')
  .replace('amazon-vpc-lattice', 'istio');

export default defineRule<{ namespace: string }>({
  code: 'LAT203',
  slug: 'parent-namespace-carried-over',
  kinds: ROUTE_KINDS,
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    "A parentRef without `namespace` follows one that has it: the Lattice controller looks for it in the earlier one's namespace, not the route's.",
  why: "In the Gateway API a parentRef without `namespace` means the route's own namespace. The AWS Gateway API Controller resolves parentRefs in order and keeps the last `namespace` it saw, so a later parentRef without one is looked up in the namespace of the one before it: the route attaches to the wrong Gateway, or to none. Set `namespace` on every parentRef once any of them has one.",
  badExample: file(
    MESH,
    latticeGateway(),
    httpRoute(
      `  parentRefs:\n    - name: mesh-ingress\n      namespace: istio-system\n    - name: my-hotel\n${BACKENDS}`,
    ),
  ),
  goodExample: file(
    MESH,
    latticeGateway(),
    httpRoute(
      `  parentRefs:\n    - name: mesh-ingress\n      namespace: istio-system\n    - name: my-hotel\n      namespace: hotel\n${BACKENDS}`,
    ),
  ),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    const { namespace } = metadataOf(ctx.value);
    for (const parent of resolveParents(ctx.value, { gatewayClasses: [], gateways: [] })) {
      if (parent.ref.namespace !== undefined || parent.controllerNamespace === parent.namespace) continue;
      ctx.report({
        path: ['spec', 'parentRefs', parent.index, 'name'],
        bare: true,
        message: `parentRef "${String(parent.ref.name)}" has no namespace: Gateway API reads it as ${namespace ? `"${namespace}"` : "the route's namespace"}, but the Lattice controller looks for it in "${String(parent.controllerNamespace)}" (from an earlier parentRef). Set namespace explicitly.`,
        data: namespace ? { namespace } : undefined,
      });
    }
  },
  fix(ctx, finding) {
    const namespace = finding.data?.namespace;
    const edit = namespace
      ? insertKeyEdit(ctx, finding.path.slice(0, -1), 'namespace', namespace)
      : undefined;
    return edit && namespace ? [{ title: `Set namespace: ${namespace}`, safe: true, edits: [edit] }] : [];
  },
  holdsInWorkspace: boundToLattice,
});
