import { latticeParents, type Listener } from '../../model/lattice';
import { defineRule } from '../types';
import { boundObjects, gatewayName, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway } from './examples';

const LISTENERS = [80, 8080, 8081]
  .map((port) => `    - name: http-${port}\n      protocol: HTTP\n      port: ${port}`)
  .join('\n');
const ROUTE = (section: string) =>
  httpRoute(
    `  parentRefs:\n    - name: my-hotel${section}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
  );

export default defineRule({
  code: 'LAT209',
  slug: 'too-many-listeners',
  kinds: ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'warning',
  summary:
    "A Lattice route attaches to more Gateway listeners than the account's quota of listeners per service (2 by default; `eksNetworking.lattice.listenersPerService`).",
  why: "Every Gateway listener a route attaches to becomes a listener of the route's VPC Lattice service, and a parentRef without `sectionName` attaches to every listener that takes the route. VPC Lattice allows 2 listeners per service unless the quota was raised; the controller fails to create the others. Name the listeners with `sectionName`, or raise the quota and set `eksNetworking.lattice.listenersPerService`.",
  badExample: file(latticeGateway(LISTENERS), ROUTE('')),
  goodExample: file(latticeGateway(LISTENERS), ROUTE('\n      sectionName: http-80')),
  docs: 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html',
  checkWorkspace(ctx) {
    const quota = ctx.settings.lattice.listenersPerService;
    for (const { object, view } of boundObjects(ctx, ROUTE_KINDS)) {
      const parents = latticeParents(object.value, view.context);
      const first = parents[0]?.gateway;
      if (!first) continue;
      // The first Lattice Gateway configures the listeners; its parentRefs add up.
      const listeners = new Set<Listener>();
      for (const parent of parents)
        if (parent.gateway === first) parent.acceptingListeners.forEach((l) => listeners.add(l));
      if (listeners.size <= quota) continue;
      const names = [...listeners].map((listener) => `"${String(listener.name)}"`).join(', ');
      ctx.report(object, {
        path: ['spec', 'parentRefs', parents[0].index, 'name'],
        bare: true,
        message: `the route attaches to ${listeners.size} listeners of Gateway ${gatewayName(first)} (${names}), and VPC Lattice allows ${quota} per service (eksNetworking.lattice.listenersPerService): the controller fails to create the others. Pick listeners with sectionName.`,
      });
    }
  },
});
