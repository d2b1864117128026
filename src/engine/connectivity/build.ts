// From manifests (plain values, with their origins) to a connectivity analysis: the workloads and
// namespaces of the model, and every NetworkPolicy (Lists opened).

import {
  findWorkloads,
  listItems,
  resolveNamespaces,
  type ManifestObject,
  type Source,
  type WorkloadOptions,
} from '../model/workloads';
import { ConnectivityAnalysis } from './analysis';
import { readPolicy } from './policyInput';
import type { ConnectivityPolicy } from './types';

export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

export interface BuiltAnalysis<O> {
  analysis: ConnectivityAnalysis<O, Source<O>>;
  /** The plain value of each policy, for checks that read the manifest itself (EKS caveats). */
  policyValues: Map<ConnectivityPolicy<Source<O>>, Record<string, unknown>>;
  /** One sentence per input problem that changed the result. */
  warnings: string[];
}

export function buildAnalysis<O>(
  objects: readonly ManifestObject<O>[],
  options: WorkloadOptions = {},
): BuiltAnalysis<O> {
  const found = findWorkloads(objects, options);
  const warnings = [...found.warnings];
  const policies: ConnectivityPolicy<Source<O>>[] = [];
  const policyValues = new Map<ConnectivityPolicy<Source<O>>, Record<string, unknown>>();
  const seen = new Set<string>();
  for (const { value, origin } of objects) {
    for (const { item, path } of listItems(value)) {
      if (item.kind !== 'NetworkPolicy' || item.apiVersion !== NETWORK_POLICY_API_VERSION) continue;
      const policy = readPolicy(item, { origin, path });
      const key = `${policy.namespace}/${policy.name}`;
      if (seen.has(key)) {
        warnings.push(`NetworkPolicy ${key} is defined more than once; the first definition is used.`);
        continue;
      }
      seen.add(key);
      for (const problem of policy.problems) warnings.push(`NetworkPolicy ${key}: ${problem}`);
      policies.push(policy);
      policyValues.set(policy, item);
    }
  }
  const namespaces = resolveNamespaces(
    found.namespaces,
    found.workloads.map((workload) => workload.namespace),
  );
  const analysis = new ConnectivityAnalysis({ workloads: found.workloads, namespaces, policies });
  return { analysis, policyValues, warnings };
}
