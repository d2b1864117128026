// The AWS Gateway API Controller's annotations (prefix `application-networking.k8s.aws/`): which
// ones it reads and on which kinds, which ones it writes itself, and which ones are dead.

import { asRecord } from '../util/values';
import type { GatewayApiObject } from './lattice';

export const LATTICE_ANNOTATION_PREFIX = 'application-networking.k8s.aws/';

const ROUTES = ['HTTPRoute', 'GRPCRoute', 'TLSRoute'];

/** Annotations the controller reads, with the kinds it reads them on. */
export const READ_ANNOTATIONS: Readonly<Record<string, readonly string[]>> = {
  standalone: ['Gateway', ...ROUTES],
  'service-name-override': ROUTES,
  'allow-takeover-from': ROUTES,
  tags: [...ROUTES, 'ServiceExport', 'ServiceNetwork', 'VpcAssociationPolicy'],
  federation: ['ServiceExport'],
  'service-name': ['ServiceExport'],
  port: ['ServiceExport'],
  'export-name': ['ServiceImport'],
  'aws-vpc': ['ServiceImport'],
  'aws-eks-cluster-name': ['ServiceImport'],
  'target-group-arn': ['ServiceImport'],
};

/** `rule-<index>-priority` on HTTPRoute and GRPCRoute. */
export const RULE_PRIORITY_ANNOTATION = /^rule-(\d+)-priority$/;

/** Annotations the controller writes on the objects it reconciles; a manifest should not set them. */
export const WRITTEN_ANNOTATIONS: readonly string[] = [
  'lattice-assigned-domain-name',
  'lattice-service-arn',
  'accessLogSubscription',
  'accessLogSubscriptionResourceName',
  'iam-auth-policy-resource-id',
  'iam-auth-policy-resource-type',
  'iam-auth-policy-resource-name',
  'resourceArn',
];

/** Keys that look like the controller's but do nothing, and what to use instead. */
export const DEAD_ANNOTATIONS: Readonly<Record<string, string>> = {
  'lattice-vpc-association':
    'it was removed in controller v1.0; associate the VPC with a VpcAssociationPolicy on the Gateway',
  'lattice-service-network':
    'the controller never read it; the Gateway name (or its sn- id) names the service network',
};

/** The object's annotations under the controller's prefix, by key without the prefix. */
export function latticeAnnotations(object: GatewayApiObject): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(asRecord(asRecord(object.metadata).annotations))) {
    if (key.startsWith(LATTICE_ANNOTATION_PREFIX))
      found.set(key.slice(LATTICE_ANNOTATION_PREFIX.length), value);
  }
  return found;
}

/** Whether the object carries an annotation that only the Lattice controller reads or writes. */
export function hasLatticeAnnotation(object: GatewayApiObject): boolean {
  for (const key of latticeAnnotations(object).keys()) {
    if (READ_ANNOTATIONS[key] || WRITTEN_ANNOTATIONS.includes(key) || RULE_PRIORITY_ANNOTATION.test(key))
      return true;
  }
  return false;
}
