// The Lattice view of a workspace: its GatewayClasses, Gateways, Services and ServiceImports as
// the binding model reads them, and which objects are bound to VPC Lattice. Computed once per
// workspace version (and Lattice class setting), so every Lattice rule and feature reads the same
// answer without another pass over the workspace.

import type { EngineSettings } from '../settings';
import type { WorkspaceObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';
import { hasLatticeAnnotation } from './latticeAnnotations';
import {
  gatewayBinding,
  isGatewayApiKind,
  isRoute,
  LATTICE_API_GROUP,
  routeBinding,
  type GatewayApiObject,
  type LatticeContext,
} from './lattice';
import type { BackendContext } from './latticeBackends';

export interface LatticeWorkspace {
  context: LatticeContext;
  backends: BackendContext;
  /** Every object of the workspace, for lookups by kind (Services, routes, policies). */
  objects: readonly WorkspaceObject[];
  /** Gateways whose class is Lattice's, and Gateways of other implementations. */
  latticeGateways: readonly WorkspaceObject[];
  otherGateways: readonly WorkspaceObject[];
  /** Routes attached to a Lattice Gateway, or carrying the controller's annotations. */
  latticeRoutes: readonly WorkspaceObject[];
  /** Whether the Lattice controller handles this object (by its value). */
  isBound(object: { value: Record<string, unknown> }): boolean;
}

export function isLatticeControllerKind(object: GatewayApiObject): boolean {
  return typeof object.apiVersion === 'string' && object.apiVersion.startsWith(`${LATTICE_API_GROUP}/`);
}

export function latticeWorkspace(workspace: Workspace, settings: EngineSettings): LatticeWorkspace {
  const classes = settings.lattice.gatewayClasses;
  return workspace.derived(`lattice/binding/${classes.join(',')}`, () => build(workspace, classes));
}

function build(workspace: Workspace, extraClassNames: readonly string[]): LatticeWorkspace {
  const objects = workspace.objects();
  const of = (test: (object: GatewayApiObject) => boolean) => objects.filter((object) => test(object.value));
  const gateways = of((value) => isGatewayApiKind(value, 'Gateway'));
  const context: LatticeContext = {
    gatewayClasses: of((value) => isGatewayApiKind(value, 'GatewayClass')).map((object) => object.value),
    gateways: gateways.map((object) => object.value),
    extraClassNames,
  };
  const backends: BackendContext = {
    services: objects
      .filter((object) => object.kind === 'Service' && object.apiVersion === 'v1')
      .map((o) => o.value),
    serviceImports: objects
      .filter((object) => object.kind === 'ServiceImport' && isLatticeControllerKind(object.value))
      .map((object) => object.value),
  };
  const latticeGateways = gateways.filter((object) => gatewayBinding(object.value, context) !== undefined);
  const latticeRoutes = of(isRoute).filter(
    (object) => routeBinding(object.value, context) !== undefined || hasLatticeAnnotation(object.value),
  );
  const bound = new Set<unknown>([...latticeGateways, ...latticeRoutes].map((object) => object.value));
  return {
    context,
    backends,
    objects,
    latticeGateways,
    otherGateways: gateways.filter((object) => !bound.has(object.value)),
    latticeRoutes,
    isBound: (object) => isLatticeControllerKind(object.value) || bound.has(object.value),
  };
}

/** For `holdsInWorkspace`: a rule's findings stand only on objects the Lattice controller handles. */
export function boundToLattice(
  object: WorkspaceObject,
  workspace: Workspace,
  settings: EngineSettings,
): boolean {
  return latticeWorkspace(workspace, settings).isBound(object);
}
