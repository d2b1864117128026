import { latticeParents } from '../../model/lattice';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const ROUTE = (section: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `  parentRefs:\n    - name: my-hotel\n      sectionName: ${section}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
    ),
  );

export default defineRule({
  code: 'LAT204',
  slug: 'no-matching-listener',
  kinds: ROUTE_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: "A parentRef's `sectionName` or `port` matches no listener of its Lattice Gateway.",
  why: 'A parentRef attaches the route to the Gateway listener named by `sectionName` (and with the `port`, when set). When no listener has that name or port, the controller sets the route `Accepted=False` with reason `NoMatchingParent` and creates nothing for that parent.',
  badExample: ROUTE('https'),
  goodExample: ROUTE('http'),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, ROUTE_KINDS)) {
      for (const parent of latticeParents(object.value, view.context)) {
        if (parent.problem !== 'noMatchingSection' && parent.problem !== 'noMatchingPort') continue;
        const listeners =
          (parent.gateway?.spec as { listeners?: { name?: string; port?: number }[] })?.listeners ?? [];
        const available = listeners.map(
          (listener) => `${String(listener.name)} (port ${String(listener.port)})`,
        );
        const field = parent.problem === 'noMatchingSection' ? 'sectionName' : 'port';
        const written =
          field === 'sectionName' ? `"${String(parent.ref.sectionName)}"` : String(parent.ref.port);
        ctx.report(object, {
          path: ['spec', 'parentRefs', parent.index, field],
          bare: true,
          message: `Gateway ${gatewayName(parent.gateway!)} has no listener ${field === 'port' ? 'on port ' : ''}${written}${parent.problem === 'noMatchingPort' && parent.ref.sectionName ? ` named "${parent.ref.sectionName}"` : ''}: the route is not accepted (NoMatchingParent). Its listeners: ${available.join(', ') || 'none'}.`,
        });
      }
    }
  },
});
