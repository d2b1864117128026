// The NetworkPolicies of a workspace, by namespace. Policies are additive: what a pod may send or
// receive is decided by every policy that selects it, so a check that says "these pods cannot do
// X" must look at the other policies of the namespace too (NP203 does, for DNS).

import type { WorkspaceObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';
import { covers } from './labelSelector';
import { readNetworkPolicy, type NetworkPolicyModel } from './networkPolicy';

export interface PolicyInWorkspace {
  object: WorkspaceObject;
  model: NetworkPolicyModel;
}

/**
 * Policies of one namespace share a key. Those that leave the namespace out land wherever kubectl
 * points: the ones of one file are applied together (a kustomize base, one `kubectl apply -f`),
 * but two files without namespace may well go to different namespaces, so they do not share one.
 */
function namespaceKey(object: WorkspaceObject, namespace: string | undefined): string {
  return namespace === undefined ? `file:${object.file}` : `ns:${namespace}`;
}

/** The workspace's NetworkPolicies by namespace (memoised per workspace version). */
export function policiesByNamespace(workspace: Workspace): ReadonlyMap<string, readonly PolicyInWorkspace[]> {
  return workspace.derived('model:network-policies-by-namespace', (all) => {
    const byNamespace = new Map<string, PolicyInWorkspace[]>();
    for (const object of all.objects()) {
      if (object.kind !== 'NetworkPolicy' || !appliable(object)) continue;
      const model = readNetworkPolicy(object.value);
      const key = namespaceKey(object, model.namespace);
      let list = byNamespace.get(key);
      if (!list) byNamespace.set(key, (list = []));
      list.push({ object, model });
    }
    return byNamespace;
  });
}

/**
 * A NetworkPolicy the API server would take: not one routed here despite a wrong apiVersion or a
 * misspelled kind (items of a typed list leave both to the list).
 */
function appliable(object: WorkspaceObject): boolean {
  const { apiVersion, kind } = object.value;
  return (
    object.resource !== undefined &&
    (apiVersion === undefined || apiVersion === object.resource.apiVersion) &&
    (kind === undefined || kind === object.resource.kind)
  );
}

function sameObject(a: WorkspaceObject, b: WorkspaceObject): boolean {
  return (
    a.file === b.file &&
    a.documentIndex === b.documentIndex &&
    a.pathPrefix.length === b.pathPrefix.length &&
    a.pathPrefix.every((segment, index) => segment === b.pathPrefix[index])
  );
}

/**
 * The other policies of the same namespace that certainly select every pod `object` selects
 * (their podSelector covers its podSelector).
 */
export function coveringPolicies(workspace: Workspace, object: WorkspaceObject): PolicyInWorkspace[] {
  const model = readNetworkPolicy(object.value);
  const candidates = policiesByNamespace(workspace).get(namespaceKey(object, model.namespace)) ?? [];
  return candidates.filter(
    (other) =>
      !sameObject(other.object, object) &&
      covers(other.model.podSelector.selector, model.podSelector.selector),
  );
}
