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
  const redactor = new Redactor();
  redactor.addKubeconfigSecrets(settings.kubeconfig, settings.env ?? process.env);
  return { kubectl: new Kubectl(settings, log, redactor), aws: new Aws(settings, log, redactor), redactor };
}

export { Aws } from './aws';
export { Kubectl, type ContextInfo } from './kubectl';
export { ClusterError, isClusterError, type ClusterErrorCode } from './errors';
export { Redactor } from './redact';
export { SILENT_LOG, quoteCommand, type ClusterLog } from './process';
export {
  CLI_HINTS,
  VSCODE_HINTS,
  DEFAULT_TIMEOUT_SECONDS,
  defaultSettings,
  type ClusterSettings,
  type SettingHints,
} from './settings';
export { readCniStatus, type CniStatus } from './cni/awsNode';
export { planEnable, applyPlan, type ChangePlan, type ApplyOutcome, type EnvChange } from './cni/enable';
export { FEATURES, featureById, type FeatureId, type Feature } from './cni/features';
export { listCniNodes, cniNodeRows, type CniNodeRow } from './nodes';
export { readNodePrefixes, type PrefixReport } from './prefixes';
export { runDoctor, type DoctorReport, type DoctorCheck } from './doctor';
export { readLatticeStatus, type LatticeStatus } from './lattice/status';
export {
  dryRunManifest,
  diffManifest,
  liveAndMerged,
  applyManifest,
  ensureManifestText,
  type ManifestProblem,
} from './manifests';
export {
  renderStatus,
  renderPlan,
  renderOutcome,
  renderCniNodes,
  renderPrefixes,
  renderDoctor,
  type Style,
} from './render';
