// Read-only kubectl queries for `eksnet lattice status`: the AWS Gateway API Controller deployment,
// the Gateway API and controller CRDs, and the Gateway API objects and policies with their status.

import type { TargetedKubectl } from '../kubectl';
import { versionFromImage } from '../cni/version';
import type { GatewayApiObject } from '../../engine/model/lattice';

export const CONTROLLER_NAMESPACE = 'aws-application-networking-system';
export const CONTROLLER_IMAGE = 'public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller';

/** The kinds controller v2.1 needs served at gateway.networking.k8s.io/v1 before it starts. */
export const REQUIRED_GATEWAY_CRDS = [
  'gatewayclasses.gateway.networking.k8s.io',
  'gateways.gateway.networking.k8s.io',
  'httproutes.gateway.networking.k8s.io',
  'grpcroutes.gateway.networking.k8s.io',
  'tlsroutes.gateway.networking.k8s.io',
];
export const CONTROLLER_CRDS = [
  'targetgrouppolicies.application-networking.k8s.aws',
  'iamauthpolicies.application-networking.k8s.aws',
  'vpcassociationpolicies.application-networking.k8s.aws',
  'accesslogpolicies.application-networking.k8s.aws',
  'serviceexports.application-networking.k8s.aws',
  'serviceimports.application-networking.k8s.aws',
];
/** Optional: without it the controller only skips its ServiceNetwork watch. */
export const OPTIONAL_CONTROLLER_CRDS = ['servicenetworks.application-networking.k8s.aws'];

interface List<T> {
  items?: T[];
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

export interface KubeObject extends GatewayApiObject {
  metadata?: GatewayApiObject['metadata'] & { uid?: string; labels?: Record<string, string> };
  status?: {
    conditions?: Condition[];
    parents?: {
      controllerName?: string;
      parentRef?: { name?: string; namespace?: string };
      conditions?: Condition[];
    }[];
    listeners?: { name?: string; conditions?: Condition[]; attachedRoutes?: number }[];
    storedVersions?: string[];
  };
}

export interface ControllerDeployment {
  name: string;
  image?: string;
  version?: string;
  replicas?: number;
  readyReplicas: number;
  env: Map<string, string | undefined>;
}

interface Deployment {
  metadata?: { name?: string };
  spec?: {
    replicas?: number;
    template?: {
      spec?: { containers?: { name?: string; image?: string; env?: { name: string; value?: string }[] }[] };
    };
  };
  status?: { readyReplicas?: number };
}

/**
 * The controller Deployment: the kubectl manifest names it `gateway-api-controller`, Helm names it
 * after the release, so it is found by its image.
 */
export async function readController(
  kubectl: TargetedKubectl,
  signal?: AbortSignal,
): Promise<ControllerDeployment | undefined> {
  const list = await kubectl.getJson<List<Deployment>>(
    ['get', 'deployments', '--namespace', CONTROLLER_NAMESPACE],
    {
      signal,
    },
  );
  for (const deployment of list.items ?? []) {
    const container = deployment.spec?.template?.spec?.containers?.find((candidate) =>
      candidate.image?.startsWith(CONTROLLER_IMAGE),
    );
    if (!container) continue;
    return {
      name: deployment.metadata?.name ?? '',
      image: container.image,
      version: versionFromImage(container.image),
      replicas: deployment.spec?.replicas,
      readyReplicas: deployment.status?.readyReplicas ?? 0,
      env: new Map((container.env ?? []).map((entry) => [entry.name, entry.value])),
    };
  }
  return undefined;
}

export interface CrdState {
  name: string;
  present: boolean;
  served: string[];
  stored: string[];
  bundleVersion?: string;
}

interface Crd {
  metadata?: { name?: string; annotations?: Record<string, string> };
  spec?: { versions?: { name: string; served?: boolean }[] };
  status?: { storedVersions?: string[] };
}

/** The named CRDs in one call; missing ones come back as not present. */
export async function readCrds(
  kubectl: TargetedKubectl,
  names: string[],
  signal?: AbortSignal,
): Promise<CrdState[]> {
  const list = await kubectl.getJson<List<Crd>>(
    ['get', 'customresourcedefinitions', ...names, '--ignore-not-found'],
    {
      signal,
    },
  );
  const byName = new Map((list.items ?? []).map((crd) => [crd.metadata?.name ?? '', crd]));
  return names.map((name) => {
    const crd = byName.get(name);
    return {
      name,
      present: crd !== undefined,
      served: (crd?.spec?.versions ?? []).filter((version) => version.served).map((version) => version.name),
      stored: crd?.status?.storedVersions ?? [],
      bundleVersion: crd?.metadata?.annotations?.['gateway.networking.k8s.io/bundle-version'],
    };
  });
}

/** All objects of one resource in every namespace (`kubectl get RESOURCE -A`). */
export async function listAll(
  kubectl: TargetedKubectl,
  resource: string,
  signal?: AbortSignal,
): Promise<KubeObject[]> {
  const list = await kubectl.getJson<List<KubeObject>>(['get', resource, '--all-namespaces'], { signal });
  return list.items ?? [];
}

export interface KubeEvent {
  involvedObject?: { kind?: string; name?: string; namespace?: string };
  reason?: string;
  message?: string;
  type?: string;
  lastTimestamp?: string;
  eventTime?: string;
}

/** The reasons the controller records on routes (build, deploy, success). */
export const ROUTE_EVENT_REASONS = [
  'FailedBuildModel',
  'FailedDeployModel',
  'Retry-Reconcile',
  'DeploySucceed',
];

export async function listRouteEvents(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<KubeEvent[]> {
  const list = await kubectl.getJson<List<KubeEvent>>(['get', 'events', '--all-namespaces'], { signal });
  return (list.items ?? []).filter(
    (event) =>
      ['HTTPRoute', 'GRPCRoute', 'TLSRoute'].includes(event.involvedObject?.kind ?? '') &&
      ROUTE_EVENT_REASONS.includes(event.reason ?? ''),
  );
}

export function condition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((candidate) => candidate.type === type);
}
