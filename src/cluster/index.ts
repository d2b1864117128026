// The cluster actions shared by the VS Code commands and the `eksnet` CLI: kubectl and aws runners,
// CNI status, feature switches with plans, CNINodes, node prefixes, the doctor and manifest dry-runs.

import { Aws } from './aws';
import { Kubectl } from './kubectl';
import type { ClusterLog } from './process';
import { Redactor } from './redact';
import type { ClusterSettings } from './settings';

export interface ClusterTools {
  kubectl: Kubectl;
  aws: Aws;
  redactor: Redactor;
}

/** One kubectl and one aws runner sharing the settings, the log and the secret list. */
export function createClusterTools(settings: ClusterSettings, log: ClusterLog): ClusterTools {
  const redactor = Redactor.forSettings(settings);
  return { kubectl: new Kubectl(settings, log, redactor), aws: new Aws(settings, log, redactor), redactor };
}

export { Aws } from './aws';
export { Kubectl, TargetedKubectl } from './kubectl';
export { currentContextIn, kubeconfigFiles, type ClusterTarget } from './target';
export { ClusterError, isClusterError, type ClusterErrorCode } from './errors';
export { Redactor, REDACTED } from './redact';
export { SILENT_LOG, quoteCommand, wrapCommand, type ClusterLog } from './process';
export {
  CLI_HINTS,
  VSCODE_HINTS,
  DEFAULT_TIMEOUT_SECONDS,
  defaultSettings,
  type ClusterSettings,
  type SettingHints,
} from './settings';
export { readCniStatus, type CniStatus } from './cni/awsNode';
export { planEnable, type ChangePlan, type EnvChange } from './cni/enable';
export { applyPlan, type ApplyOutcome } from './cni/applyPlan';
export { FEATURES, featureById, type FeatureId, type Feature } from './cni/features';
export { listCniNodes, cniNodeRows, readCniNodes, type CniNodeRow } from './nodes';
export { readNodePrefixes, type PrefixReport } from './prefixes';
export {
  CHECKS,
  runDoctor,
  type DoctorReport,
  type DoctorCheck,
  type DoctorFacts,
  type DoctorOptions,
} from './doctor';
export { countNetworkPolicies, countNetworkPoliciesIn, SCAN_LIMITS } from './manifestScan';
export { readLatticeStatus, type LatticeStatus } from './lattice/status';
export {
  dryRunManifest,
  diffManifest,
  liveAndMerged,
  applyManifest,
  ensureManifestText,
  type ApplyResult,
  type ManifestProblem,
} from './manifests';
export {
  renderStatus,
  renderPlan,
  planTitle,
  renderOutcome,
  renderCniNodes,
  renderPrefixes,
  renderDoctor,
  type Style,
} from './render';
