// From the objects of manifests (as the engine records them, Lists opened) to a connectivity
// analysis: the workloads and namespaces of the model, and every NetworkPolicy.

import { findWorkloads, resolveNamespaces, type ObjectLike, type WorkloadOptions } from '../model/workloads';
import { ConnectivityAnalysis } from './analysis';
import { readPolicy } from './policyInput';
import type { ConnectivityPolicy } from './types';

export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

export interface BuiltAnalysis<O extends ObjectLike = ObjectLike> {
  /** Workloads and policies keep the object they were read from as their origin. */
  analysis: ConnectivityAnalysis<O, O>;
  /** One sentence per input problem that changed the result. */
  warnings: string[];
}

export function buildAnalysis<O extends ObjectLike>(
  objects: readonly O[],
  options: WorkloadOptions = {},
): BuiltAnalysis<O> {
  const found = findWorkloads(objects, options);
  const warnings = [...found.warnings];
  const policies: ConnectivityPolicy<O>[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    if (!isNetworkPolicy(object)) continue;
    const policy = readPolicy(object.value, object);
    const key = `${policy.namespace}/${policy.name}`;
    if (seen.has(key)) {
      warnings.push(`NetworkPolicy ${key} is defined more than once; the first definition is used.`);
      continue;
    }
    seen.add(key);
    for (const problem of policy.problems) warnings.push(`NetworkPolicy ${key}: ${problem}`);
    policies.push(policy);
  }
  const namespaces = resolveNamespaces(
    found.namespaces,
    found.workloads.map((workload) => workload.namespace),
  );
  const analysis = new ConnectivityAnalysis({ workloads: found.workloads, namespaces, policies });
  return { analysis, warnings };
}

/**
 * A NetworkPolicy the API server serves. The engine files a policy under another apiVersion as a
 * NetworkPolicy too (to report it); the apiVersion as written decides here.
 */
export function isNetworkPolicy(object: ObjectLike): boolean {
  const written = typeof object.value.apiVersion === 'string' ? object.value.apiVersion : object.apiVersion;
  return object.kind === 'NetworkPolicy' && written === NETWORK_POLICY_API_VERSION;
}
