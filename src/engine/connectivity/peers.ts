// Whom a pod peer of a policy rule matches: pods of the namespaces its namespaceSelector selects
// (the policy's own namespace without one) that its podSelector selects (every pod without one).
// The analysis, the workspace checks (NP213) and hover all ask this question here.

import { matches } from '../model/labelSelector';
import type { NamespaceInfo } from '../model/workloads';
import type { PolicyPeer } from './types';

export type PodPeer = Extract<PolicyPeer, { kind: 'pods' }>;

/** Whether the peer's namespace part takes in this namespace (unknown namespaces: no). */
export function namespaceMatches(
  peer: PodPeer,
  policyNamespace: string,
  namespace: NamespaceInfo | undefined,
): boolean {
  if (!namespace) return false;
  if (!peer.namespaceSelector) return namespace.name === policyNamespace;
  return matches(peer.namespaceSelector, namespace.labels);
}

/** Whether the peer's pod part takes in pods with these labels. */
export function podsMatch(peer: PodPeer, labels: Readonly<Record<string, string>>): boolean {
  return !peer.podSelector || matches(peer.podSelector, labels);
}
