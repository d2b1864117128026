// The resources this tool validates, and how to recognise a document as one of them.

import type { ResourceKind } from '../types';
import { isNearMissGroup, isNearMissKind } from './nearMiss';
import { LATTICE_GROUPS, LATTICE_RESOURCE_TYPES } from './latticeResourceTypes';

export interface ResourceType {
  kind: ResourceKind;
  group: string;
  version: string;
  apiVersion: string;
  scope: 'Namespaced' | 'Cluster';
  /** The `$id` of its JSON Schema in `schemas/`. */
  schemaId: string;
  docs: string;
  /** An older version the API server still serves; completion offers the preferred one. */
  legacy?: boolean;
}

const SCHEMA_BASE = 'https://eks-networking.github.io/schemas/';

export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    kind: 'NetworkPolicy',
    group: 'networking.k8s.io',
    version: 'v1',
    apiVersion: 'networking.k8s.io/v1',
    scope: 'Namespaced',
    schemaId: `${SCHEMA_BASE}networkpolicy-networking.k8s.io-v1.json`,
    docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  },
  {
    kind: 'SecurityGroupPolicy',
    group: 'vpcresources.k8s.aws',
    version: 'v1beta1',
    apiVersion: 'vpcresources.k8s.aws/v1beta1',
    scope: 'Namespaced',
    schemaId: `${SCHEMA_BASE}securitygrouppolicy-vpcresources.k8s.aws-v1beta1.json`,
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html',
  },
  {
    kind: 'ENIConfig',
    group: 'crd.k8s.amazonaws.com',
    version: 'v1alpha1',
    apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
    scope: 'Cluster',
    schemaId: `${SCHEMA_BASE}eniconfig-crd.k8s.amazonaws.com-v1alpha1.json`,
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html',
  },
  // VPC Lattice: the Gateway API and the AWS Gateway API Controller's kinds.
  ...LATTICE_RESOURCE_TYPES,
];

/**
 * API groups whose documents we judge. A known kind under one of these groups with the wrong
 * version (or under the wrong one of them) is a mistake; the same kind under another group, such as
 * Calico's `projectcalico.org/v3` NetworkPolicy, is someone else's resource and left alone.
 */
export const OUR_GROUPS: ReadonlySet<string> = new Set([
  'networking.k8s.io',
  'extensions',
  'vpcresources.k8s.aws',
  'crd.k8s.amazonaws.com',
  ...LATTICE_GROUPS,
]);

export type Route =
  | { type: 'resource'; resource: ResourceType }
  | { type: 'wrongApiVersion'; resource: ResourceType; found: string | undefined }
  /** A slip for one of our kinds (case, plural, typo) under its group or a near miss of it. */
  | { type: 'wrongKind'; resource: ResourceType; found: string; apiVersion: string }
  | { type: 'list' }
  | { type: 'ignore' };

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function routeResource(apiVersion: unknown, kind: unknown): Route {
  if (typeof kind !== 'string') return { type: 'ignore' };
  const api = typeof apiVersion === 'string' ? apiVersion.trim() : undefined;
  if (kind === 'List' && (api === 'v1' || api === undefined)) return { type: 'list' };
  // A kind may be served at several versions (Gateway API `v1` and `v1beta1`); the first is preferred.
  const preferred = RESOURCE_TYPES.find((type) => type.kind === kind);
  if (preferred) {
    const exact = RESOURCE_TYPES.find((type) => type.kind === kind && type.apiVersion === api);
    if (exact) return { type: 'resource', resource: exact };
    const group = api === undefined ? '' : groupOf(api);
    if (api === undefined || api === '' || OUR_GROUPS.has(group) || isNearMissGroup(group, preferred.group)) {
      return { type: 'wrongApiVersion', resource: preferred, found: api };
    }
    return { type: 'ignore' };
  }
  // `kind: NetworkPolicies` under our own group: the kind is misspelled, not someone else's.
  if (api === undefined || api === '') return { type: 'ignore' };
  const group = groupOf(api);
  const near = RESOURCE_TYPES.find(
    (type) => isNearMissKind(kind, type.kind) && (group === type.group || isNearMissGroup(group, type.group)),
  );
  return near ? { type: 'wrongKind', resource: near, found: kind, apiVersion: api } : { type: 'ignore' };
}

/** A cheap test on raw text: could this chunk hold one of our resources? Skips full parsing of the rest. */
export function mayContainOurResource(text: string): boolean {
  return /NetworkPolic|SecurityGroupPolic|ENIConfig/i.test(text);
}
