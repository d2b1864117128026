// The workloads and namespaces of a whole workspace, computed once per workspace version: what the
// workspace checks (NP212, NP213), hover and the editor's connectivity view look selectors up in.

import type { WorkspaceObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';
import { findWorkloads, resolveNamespaces, type NamespaceInfo, type Workload } from './workloads';

export interface WorkloadIndex {
  workloads: readonly Workload<WorkspaceObject>[];
  byNamespace: ReadonlyMap<string, readonly Workload<WorkspaceObject>[]>;
  /** Declared Namespaces and every namespace that holds a workload. */
  namespaces: ReadonlyMap<string, NamespaceInfo<WorkspaceObject>>;
}

export function workloadIndex(workspace: Workspace): WorkloadIndex {
  return workspace.derived('model/workloadIndex', (current) => indexWorkloads(current.objects()));
}

export function indexWorkloads(objects: readonly WorkspaceObject[]): WorkloadIndex {
  const found = findWorkloads(objects);
  const byNamespace = new Map<string, Workload<WorkspaceObject>[]>();
  for (const workload of found.workloads) {
    const list = byNamespace.get(workload.namespace);
    if (list) list.push(workload);
    else byNamespace.set(workload.namespace, [workload]);
  }
  const namespaces = resolveNamespaces(found.namespaces, byNamespace.keys());
  return { workloads: found.workloads, byNamespace, namespaces };
}
