// `eksnet lattice status`: read-only checks of VPC Lattice on a cluster. kubectl side: the AWS Gateway
// API Controller, the CRD versions it needs, each Lattice Gateway, route and policy with the status
// the controller wrote. aws side: each Gateway's service network and its association with the
// cluster VPC, and the Lattice managed prefix list in the node and pod security groups. The checks
// themselves are in checks.ts (the Networking Doctor runs the same ones).

import type { Aws } from '../aws';
import type { CheckResult, DoctorReport } from '../doctor/types';
import { isClusterError } from '../errors';
import type { Kubectl } from '../kubectl';
import type { ClusterTarget } from '../target';
import { awsResults, controllerResults, crdResults, gatewayResults, routeResults } from './checks';
import { readLatticeFacts } from './facts';

export type LatticeStatus = DoctorReport;

export async function readLatticeStatus(
  tools: Kubectl,
  aws: Aws | undefined,
  signal?: AbortSignal,
): Promise<LatticeStatus> {
  const checks: CheckResult[] = [];
  const finish = (context?: string): LatticeStatus => ({
    context,
    checks,
    healthy: !checks.some((check) => check.status === 'fail'),
  });
  const failed = (title: string, error: unknown) => {
    if (isClusterError(error, 'cancelled')) throw error;
    checks.push({ title, status: 'fail', detail: (error as Error).message });
  };

  // Resolved once: every later call names this context and kubeconfig.
  let target: ClusterTarget;
  try {
    target = await tools.resolveTarget(signal);
  } catch (error) {
    failed('kubectl and context', error);
    return finish();
  }
  checks.push({
    title: 'kubectl and context',
    status: 'pass',
    detail: `context "${target.context}", cluster ${target.cluster}`,
  });

  let facts;
  try {
    facts = await readLatticeFacts(tools.at(target), signal);
  } catch (error) {
    failed('AWS Gateway API Controller', error);
    return finish(target.context);
  }
  checks.push(
    ...controllerResults(facts),
    ...facts.problems,
    ...crdResults(facts),
    ...gatewayResults(facts),
    ...routeResults(facts),
  );
  if (aws) checks.push(...(await awsResults(facts, aws, target)));
  return finish(target.context);
}
