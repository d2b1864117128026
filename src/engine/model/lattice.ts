// What Gateway API objects mean for VPC Lattice: which GatewayClasses, Gateways and routes the AWS
// Gateway API Controller handles, and how a route's parentRefs reach Gateways and their listeners.
// Pure functions over parsed objects; Lattice-only checks read `bound` from here, so a Gateway of
// Istio or Envoy Gateway never gets Lattice diagnostics.
//
// A manifest without `metadata.namespace` is applied to whatever namespace kubectl is given, so an
// absent namespace matches any namespace here: the model never claims a mismatch it cannot know.

export const LATTICE_CONTROLLER_NAME = 'application-networking.k8s.aws/gateway-api-controller';
/** The class name of the controller's own install manifest and docs. */
export const LATTICE_DEFAULT_CLASS_NAME = 'amazon-vpc-lattice';
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const LATTICE_API_GROUP = 'application-networking.k8s.aws';
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  annotations?: Record<string, unknown>;
}

/** A parsed Kubernetes object, as far as this model reads it. */
export interface GatewayApiObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: ObjectMeta;
  spec?: unknown;
}

export interface Listener {
  name?: string;
  port?: number;
  protocol?: string;
  hostname?: string;
  tls?: { mode?: string; options?: Record<string, unknown>; certificateRefs?: unknown[] };
  allowedRoutes?: {
    namespaces?: { from?: string; selector?: unknown };
    kinds?: { group?: string; kind?: string }[];
  };
}

export interface ParentRef {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  sectionName?: string;
  port?: number;
}

export type BindingReason = 'setting' | 'controllerName' | 'defaultClassName';

export interface LatticeContext {
  gatewayClasses: readonly GatewayApiObject[];
  gateways: readonly GatewayApiObject[];
  /** `eksNetworking.lattice.gatewayClasses`: class names the user says are Lattice's. */
  extraClassNames?: readonly string[];
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function groupOf(apiVersion: unknown): string | undefined {
  return typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0] : undefined;
}

export function isGatewayApiKind(object: GatewayApiObject, kind: string): boolean {
  return object.kind === kind && groupOf(object.apiVersion) === GATEWAY_API_GROUP;
}

/** Whether two namespaces may be the same; an unset one may be anything. */
export function mayBeSameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * Whether a Gateway class is handled by the Lattice controller, and why. The setting wins; then a
 * class in the workspace decides by its `controllerName`; else the conventional name counts.
 */
export function latticeClassBinding(className: unknown, context: LatticeContext): BindingReason | undefined {
  const name = text(className);
  if (!name) return undefined;
  if (context.extraClassNames?.includes(name)) return 'setting';
  const declared = context.gatewayClasses.find(
    (candidate) => isGatewayApiKind(candidate, 'GatewayClass') && candidate.metadata?.name === name,
  );
  if (declared) {
    return record(declared.spec).controllerName === LATTICE_CONTROLLER_NAME ? 'controllerName' : undefined;
  }
  return name === LATTICE_DEFAULT_CLASS_NAME ? 'defaultClassName' : undefined;
}

export function gatewayBinding(
  gateway: GatewayApiObject,
  context: LatticeContext,
): BindingReason | undefined {
  if (!isGatewayApiKind(gateway, 'Gateway')) return undefined;
  return latticeClassBinding(record(gateway.spec).gatewayClassName, context);
}

export function listenersOf(gateway: GatewayApiObject): Listener[] {
  const listeners = record(gateway.spec).listeners;
  return Array.isArray(listeners)
    ? (listeners.filter((item) => item && typeof item === 'object') as Listener[])
    : [];
}

export function parentRefsOf(route: GatewayApiObject): ParentRef[] {
  const refs = record(route.spec).parentRefs;
  return Array.isArray(refs) ? (refs.filter((item) => item && typeof item === 'object') as ParentRef[]) : [];
}

export function hostnamesOf(route: GatewayApiObject): string[] {
  const hostnames = record(route.spec).hostnames;
  return Array.isArray(hostnames) ? hostnames.filter((item): item is string => typeof item === 'string') : [];
}

/** The route kinds the Lattice controller attaches to a listener by default, by its protocol. */
export function latticeDefaultRouteKinds(protocol: string | undefined): readonly RouteKind[] {
  if (protocol === 'HTTP') return ['HTTPRoute'];
  if (protocol === 'HTTPS') return ['HTTPRoute', 'GRPCRoute'];
  if (protocol === 'TLS') return ['TLSRoute'];
  return [];
}

