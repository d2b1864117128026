import { isRoute, resolveParents } from '../../model/lattice';
import { latticeWorkspace } from '../../model/latticeWorkspace';
import { closestName } from '../../util/strings';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const ROUTE = (parent: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `  parentRefs:\n    - name: ${parent}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT201',
  slug: 'parent-not-found',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'warning',
  summary:
    'A parentRef names no Gateway of the workspace, where the other Gateways are Lattice ones: the Lattice controller would ignore the route without a word.',
  why: 'The AWS Gateway API Controller handles a route only when one of its parentRefs names an existing Lattice Gateway (in the parentRef’s namespace, or the route’s). Otherwise the route gets no status, no event and no Lattice service: nothing says why it does not work. This is reported when the workspace’s Gateways are all Lattice Gateways, or when another parentRef of the route is one (a Gateway that lives only in the cluster is fine then).',
  badExample: ROUTE('my-hotle'),
  goodExample: ROUTE('my-hotel'),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  checkWorkspace(ctx) {
    const routes = ctx.objects.filter((object) => isRoute(object.value));
    if (routes.length === 0) return;
    const view = latticeWorkspace(ctx.workspace, ctx.settings);
    // Only where the workspace is about Lattice: another implementation's Gateway may be the parent.
    if (view.latticeGateways.length === 0) return;
    const bound = new Set(boundObjects(ctx, ROUTE_KINDS).map(({ object }) => object.value));
    const names = view.latticeGateways.map((gateway) => gateway.name ?? '').filter(Boolean);
    for (const route of routes) {
      if (!bound.has(route.value) && view.otherGateways.length > 0) continue;
      for (const parent of resolveParents(route.value, view.context)) {
        if (parent.problem !== 'gatewayNotFound' || !parent.refersToGateway) continue;
        const name = String(parent.ref.name);
        const suggestion = name.length <= 100 ? closestName(name, names) : undefined;
        const suggested = view.latticeGateways.find((gateway) => gateway.name === suggestion);
        const where = parent.namespace ? ` in namespace "${parent.namespace}"` : '';
        ctx.report(route, {
          path: ['spec', 'parentRefs', parent.index, 'name'],
          bare: true,
          message: `no Gateway "${name}"${where} in the workspace: if the cluster has none either, the Lattice controller ignores this parentRef${bound.has(route.value) ? '' : ' and the route, with no status'}${suggested ? `. Did you mean "${suggestion}" (${gatewayName(suggested.value)})?` : ''}`,
        });
      }
    }
  },
});
