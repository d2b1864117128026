import { latticeServiceName } from '../../model/latticeBackends';
import { latticeWorkspace } from '../../model/latticeWorkspace';
import { describePlace, type WorkspaceObject } from '../../workspace/objects';
import type { Workspace } from '../../workspace/workspace';
import type { EngineSettings } from '../../settings';
import { defineRule } from '../types';
import { annotationValue, boundObjects, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

/** The Lattice service a route becomes: its override, else the name the controller derives. */
function serviceName(route: WorkspaceObject): string | undefined {
  const override = annotationValue(route.value, 'service-name-override');
  if (typeof override === 'string' && override !== '') return override;
  if (!route.name || route.namespace === undefined) return undefined;
  return latticeServiceName(route.name, route.namespace);
}

/** The workspace's Lattice routes by the service name they get. */
function byServiceName(workspace: Workspace, settings: EngineSettings): Map<string, WorkspaceObject[]> {
  return workspace.derived(`LAT218/byServiceName/${settings.lattice.gatewayClasses.join(',')}`, () => {
    const groups = new Map<string, WorkspaceObject[]>();
    for (const route of latticeWorkspace(workspace, settings).latticeRoutes) {
      const name = serviceName(route);
      if (name === undefined) continue;
      groups.set(name, [...(groups.get(name) ?? []), route]);
    }
    return groups;
  });
}

const ROUTE = (name: string) =>
  httpRoute(
    `${PARENT}\n  rules:\n    - backendRefs:\n        - name: inventory\n          port: 80`,
    '',
    name,
  );

export default defineRule({
  code: 'LAT218',
  slug: 'service-name-collision',
  kinds: ROUTE_KINDS,
  category: 'aws-limit',
  defaultSeverity: 'error',
  summary:
    'Two Lattice routes get the same VPC Lattice service name: their names share the first 20 characters in one namespace (or their overrides are equal).',
  why: 'The controller names a route’s service after the first 20 characters of the route name and the first 18 of its namespace. Two routes that only differ after that (`inventory-service-blue` and `inventory-service-blue-canary`) map to one service: the second is refused as `Conflicted` ("Found existing resource with conflicting service name"). Shorten or reorder the names, or give one a `service-name-override`.',
  badExample: file(latticeGateway(), ROUTE('inventory-service-blue'), ROUTE('inventory-service-blue-canary')),
  goodExample: file(latticeGateway(), ROUTE('inventory-blue'), ROUTE('inventory-blue-canary')),
  docs: `${CONTROLLER_DOCS}guides/service-name-override/`,
  checkWorkspace(ctx) {
    const routes = boundObjects(ctx, ROUTE_KINDS);
    if (routes.length === 0) return;
    const groups = byServiceName(ctx.workspace, ctx.settings);
    for (const { object } of routes) {
      const name = serviceName(object);
      const others = (name === undefined ? [] : (groups.get(name) ?? [])).filter(
        (other) => other.value !== object.value,
      );
      if (others.length === 0) continue;
      const other = others[0];
      ctx.report(object, {
        path: ['metadata', 'name'],
        bare: true,
        message: `this route and ${other.kind} "${other.name}" (${describePlace(other, object.file)}) both become the VPC Lattice service "${name}": the one reconciled second is Conflicted. Rename one, or set application-networking.k8s.aws/service-name-override.`,
      });
    }
  },
});
