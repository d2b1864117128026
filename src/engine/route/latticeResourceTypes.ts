// The Gateway API (`gateway.networking.k8s.io`, v1.5) and AWS Gateway API Controller
// (`application-networking.k8s.aws`) kinds: every served version has a schema in `schemas/`.
// Older versions still served by the v1.5 CRDs (`v1beta1`) are routed to their own schema and
// marked `legacy`; versions the CRDs no longer serve are named by API001.

import type { LatticeKind } from '../types';
import type { ResourceType } from './resourceTypes';

const SCHEMA_BASE = 'https://eks-networking.github.io/schemas/';
const GATEWAY_API = 'gateway.networking.k8s.io';
const LATTICE = 'application-networking.k8s.aws';
const CONTROLLER_DOCS = 'https://www.gateway-api-controller.eks.aws.dev/latest/api-types/';

function type(
  kind: ResourceType['kind'],
  group: string,
  version: string,
  scope: ResourceType['scope'],
  docs: string,
  legacy = false,
): ResourceType {
  return {
    kind,
    group,
    version,
    apiVersion: `${group}/${version}`,
    scope,
    schemaId: `${SCHEMA_BASE}${kind.toLowerCase()}-${group}-${version}.json`,
    docs,
    ...(legacy ? { legacy } : {}),
  };
}

/** Preferred version first for each kind: a wrong apiVersion is told to use it. */
export const LATTICE_RESOURCE_TYPES: readonly ResourceType[] = [
  type('GatewayClass', GATEWAY_API, 'v1', 'Cluster', `${CONTROLLER_DOCS}gateway-class/`),
  type('GatewayClass', GATEWAY_API, 'v1beta1', 'Cluster', `${CONTROLLER_DOCS}gateway-class/`, true),
  type('Gateway', GATEWAY_API, 'v1', 'Namespaced', `${CONTROLLER_DOCS}gateway/`),
  type('Gateway', GATEWAY_API, 'v1beta1', 'Namespaced', `${CONTROLLER_DOCS}gateway/`, true),
  type('HTTPRoute', GATEWAY_API, 'v1', 'Namespaced', `${CONTROLLER_DOCS}http-route/`),
  type('HTTPRoute', GATEWAY_API, 'v1beta1', 'Namespaced', `${CONTROLLER_DOCS}http-route/`, true),
  type('GRPCRoute', GATEWAY_API, 'v1', 'Namespaced', `${CONTROLLER_DOCS}grpc-route/`),
  type('TLSRoute', GATEWAY_API, 'v1', 'Namespaced', `${CONTROLLER_DOCS}tls-route/`),
  type(
    'ReferenceGrant',
    GATEWAY_API,
    'v1',
    'Namespaced',
    'https://gateway-api.sigs.k8s.io/api-types/referencegrant/',
  ),
  type(
    'ReferenceGrant',
    GATEWAY_API,
    'v1beta1',
    'Namespaced',
    'https://gateway-api.sigs.k8s.io/api-types/referencegrant/',
    true,
  ),
  type('TargetGroupPolicy', LATTICE, 'v1alpha1', 'Namespaced', `${CONTROLLER_DOCS}target-group-policy/`),
  type('IAMAuthPolicy', LATTICE, 'v1alpha1', 'Namespaced', `${CONTROLLER_DOCS}iam-auth-policy/`),
  type(
    'VpcAssociationPolicy',
    LATTICE,
    'v1alpha1',
    'Namespaced',
    `${CONTROLLER_DOCS}vpc-association-policy/`,
  ),
  type('AccessLogPolicy', LATTICE, 'v1alpha1', 'Namespaced', `${CONTROLLER_DOCS}access-log-policy/`),
  type('ServiceExport', LATTICE, 'v1alpha1', 'Namespaced', `${CONTROLLER_DOCS}service-export/`),
  type('ServiceImport', LATTICE, 'v1alpha1', 'Namespaced', `${CONTROLLER_DOCS}service-import/`),
  type('ServiceNetwork', LATTICE, 'v1alpha1', 'Cluster', `${CONTROLLER_DOCS}service-network/`),
];

export const LATTICE_GROUPS: readonly string[] = [GATEWAY_API, LATTICE];

/** Why an apiVersion of these groups no longer serves a kind (API001 adds it to its message). */
export function retiredLatticeVersion(apiVersion: string, kind: string): string | undefined {
  if (apiVersion === `${GATEWAY_API}/v1alpha2` || apiVersion === `${GATEWAY_API}/v1alpha3`) {
    if (kind === 'TLSRoute')
      return 'the Gateway API v1.5 CRDs serve TLSRoute only as v1, which the AWS Gateway API Controller v2.1 requires';
    if (kind === 'GRPCRoute') return 'the Gateway API v1.5 CRDs serve GRPCRoute only as v1';
    return 'the Gateway API v1.5 CRDs do not serve it';
  }
  if (apiVersion === `${LATTICE}/v1` || apiVersion === `${LATTICE}/v1beta1`) {
    return 'the AWS Gateway API Controller serves its kinds as v1alpha1';
  }
  return undefined;
}

/** Every Gateway API and Lattice kind, once each. */
export const LATTICE_KINDS: readonly LatticeKind[] = [
  ...new Set(LATTICE_RESOURCE_TYPES.map((resource) => resource.kind as LatticeKind)),
];
