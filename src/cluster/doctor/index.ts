// Networking Doctor: every read-only check in one report. The target and aws-node are read first
// (nothing else makes sense without them); then each named check in CHECKS runs on those facts and
// reads more (nodes, CNINodes, ENIConfigs, EC2 prefixes, the Lattice objects) only when it needs to, at most once.

import type { Aws } from '../aws';
import { cniStatusFrom, readAwsNode, readConfigMap } from '../cni/awsNode';
import { isClusterError } from '../errors';
import type { Kubectl } from '../kubectl';
import { readLatticeFacts } from '../lattice/facts';
import { listCniNodes, listEniConfigNames, listNodes } from '../nodes';
import { readNodePrefixes } from '../prefixes';
import type { ClusterTarget } from '../target';
import {
  customNetworkingCheck,
  ipFamilyCheck,
  ownerCheck,
  prefixDelegationCheck,
  securityGroupsForPodsCheck,
} from './cniChecks';
import { LATTICE_CHECKS } from './latticeChecks';
import { networkPolicyCheck, nodePrefixesCheck, unusedNetworkPolicyEnvCheck } from './policyChecks';
import type { CheckResult, DoctorCheckDefinition, DoctorFacts, DoctorReport } from './types';

/** The checks, in report order. */
export const CHECKS: readonly DoctorCheckDefinition[] = [
  ownerCheck,
  ipFamilyCheck,
  prefixDelegationCheck,
  securityGroupsForPodsCheck,
  customNetworkingCheck,
  networkPolicyCheck,
  unusedNetworkPolicyEnvCheck,
  nodePrefixesCheck,
  ...LATTICE_CHECKS,
];

export interface DoctorOptions {
  signal?: AbortSignal;
  /** How many NetworkPolicy documents the user's manifests hold (raises "enforcement off" to a warning). */
  workspaceNetworkPolicies?: number;
}

function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}

export function reportOf(checks: CheckResult[], context?: string): DoctorReport {
  return { context, checks, healthy: !checks.some((check) => check.status === 'fail') };
}

export async function runDoctor(
  runner: Kubectl,
  aws: Aws | undefined,
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const { signal } = options;
  const checks: CheckResult[] = [];
  const failed = (title: string, error: unknown) => {
    if (isClusterError(error, 'cancelled')) throw error;
    checks.push({ title, status: 'fail', detail: (error as Error).message });
  };

  let target: ClusterTarget;
  try {
    target = await runner.resolveTarget(signal);
    checks.push({
      title: 'kubectl and context',
      status: 'pass',
      detail: `context "${target.context}", cluster ${target.cluster}`,
    });
  } catch (error) {
    failed('kubectl and context', error);
    return reportOf(checks);
  }

  const kubectl = runner.at(target);
  let facts: DoctorFacts;
  try {
    const daemonSet = await readAwsNode(kubectl, signal);
    const status = cniStatusFrom(target.context, daemonSet, await readConfigMap(kubectl, signal));
    checks.push({
      title: 'Cluster reachable, aws-node present',
      status: 'pass',
      detail: `VPC CNI ${status.version ?? '(unknown version)'} (${status.image ?? 'no image'})`,
    });
    facts = {
      kubectl,
      status,
      nodes: once(() => listNodes(kubectl, signal)),
      cniNodes: once(() => listCniNodes(kubectl, signal)),
      eniConfigNames: once(() =>
        listEniConfigNames(kubectl, signal).catch((error: unknown) => {
          if (isClusterError(error, 'missing-resource-type')) return [] as string[];
          throw error;
        }),
      ),
      nodePrefixes: aws ? once(() => readNodePrefixes(aws, target, signal)) : undefined,
      lattice: once(() => readLatticeFacts(kubectl, signal)),
      aws,
      workspaceNetworkPolicies: options.workspaceNetworkPolicies,
    };
  } catch (error) {
    failed('Cluster reachable, aws-node present', error);
    return reportOf(checks, target.context);
  }
  for (const check of CHECKS) checks.push(...(await check.run(facts)));
  return reportOf(checks, target.context);
}

export type {
  CheckResult,
  CheckStatus,
  DoctorCheck,
  DoctorCheckDefinition,
  DoctorFacts,
  DoctorReport,
} from './types';
