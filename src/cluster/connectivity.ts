// The live objects the connectivity analysis reads from a cluster: Namespaces (for their labels),
// Pods (the workloads that run, grouped by owner) and NetworkPolicies. Read-only `kubectl get`.

import { documentEntries } from '../engine/workspace/objects';
import type { ObjectLike } from '../engine/model/workloads';
import { isClusterError } from './errors';
import type { Kubectl } from './kubectl';

/** An item of a `kubectl get` list, with the command it came from (`kubectl get pods`). */
export interface ClusterObject extends ObjectLike {
  origin: string;
}

export interface ClusterObjects {
  objects: ClusterObject[];
  warnings: string[];
}

export interface ClusterScope {
  /** One namespace's Pods and policies; all namespaces when unset. */
  namespace?: string;
  signal?: AbortSignal;
}

export async function readClusterObjects(
  kubectl: Kubectl,
  scope: ClusterScope = {},
): Promise<ClusterObjects> {
  // Resolved once: every call names this context and kubeconfig.
  const onTarget = kubectl.at(await kubectl.resolveTarget(scope.signal));
  const where = scope.namespace ? [`--namespace=${scope.namespace}`] : ['--all-namespaces'];
  const result: ClusterObjects = { objects: [], warnings: [] };
  const add = (origin: string, list: unknown) => {
    if (!list || typeof list !== 'object' || Array.isArray(list)) return;
    // The items of the list, as the engine opens a List in a manifest.
    for (const entry of documentEntries(list as Record<string, unknown>)) {
      if (typeof entry.kind !== 'string') continue;
      const apiVersion = typeof entry.apiVersion === 'string' ? entry.apiVersion : '';
      result.objects.push({ kind: entry.kind, apiVersion, value: entry.value, origin });
    }
  };
  try {
    add('kubectl get namespaces', await onTarget.getJson(['get', 'namespaces'], { signal: scope.signal }));
  } catch (error) {
    // A namespace-scoped user may not list namespaces; their labels are then unknown.
    if (!isClusterError(error, 'forbidden')) throw error;
    result.warnings.push(
      `${error.message} Namespaces are taken to have only the kubernetes.io/metadata.name label, so namespaceSelectors on other labels match nothing.`,
    );
  }
  add('kubectl get pods', await onTarget.getJson(['get', 'pods', ...where], { signal: scope.signal }));
  add(
    'kubectl get networkpolicies',
    await onTarget.getJson(['get', 'networkpolicies.networking.k8s.io', ...where], { signal: scope.signal }),
  );
  return result;
}
