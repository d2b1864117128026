// Switching a VPC CNI feature on, part two: make the confirmed plan's change, on the plan's target
// only. Just before, the context is re-read (same API server?) and aws-node too (same values?); just
// after, aws-node is read back. When kubectl is stopped after it sent the change (timeout, cancel,
// lost connection), aws-node is read back and the real state reported instead of "try again".

import { ClusterError, isClusterError } from '../errors';
import type { Kubectl, TargetedKubectl } from '../kubectl';
import { printable } from '../validate';
import { CONTAINER, DAEMONSET, NAMESPACE, awsNodeContainer, envMap, readAwsNode } from './awsNode';
import type { ChangePlan, EnvChange } from './enable';

export interface ApplyOutcome {
  dryRun: boolean;
  /** Values read back after the change (for a dry run: what the server accepted). */
  changes: EnvChange[];
  message: string;
  /** Set when kubectl was stopped after sending the change and the read-back showed it applied. */
  interrupted?: string;
}

/** Errors after which the change may or may not have reached the API server. */
const UNCERTAIN: ReadonlyArray<ClusterError['code']> = ['timeout', 'cancelled', 'unreachable'];

/** Makes the planned change (or a server-side dry run of it) on plan.target and reads aws-node back. */
export async function applyPlan(
  runner: Kubectl,
  plan: ChangePlan,
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ApplyOutcome> {
  const dryRun = options.dryRun === true;
  const context = `context "${printable(plan.target.context)}"`;
  if (plan.changes.length === 0) {
    return { dryRun, changes: [], message: `${plan.feature.title} is already on; nothing to change.` };
  }
  await runner.confirmTarget(plan.target, options.signal);
  const kubectl = runner.at(plan.target);
  // Refuse if someone changed aws-node since the plan was shown.
  const current = envMap(awsNodeContainer(await readAwsNode(kubectl, options.signal)));
  for (const change of plan.changes) {
    if (current.get(change.name) !== change.before) {
      throw new ClusterError(
        'conflict',
        `aws-node changed since the plan was made (${change.name} is now "${printable(current.get(change.name) ?? '(unset)')}"); nothing was changed — run the command again to see a fresh plan.`,
      );
    }
  }
  const args = dryRun ? [...plan.args.slice(0, 2), '--dry-run=server', ...plan.args.slice(2)] : plan.args;
  try {
    await kubectl.run(args, { signal: options.signal });
  } catch (error) {
    if (dryRun || !isClusterError(error) || !UNCERTAIN.includes(error.code)) throw error;
    return afterInterruption(kubectl, plan, error);
  }
  if (dryRun) {
    return {
      dryRun,
      changes: plan.changes,
      message: `Dry run: the API server accepted the change to aws-node on ${context}; nothing was changed.`,
    };
  }
  const after = envMap(awsNodeContainer(await readAwsNode(kubectl, options.signal)));
  const changes = plan.changes.map((change) => ({ ...change, after: after.get(change.name) ?? '(unset)' }));
  const missing = plan.changes.filter((change) => after.get(change.name) !== change.after);
  if (missing.length > 0) {
    throw new ClusterError(
      'command-failed',
      `kubectl reported success but aws-node does not show ${missing.map((c) => `${c.name}=${c.after}`).join(', ')}; check the DaemonSet and the EKS Networking log.`,
    );
  }
  return {
    dryRun,
    changes,
    message: `${plan.feature.title} is on for ${context}; aws-node pods restart with the new settings (rolling update).`,
  };
}

/** What stopped kubectl, in words that fit "kubectl … after it sent the change". */
function whatHappened(error: ClusterError, timeoutSeconds: number): string {
  if (error.code === 'cancelled') return 'was cancelled';
  if (error.code === 'timeout') return `did not finish within ${timeoutSeconds} s`;
  return 'lost the connection to the cluster';
}

/** kubectl stopped while the change was on its way: read aws-node again (without the cancelled signal). */
async function afterInterruption(
  kubectl: TargetedKubectl,
  plan: ChangePlan,
  error: ClusterError,
): Promise<ApplyOutcome> {
  const happened = `kubectl ${whatHappened(error, kubectl.settings.timeoutSeconds)} after it started the change`;
  const context = `context "${printable(plan.target.context)}"`;
  const check = kubectl.commandLine([
    'set',
    'env',
    '--namespace',
    NAMESPACE,
    '--containers',
    CONTAINER,
    '--list',
    '--',
    `daemonset/${DAEMONSET}`,
  ]);
  let now: Map<string, string | undefined>;
  try {
    now = envMap(awsNodeContainer(await readAwsNode(kubectl)));
  } catch (readError) {
    throw new ClusterError(
      'interrupted',
      `${happened}, and aws-node could not be read back (${(readError as Error).message}): the change may have been applied. Check aws-node's settings with: ${check}`,
    );
  }
  const state = plan.changes
    .map((change) => `${change.name}=${printable(now.get(change.name) ?? '(unset)')}`)
    .join(', ');
  const applied = plan.changes.filter((change) => now.get(change.name) === change.after);
  if (applied.length === plan.changes.length) {
    return {
      dryRun: false,
      changes: plan.changes.map((change) => ({ ...change, after: now.get(change.name) ?? '(unset)' })),
      interrupted: happened,
      message: `${happened}, but the change reached the cluster: aws-node on ${context} now has ${state} (read back afterwards). ${plan.feature.title} is on; aws-node pods restart with the new settings (rolling update).`,
    };
  }
  if (applied.length === 0) {
    throw new ClusterError(
      'interrupted',
      `${happened}; aws-node on ${context} was read back and still has ${state}, so the change was not made. Run the command again when the cluster answers; to check first: ${check}`,
    );
  }
  throw new ClusterError(
    'interrupted',
    `${happened}; aws-node on ${context} was read back and has ${state}: the change is only partly applied. Run the command again to finish it; to check: ${check}`,
  );
}
