// Where a route's backendRefs lead on VPC Lattice, and the Lattice service name the controller
// derives from a route. Pure functions over parsed objects (see lattice.ts for the conventions).

import { LATTICE_API_GROUP, mayBeSameNamespace, type GatewayApiObject } from './lattice';

export interface BackendRef {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  port?: number;
  weight?: number;
}

export interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
}

export interface ResolvedBackend {
  ref: BackendRef;
  /** Path of the ref inside the route: `['spec', 'rules', i, 'backendRefs', j]`. */
  path: (string | number)[];
  kind: string;
  namespace: string | undefined;
  /** `Service` and `ServiceImport` are the only kinds the Lattice controller accepts. */
  supportedKind: boolean;
  crossNamespace: boolean;
  weight: number;
  /** The Service or ServiceImport found in the workspace, if any. */
  target: GatewayApiObject | undefined;
  /** For a found Service: the `spec.ports[]` entry whose `port` equals the ref's, or none. */
  servicePort: ServicePort | undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as T[]) : [];
}

export interface BackendContext {
  services: readonly GatewayApiObject[];
  serviceImports: readonly GatewayApiObject[];
}

export function servicePorts(service: GatewayApiObject): ServicePort[] {
  return list<ServicePort>(record(service.spec).ports);
}

/** Every backendRef of every rule, resolved against the Services and ServiceImports given. */
export function resolveBackends(route: GatewayApiObject, context: BackendContext): ResolvedBackend[] {
  const routeNamespace = route.metadata?.namespace;
  const out: ResolvedBackend[] = [];
  list<Record<string, unknown>>(record(route.spec).rules).forEach((rule, ruleIndex) => {
    list<BackendRef>(rule.backendRefs).forEach((ref, refIndex) => {
      const kind = ref.kind ?? 'Service';
      const namespace = ref.namespace ?? routeNamespace;
      const pool =
        kind === 'ServiceImport' ? context.serviceImports : kind === 'Service' ? context.services : [];
      const target = pool.find(
        (candidate) =>
          candidate.kind === kind &&
          candidate.metadata?.name === ref.name &&
          mayBeSameNamespace(candidate.metadata?.namespace, namespace),
      );
      const servicePort =
        target && kind === 'Service'
          ? servicePorts(target).find((port) => port.port === ref.port)
          : undefined;
      out.push({
        ref,
        path: ['spec', 'rules', ruleIndex, 'backendRefs', refIndex],
        kind,
        namespace,
        supportedKind: kind === 'Service' || kind === 'ServiceImport',
        crossNamespace:
          ref.namespace !== undefined && routeNamespace !== undefined && ref.namespace !== routeNamespace,
        weight: typeof ref.weight === 'number' ? ref.weight : 1,
        target,
        servicePort,
      });
    });
  });
  return out;
}

/** Whether an object is the controller's ServiceImport (`application-networking.k8s.aws`). */
export function isLatticeServiceImport(object: GatewayApiObject): boolean {
  return object.kind === 'ServiceImport' && String(object.apiVersion).startsWith(`${LATTICE_API_GROUP}/`);
}

/**
 * The VPC Lattice service name the controller gives a route: the first 20 characters of its name
 * and the first 18 of its namespace, each without hyphens left at the cut, joined by a hyphen.
 * Two routes whose names share their first 20 characters in one namespace get the same name.
 */
export function latticeServiceName(routeName: string, namespace: string): string {
  const cut = (value: string, length: number) => value.slice(0, length).replace(/-+$/, '');
  return `${cut(routeName, 20)}-${cut(namespace, 18)}`;
}