/** The route kinds a listener accepts on Lattice: its `allowedRoutes.kinds` when set, else the defaults. */
export function listenerRouteKinds(listener: Listener): readonly string[] {
  const kinds = listener.allowedRoutes?.kinds;
  if (!kinds || kinds.length === 0) return latticeDefaultRouteKinds(listener.protocol);
  return kinds
    .filter(
      (kind) => (kind.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP && typeof kind.kind === 'string',
    )
    .map((kind) => kind.kind as string);
}

export type NamespaceAdmission = 'allowed' | 'denied' | 'unknown';

/** Whether a listener admits a route from `routeNamespace` (`from: Same` is the default). */
export function listenerAdmitsNamespace(
  listener: Listener,
  gatewayNamespace: string | undefined,
  routeNamespace: string | undefined,
): NamespaceAdmission {
  const from = listener.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return 'allowed';
  if (from === 'Selector') return 'unknown'; // needs the Namespace labels, which a manifest rarely has
  if (gatewayNamespace === undefined || routeNamespace === undefined) return 'unknown';
  return gatewayNamespace === routeNamespace ? 'allowed' : 'denied';
}

/**
 * Whether a listener hostname and a route's hostnames intersect (Gateway API rules: no hostname on
 * either side matches all; `*.example.com` matches any name below example.com).
 */
export function hostnamesIntersect(
  listenerHostname: string | undefined,
  routeHostnames: readonly string[],
): boolean {
  if (!listenerHostname || routeHostnames.length === 0) return true;
  return routeHostnames.some((hostname) => hostnameMatches(listenerHostname, hostname));
}

function hostnameMatches(a: string, b: string): boolean {
  if (a === b) return true;
  const suffixMatch = (wildcard: string, name: string) =>
    wildcard.startsWith('*.') && name.endsWith(wildcard.slice(1)) && name.length > wildcard.length - 1;
  return suffixMatch(a, b) || suffixMatch(b, a);
}

export interface ResolvedParent {
  ref: ParentRef;
  index: number;
  /** The namespace Gateway API gives this parentRef: its own, else the route's. */
  namespace: string | undefined;
  /**
   * The namespace the Lattice controller looks in: it carries a `namespace` set on an earlier
   * parentRef over to later ones that omit theirs.
   */
  controllerNamespace: string | undefined;
  /** Whether group and kind name a Gateway (the Lattice controller does not check them). */
  refersToGateway: boolean;
  gateway: GatewayApiObject | undefined;
  binding: BindingReason | undefined;
  /** Listeners picked by sectionName and port, before kind, namespace and hostname checks. */
  selectedListeners: Listener[];
  /** The selected listeners that also accept this route (kind, namespace and hostname). */
  acceptingListeners: Listener[];
  problem?:
    | 'gatewayNotFound'
    | 'noMatchingSection'
    | 'noMatchingPort'
    | 'kindNotAllowed'
    | 'namespaceNotAllowed'
    | 'hostnameMismatch';
}

export function resolveParents(route: GatewayApiObject, context: LatticeContext): ResolvedParent[] {
  const routeNamespace = route.metadata?.namespace;
  const routeKind = typeof route.kind === 'string' ? route.kind : '';
  let carried: string | undefined;
  return parentRefsOf(route).map((ref, index) => {
    const own = text(ref.namespace);
    if (own) carried = own;
    const namespace = own ?? routeNamespace;
    const controllerNamespace = carried ?? routeNamespace;
    const refersToGateway =
      (ref.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP && (ref.kind ?? 'Gateway') === 'Gateway';
    const gateway = context.gateways.find(
      (candidate) =>
        isGatewayApiKind(candidate, 'Gateway') &&
        candidate.metadata?.name === ref.name &&
        mayBeSameNamespace(candidate.metadata?.namespace, namespace),
    );
    const resolved: ResolvedParent = {
      ref,
      index,
      namespace,
      controllerNamespace,
      refersToGateway,
      gateway,
      binding: gateway ? gatewayBinding(gateway, context) : undefined,
      selectedListeners: [],
      acceptingListeners: [],
    };
    if (!gateway) return { ...resolved, problem: 'gatewayNotFound' };
    let selected = listenersOf(gateway);
    if (ref.sectionName !== undefined)
      selected = selected.filter((listener) => listener.name === ref.sectionName);
    if (selected.length === 0) return { ...resolved, problem: 'noMatchingSection' };
    if (ref.port !== undefined) selected = selected.filter((listener) => listener.port === ref.port);
    if (selected.length === 0) return { ...resolved, problem: 'noMatchingPort' };
    const byKind = selected.filter((listener) => listenerRouteKinds(listener).includes(routeKind));
    const byNamespace = byKind.filter(
      (listener) =>
        listenerAdmitsNamespace(listener, gateway.metadata?.namespace, routeNamespace) !== 'denied',
    );
    const accepting = byNamespace.filter((listener) =>
      hostnamesIntersect(listener.hostname, hostnamesOf(route)),
    );
    let problem: ResolvedParent['problem'];
    if (byKind.length === 0) problem = 'kindNotAllowed';
    else if (byNamespace.length === 0) problem = 'namespaceNotAllowed';
    else if (accepting.length === 0) problem = 'hostnameMismatch';
    return { ...resolved, selectedListeners: selected, acceptingListeners: accepting, problem };
  });
}

export function isRoute(object: GatewayApiObject): boolean {
  return ROUTE_KINDS.some((kind) => isGatewayApiKind(object, kind));
}

/** A route is Lattice's when one of its parentRefs names a Lattice Gateway (found in the workspace). */
export function routeBinding(route: GatewayApiObject, context: LatticeContext): ResolvedParent | undefined {
  if (!isRoute(route)) return undefined;
  return resolveParents(route, context).find((parent) => parent.binding !== undefined);
}

/** The Lattice Gateways a route reaches, in parentRef order; the controller configures from the first. */
export function latticeParents(route: GatewayApiObject, context: LatticeContext): ResolvedParent[] {
  return resolveParents(route, context).filter((parent) => parent.binding !== undefined);
}
