// The Gateway API, AWS Gateway API Controller and supporting resources the test API server serves,
// so `eksnet lattice status` runs against it with the real kubectl.

import type { ResourceType } from './resources';

const GATEWAY_API = 'gateway.networking.k8s.io';
const LATTICE = 'application-networking.k8s.aws';

function type(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames?: string[],
): ResourceType {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    ...(shortNames ? { shortNames } : {}),
  };
}

export const LATTICE_RESOURCE_TYPES: ResourceType[] = [
  type('', 'v1', 'Event', 'events', true, ['ev']),
  type('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, [
    'crd',
    'crds',
  ]),
  type(GATEWAY_API, 'v1', 'GatewayClass', 'gatewayclasses', false, ['gc']),
  type(GATEWAY_API, 'v1', 'Gateway', 'gateways', true, ['gtw']),
  type(GATEWAY_API, 'v1', 'HTTPRoute', 'httproutes', true),
  type(GATEWAY_API, 'v1', 'GRPCRoute', 'grpcroutes', true),
  type(GATEWAY_API, 'v1', 'TLSRoute', 'tlsroutes', true),
  type(LATTICE, 'v1alpha1', 'TargetGroupPolicy', 'targetgrouppolicies', true, ['tgp']),
  type(LATTICE, 'v1alpha1', 'IAMAuthPolicy', 'iamauthpolicies', true, ['iap']),
  type(LATTICE, 'v1alpha1', 'VpcAssociationPolicy', 'vpcassociationpolicies', true, ['vap']),
  type(LATTICE, 'v1alpha1', 'AccessLogPolicy', 'accesslogpolicies', true, ['alp']),
  type(LATTICE, 'v1alpha1', 'ServiceExport', 'serviceexports', true),
  type(LATTICE, 'v1alpha1', 'ServiceImport', 'serviceimports', true),
  type(LATTICE, 'v1alpha1', 'ServiceNetwork', 'servicenetworks', false),
];
