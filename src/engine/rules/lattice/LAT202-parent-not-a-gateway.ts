import { GATEWAY_API_GROUP, parentRefsOf } from '../../model/lattice';
import { defineRule } from '../types';
import { boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const BACKENDS = '  rules:\n    - backendRefs:\n        - name: rates\n          port: 80';

export default defineRule({
  code: 'LAT202',
  slug: 'parent-not-a-gateway',
  kinds: ROUTE_KINDS,
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A parentRef of a Lattice route names another kind than Gateway (a Service, a ListenerSet): the Lattice controller treats it as a Gateway anyway.',
  why: 'The AWS Gateway API Controller does not look at `group` and `kind` of a parentRef: it looks for a Gateway with that name. A parentRef meant for a mesh Service or another kind of parent is attached to a same-named Lattice Gateway if there is one, and is otherwise ignored, instead of being refused.',
  badExample: file(
    latticeGateway(),
    httpRoute(`${PARENT}\n    - group: ""\n      kind: Service\n      name: rates\n${BACKENDS}`),
  ),
  goodExample: file(latticeGateway(), httpRoute(`${PARENT}\n${BACKENDS}`)),
  docs: `${CONTROLLER_DOCS}api-types/http-route/`,
  check(ctx) {
    parentRefsOf(ctx.value).forEach((ref, index) => {
      const group = ref.group ?? GATEWAY_API_GROUP;
      const kind = ref.kind ?? 'Gateway';
      if (group === GATEWAY_API_GROUP && kind === 'Gateway') return;
      ctx.report({
        path: ['spec', 'parentRefs', index, ref.kind !== undefined ? 'kind' : 'group'],
        bare: true,
        message: `parentRef to ${group === '' ? '' : `${group}/`}${kind} "${String(ref.name)}": the Lattice controller ignores group and kind and attaches the route to a Gateway named "${String(ref.name)}" if one exists`,
      });
    });
  },
  holdsInWorkspace: boundToLattice,
});
