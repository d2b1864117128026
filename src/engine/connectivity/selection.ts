// Which workloads of the workspace a policy's selectors select: its podSelector (in its own
// namespace) and each pod peer of its rules. The workspace checks report selectors that select
// none; hover lists what they select.

import { matches } from '../model/labelSelector';
import type { WorkloadIndex } from '../model/workloadIndex';
import { workloadName, type Workload } from '../model/workloads';
import { joinWords } from '../editing/explain/words';
import { isPlaceholder } from '../util/placeholders';
import { isRecord } from '../util/values';
import type { Path } from '../types';
import type { WorkspaceObject } from '../workspace/objects';
import { namespaceMatches, podsMatch, type PodPeer } from './peers';
import type { ConnectivityPolicy, Direction } from './types';
import { appendAll } from '../util/arrays';

export interface Selection {
  /** The workloads looked at: those of the namespaces the selector can take pods from. */
  considered: readonly Workload<WorkspaceObject>[];
  /** The namespaces those are in, in order of first appearance. */
  namespaces: readonly string[];
  /** Of the considered workloads, the ones selected. */
  matched: readonly Workload<WorkspaceObject>[];
}

/** The workloads of its namespace a policy selects. */
export function policySelection(policy: ConnectivityPolicy, index: WorkloadIndex): Selection {
  const considered = index.byNamespace.get(policy.namespace) ?? [];
  return {
    considered,
    namespaces: considered.length > 0 ? [policy.namespace] : [],
    matched: considered.filter((workload) => matches(policy.podSelector, workload.labels)),
  };
}

/** The workloads a pod peer matches, among those of the namespaces it takes in. */
export function peerSelection(policy: ConnectivityPolicy, peer: PodPeer, index: WorkloadIndex): Selection {
  const considered: Workload<WorkspaceObject>[] = [];
  const namespaces: string[] = [];
  for (const [name, workloads] of index.byNamespace) {
    if (!namespaceMatches(peer, policy.namespace, index.namespaces.get(name))) continue;
    namespaces.push(name);
    appendAll(considered, workloads);
  }
  return {
    considered,
    namespaces,
    matched: considered.filter((workload) => podsMatch(peer, workload.labels)),
  };
}

export type SelectorPlace =
  | { part: 'podSelector'; selection: Selection }
  | { part: 'peer'; direction: Direction; rule: number; peer: PodPeer; selection: Selection };

/**
 * The selector a path inside the policy is in: `spec.podSelector…`, or a `podSelector` /
 * `namespaceSelector` of a pod peer (`spec.ingress[0].from[1]…`). Undefined elsewhere.
 */
export function selectorAt(
  policy: ConnectivityPolicy,
  path: Path,
  index: WorkloadIndex,
): SelectorPlace | undefined {
  if (path[0] !== 'spec') return undefined;
  if (path[1] === 'podSelector') return { part: 'podSelector', selection: policySelection(policy, index) };
  const [, direction, rule, field, peerIndex, selector] = path;
  if (direction !== 'ingress' && direction !== 'egress') return undefined;
  if (typeof rule !== 'number' || typeof peerIndex !== 'number') return undefined;
  if (field !== (direction === 'ingress' ? 'from' : 'to')) return undefined;
  if (selector !== 'podSelector' && selector !== 'namespaceSelector') return undefined;
  const peer = policy[direction][rule]?.peers?.[peerIndex];
  if (peer?.kind !== 'pods') return undefined;
  return { part: 'peer', direction, rule, peer, selection: peerSelection(policy, peer, index) };
}

/** Whether any text inside a value is a template placeholder (then it may well match once rendered). */
export function mentionsPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return isPlaceholder(value);
  if (Array.isArray(value)) return value.some(mentionsPlaceholder);
  if (isRecord(value))
    return Object.entries(value).some(([key, item]) => isPlaceholder(key) || mentionsPlaceholder(item));
  return false;
}

/** `web[Deployment], db[StatefulSet] and 3 more`: workloads named within their namespace(s). */
export function workloadList(workloads: readonly Workload[], limit = 3): string {
  const multipleNamespaces = new Set(workloads.map((workload) => workload.namespace)).size > 1;
  const names = workloads
    .slice(0, limit)
    .map((workload) => (multipleNamespaces ? workloadName(workload) : `${workload.name}[${workload.kind}]`));
  if (workloads.length > limit) names.push(`${workloads.length - limit} more`);
  return joinWords(names);
}

/** `namespace "shop"`, `namespaces "a" and "b"`. */
export function namespaceList(names: readonly string[]): string {
  const quoted = names.map((name) => `"${name}"`);
  return `${names.length === 1 ? 'namespace' : 'namespaces'} ${joinWords(quoted)}`;
}
