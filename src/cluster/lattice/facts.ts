// What the Lattice checks read from the cluster, once: the controller Deployment, the CRDs, the
// Gateway API objects and policies, the route events. Read by `eksnet lattice status` and by the
// Networking Doctor's Lattice checks alike, so both judge the same facts the same way.

import type { CheckResult } from '../doctor/types';
import { isClusterError } from '../errors';
import type { TargetedKubectl } from '../kubectl';
import {
  gatewayBinding,
  LATTICE_CONTROLLER_NAME,
  routeBinding,
  type LatticeContext,
} from '../../engine/model/lattice';
import {
  CONTROLLER_CRDS,
  listAll,
  listRouteEvents,
  OPTIONAL_CONTROLLER_CRDS,
  readController,
  readCrds,
  REQUIRED_GATEWAY_CRDS,
  type ControllerDeployment,
  type CrdState,
  type KubeEvent,
  type KubeObject,
} from './kube';

export const ROUTE_RESOURCES = ['httproutes', 'grpcroutes', 'tlsroutes'].map(
  (plural) => `${plural}.gateway.networking.k8s.io`,
);
export const POLICY_RESOURCES = [
  'targetgrouppolicies',
  'iamauthpolicies',
  'vpcassociationpolicies',
  'accesslogpolicies',
].map((plural) => `${plural}.application-networking.k8s.aws`);
const GATEWAY_CLASSES = 'gatewayclasses.gateway.networking.k8s.io';
const GATEWAYS = 'gateways.gateway.networking.k8s.io';

export interface LatticeFacts {
  kubectl: TargetedKubectl;
  signal?: AbortSignal;
  /** undefined: no Deployment with the controller image. */
  controller: ControllerDeployment | undefined;
  /** Empty when the CRDs could not be read (then `problems` says why). */
  crds: CrdState[];
  model: LatticeContext;
  /** GatewayClasses naming the Lattice controller. */
  classes: KubeObject[];
  /** Gateways bound to Lattice (by class). */
  gateways: KubeObject[];
  /** Routes bound to a Lattice Gateway, each with its resource. */
  routes: KubeObject[];
  policies: KubeObject[];
  events: KubeEvent[];
  /** Reads that failed after the cluster answered: each is one failed check. */
  problems: CheckResult[];
}

/**
 * Reads everything the Lattice checks judge. The first call (the controller Deployment) is allowed
 * to throw: it is the one that says the cluster cannot be reached. Later failures become problems.
 */
export async function readLatticeFacts(
  kubectl: TargetedKubectl,
  signal?: AbortSignal,
): Promise<LatticeFacts> {
  const problems: CheckResult[] = [];
  const guarded = async <T>(title: string, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error;
      problems.push({ title, status: 'fail', detail: (error as Error).message });
      return undefined;
    }
  };
  const controller = await readController(kubectl, signal);
  const crds =
    (await guarded('Gateway API CRDs', () =>
      readCrds(kubectl, [...REQUIRED_GATEWAY_CRDS, ...CONTROLLER_CRDS, ...OPTIONAL_CONTROLLER_CRDS], signal),
    )) ?? [];
  const lists = new Map<string, KubeObject[]>();
  for (const resource of [GATEWAY_CLASSES, GATEWAYS, ...ROUTE_RESOURCES, ...POLICY_RESOURCES]) {
    if (!crds.find((state) => state.name === resource)?.present) continue;
    const items = await guarded(`List ${resource}`, () => listAll(kubectl, resource, signal));
    if (items) lists.set(resource, items);
  }
  const model: LatticeContext = {
    gatewayClasses: lists.get(GATEWAY_CLASSES) ?? [],
    gateways: lists.get(GATEWAYS) ?? [],
  };
  const classes = (model.gatewayClasses as KubeObject[]).filter(
    (object) => (object.spec as { controllerName?: string })?.controllerName === LATTICE_CONTROLLER_NAME,
  );
  const gateways = (model.gateways as KubeObject[]).filter(
    (gateway) => gatewayBinding(gateway, model) !== undefined,
  );
  const routes = ROUTE_RESOURCES.flatMap((resource) => lists.get(resource) ?? []).filter(
    (route) => routeBinding(route, model) !== undefined,
  );
  const policies = POLICY_RESOURCES.flatMap((resource) => lists.get(resource) ?? []);
  const events =
    routes.length > 0 ? ((await guarded('Route events', () => listRouteEvents(kubectl, signal))) ?? []) : [];
  return { kubectl, signal, controller, crds, model, classes, gateways, routes, policies, events, problems };
}

/**
 * Whether the cluster uses Lattice at all: the controller runs, one of its CRDs is installed, or a
 * GatewayClass or Gateway is Lattice's. Clusters with another Gateway API implementation only are not.
 */
export function usesLattice(facts: LatticeFacts): boolean {
  return (
    facts.controller !== undefined ||
    facts.crds.some((state) => state.present && CONTROLLER_CRDS.includes(state.name)) ||
    facts.classes.length > 0 ||
    facts.gateways.length > 0
  );
}

/** The security groups SecurityGroupPolicies give pods (they need the Lattice prefix list too). */
export async function readPodSecurityGroups(
  kubectl: TargetedKubectl,
  signal?: AbortSignal,
): Promise<string[]> {
  try {
    const policies = await listAll(kubectl, 'securitygrouppolicies.vpcresources.k8s.aws', signal);
    return policies.flatMap(
      (policy) =>
        (policy.spec as { securityGroups?: { groupIds?: string[] } })?.securityGroups?.groupIds ?? [],
    );
  } catch (error) {
    if (isClusterError(error, 'cancelled')) throw error;
    return []; // no SecurityGroupPolicy CRD: no pod groups to check
  }
}
