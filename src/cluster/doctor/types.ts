// What a Networking Doctor check gets (the facts read from the cluster once, and lazy readers for the
// rest) and what it gives back (results, each with the command that fixes a problem).

import type { Aws } from '../aws';
import type { CniStatus } from '../cni/awsNode';
import type { TargetedKubectl } from '../kubectl';
import type { LatticeFacts } from '../lattice/facts';
import type { CniNode, Node } from '../nodes';
import type { PrefixReport } from '../prefixes';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'skip';

export interface CheckResult {
  title: string;
  status: CheckStatus;
  detail: string;
  /** The command (or step) that fixes the problem. */
  fix?: string;
}

/** Kept for callers of the report: one line of it. */
export type DoctorCheck = CheckResult;

export interface DoctorReport {
  context?: string;
  checks: CheckResult[];
  /** True when no check failed (warnings do not make it unhealthy). */
  healthy: boolean;
}

/** What the checks read. Lazy parts are read at most once, and only by the checks that need them. */
export interface DoctorFacts {
  kubectl: TargetedKubectl;
  status: CniStatus;
  nodes(): Promise<Node[]>;
  cniNodes(): Promise<CniNode[]>;
  /** Names of the ENIConfigs; empty when the CRD is not installed. */
  eniConfigNames(): Promise<string[]>;
  /** undefined when there is no aws CLI to ask. */
  nodePrefixes: (() => Promise<PrefixReport>) | undefined;
  /** What the Lattice checks judge (controller, CRDs, Gateway API objects), read once. */
  lattice(): Promise<LatticeFacts>;
  /** The aws CLI for the Lattice checks' aws side; undefined when there is none. */
  aws?: Aws;
  /** NetworkPolicy documents in the workspace or the paths given; undefined when not known. */
  workspaceNetworkPolicies?: number;
}

/** One named check: small, testable alone with its facts. */
export interface DoctorCheckDefinition {
  id: string;
  run(facts: DoctorFacts): CheckResult[] | Promise<CheckResult[]>;
}

export type { Aws };
