// Settings the engine understands. The language server and the CLI fill them from their own sources
// through one validating parser (src/shared/settings.ts).

import type { Severity } from './types';

export type RuleLevel = Severity | 'off';

/** Every level a rule can be set to, in increasing severity. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface EngineSettings {
  /** Per-rule overrides: `{ "NP201": "off" }`. */
  rules: Record<string, RuleLevel>;
  /** `eks` adds the EKS network policy agent's caveats; `generic` checks plain Kubernetes only. */
  target: 'eks' | 'generic';
  clusterIpFamily: 'ipv4' | 'ipv6';
  /** Files larger than this are not validated (one diagnostic says so). */
  maxFileSizeMB: number;
  /**
   * The checks of selectors against the workloads of the workspace (NP212, NP213); off when the
   * workloads live elsewhere (another repository, a chart) and the notes would only be noise.
   */
  workspaceChecks: boolean;
  lattice: LatticeSettings;
}

/** `eksNetworking.lattice.*`: which Gateways are VPC Lattice's, and the account's Lattice quotas. */
export interface LatticeSettings {
  /** GatewayClass names handled by the AWS Gateway API Controller, besides the ones the workspace shows. */
  gatewayClasses: readonly string[];
  /** The "Listeners per service" quota (default 2). */
  listenersPerService: number;
  /** The "Rules per listener" quota (default 5). */
  rulesPerListener: number;
}

export const DEFAULT_LATTICE_SETTINGS: LatticeSettings = {
  gatewayClasses: [],
  listenersPerService: 2,
  rulesPerListener: 5,
};

export const DEFAULT_SETTINGS: EngineSettings = {
  rules: {},
  target: 'eks',
  clusterIpFamily: 'ipv4',
  maxFileSizeMB: 10,
  workspaceChecks: true,
  lattice: DEFAULT_LATTICE_SETTINGS,
};

export function withDefaults(partial: Partial<EngineSettings> | undefined): EngineSettings {
  return {
    rules: { ...(partial?.rules ?? {}) },
    target: partial?.target === 'generic' ? 'generic' : 'eks',
    clusterIpFamily: partial?.clusterIpFamily === 'ipv6' ? 'ipv6' : 'ipv4',
    maxFileSizeMB:
      typeof partial?.maxFileSizeMB === 'number' && partial.maxFileSizeMB > 0
        ? partial.maxFileSizeMB
        : DEFAULT_SETTINGS.maxFileSizeMB,
    workspaceChecks: partial?.workspaceChecks !== false,
    lattice: { ...DEFAULT_LATTICE_SETTINGS, ...(partial?.lattice ?? {}) },
  };
}
