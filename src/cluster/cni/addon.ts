// Who owns aws-node. When the EKS managed add-on does (its server-side-apply field manager is "eks"),
// `kubectl set env` changes can be overwritten by the next add-on update, so we offer the add-on way.

import { quoteCommand } from '../process';
import type { DaemonSet } from './awsNode';

export type Owner =
  | { kind: 'eks-addon'; evidence: string }
  | { kind: 'helm'; evidence: string }
  | { kind: 'self-managed'; evidence: string };

export function detectOwner(daemonSet: DaemonSet): Owner {
  const managers = (daemonSet.metadata.managedFields ?? []).map((entry) => entry.manager);
  if (managers.includes('eks')) {
    return {
      kind: 'eks-addon',
      evidence: 'metadata.managedFields has an entry from field manager "eks" (the EKS add-on manager)',
    };
  }
  const labels = daemonSet.metadata.labels ?? {};
  if (labels['app.kubernetes.io/managed-by'] === 'Helm') {
    return { kind: 'helm', evidence: 'label app.kubernetes.io/managed-by=Helm' };
  }
  return { kind: 'self-managed', evidence: 'no EKS add-on or Helm ownership found on aws-node' };
}

/** The add-on's configuration values: `{ env: {...} }` for aws-node env entries, or other keys. */
export type AddonConfiguration = { env: Record<string, string> } | Record<string, unknown>;

/** The `--configuration-values` JSON for the EKS add-on. */
export function addonConfigurationValues(configuration: AddonConfiguration): string {
  return JSON.stringify(configuration);
}

export function updateAddonCommand(
  clusterName: string,
  configuration: AddonConfiguration,
  region?: string,
): string {
  return quoteCommand([
    'aws',
    'eks',
    'update-addon',
    '--cluster-name',
    clusterName,
    '--addon-name',
    'vpc-cni',
    '--configuration-values',
    addonConfigurationValues(configuration),
    ...(region ? ['--region', region] : []),
  ]);
}
