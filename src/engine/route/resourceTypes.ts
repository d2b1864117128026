// The resources this tool validates, and how to recognise a document as one of them.

import type { ResourceKind } from '../types';

export interface ResourceType {
  kind: ResourceKind;
  group: string;
  version: string;
  apiVersion: string;
  scope: 'Namespaced' | 'Cluster';
  /** The `$id` of its JSON Schema in `schemas/`. */
  schemaId: string;
  docs: string;
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
]);

export type Route =
  | { type: 'resource'; resource: ResourceType }
  | { type: 'wrongApiVersion'; resource: ResourceType; found: string | undefined }
  | { type: 'wrongKind'; resource: ResourceType; found: string }
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
  const exact = RESOURCE_TYPES.find((type) => type.kind === kind);
  if (exact) {
    if (api === exact.apiVersion) return { type: 'resource', resource: exact };
    if (api === undefined || api === '' || OUR_GROUPS.has(groupOf(api))) {
      return { type: 'wrongApiVersion', resource: exact, found: api };
    }
    return { type: 'ignore' };
  }
  // `kind: networkpolicy` under our own apiVersion: the kind is misspelled, not someone else's.
  const byCase = RESOURCE_TYPES.find((type) => type.kind.toLowerCase() === kind.toLowerCase());
  if (byCase && api === byCase.apiVersion) return { type: 'wrongKind', resource: byCase, found: kind };
  return { type: 'ignore' };
}

/** A cheap test on raw text: could this chunk hold one of our resources? Skips full parsing of the rest. */
export function mayContainOurResource(text: string): boolean {
  return /NetworkPolicy|SecurityGroupPolicy|ENIConfig/i.test(text);
}
