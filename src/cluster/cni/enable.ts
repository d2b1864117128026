// Switching a VPC CNI feature on, part one: the plan (target context and server, exact command, each
// setting before → after, warnings), which the caller shows and confirms. applyPlan.ts makes it.

import { ClusterError, isClusterError } from '../errors';
import { eksClusterFrom } from '../eksCluster';
import type { Kubectl, TargetedKubectl } from '../kubectl';
import type { ClusterTarget } from '../target';
import { checkEnvEntry, printable } from '../validate';
import { addonConfigurationValues, updateAddonCommand, type Owner } from './addon';
import { CONTAINER, DAEMONSET, NAMESPACE, cniStatusFrom, isOn, parseCount, readAwsNode } from './awsNode';
import { FEATURES, type Feature, type FeatureId } from './features';
import { listEniConfigNames, listNodes, nodeZone } from '../nodes';
import { atLeast } from './version';

export interface EnvChange {
  name: string;
  before: string | undefined;
  after: string;
}

export interface ChangePlan {
  feature: Feature;
  /** Where the plan was read, and the only place applyPlan sends the change. */
  target: ClusterTarget;
  version: string | undefined;
  /** Only the entries whose value changes; empty when the feature is already on. */
  changes: EnvChange[];
  /** kubectl arguments (without the executable) that make the change. */
  args: string[];
  /** The whole command (kubectl, the target's flags, args), for display. */
  commandArgv: string[];
  /** The same command as a person would type it. */
  commandLine: string;
  warnings: string[];
  caveats: string[];
  owner: Owner;
  /** The EKS add-on way to make the same change, when aws-node belongs to the add-on. */
  addon?: { configurationValues: string; command: string };
}

export async function planEnable(
  runner: Kubectl,
  featureId: FeatureId,
  signal?: AbortSignal,
): Promise<ChangePlan> {
  const feature = FEATURES[featureId];
  const target = await runner.resolveTarget(signal);
  const kubectl = runner.at(target);
  const daemonSet = await readAwsNode(kubectl, signal);
  const status = cniStatusFrom(target.context, daemonSet, undefined);
  const env = status.env;
  const warnings: string[] = [];

  const supported = atLeast(status.version, feature.minVersion);
  if (supported === false) {
    throw new ClusterError(
      'cni-too-old',
      `The VPC CNI on context "${printable(target.context)}" is ${status.version}, too old for ${feature.title.toLowerCase()}, which needs ${feature.minVersion} or later; upgrade the VPC CNI first.`,
    );
  }
  if (supported === undefined) {
    warnings.push(
      `Cannot read the VPC CNI version from image "${status.image ?? ''}"; make sure it is ${feature.minVersion} or later.`,
    );
  }

  const desired: Record<string, string> = { ...feature.env };
  if (featureId === 'prefix-delegation') {
    const targets = ['WARM_PREFIX_TARGET', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET'].map(
      (name) => parseCount(env.get(name)) ?? 0,
    );
    // The CNI refuses to start with prefix delegation on and no warm or minimum target.
    if (targets.every((target) => target <= 0)) desired.WARM_PREFIX_TARGET = '1';
  }
  if (featureId === 'custom-networking') {
    if (isOn(env, 'ENABLE_IPv6')) {
      throw new ClusterError(
        'incompatible',
        `Custom networking is not supported with IPv6 (ENABLE_IPv6=true on aws-node); the CNI would refuse to start, so nothing was changed.`,
      );
    }
    warnings.push(...(await missingEniConfigWarnings(kubectl, signal)));
  }
  if (featureId === 'pod-eni') {
    const mode = env.get('POD_SECURITY_GROUP_ENFORCING_MODE');
    if (mode !== undefined && mode !== 'strict' && mode !== 'standard') {
      warnings.push(
        `POD_SECURITY_GROUP_ENFORCING_MODE is "${mode}"; aws-node fails to start unless it is "strict" or "standard".`,
      );
    }
    warnings.push(...(await burstableNodeWarnings(kubectl, signal)));
  }

  const changes: EnvChange[] = Object.entries(desired)
    .filter(([name, value]) => env.get(name) !== value)
    .map(([name, value]) => ({ name, before: env.get(name), after: value }));
  const args = setEnvArgs(changes);
  const owner = status.owner;
  let addon: ChangePlan['addon'];
  if (owner.kind === 'eks-addon') {
    let clusterName = 'CLUSTER_NAME';
    try {
      clusterName = eksClusterFrom(kubectl.settings, target).name;
    } catch {
      // keep the placeholder; the user fills it in
    }
    addon = {
      configurationValues: addonConfigurationValues({ env: desired }),
      command: updateAddonCommand(clusterName, { env: desired }),
    };
    warnings.push(
      'aws-node is managed by the EKS vpc-cni add-on: a kubectl change can be overwritten by the next add-on update; prefer the add-on configuration (merge it with your current configuration values).',
    );
  } else if (owner.kind === 'helm') {
    warnings.push(
      'aws-node was installed with Helm: the next "helm upgrade" resets this change unless you also set it in your values (env).',
    );
  }
  return {
    feature,
    target,
    version: status.version,
    changes,
    args,
    commandArgv: kubectl.commandArgv(args),
    commandLine: kubectl.commandLine(args),
    warnings,
    caveats: feature.caveats,
    owner,
    addon,
  };
}

function setEnvArgs(changes: EnvChange[]): string[] {
  for (const change of changes) checkEnvEntry(change.name, change.after);
  return setEnvCommandArgs(changes.map((change) => `${change.name}=${change.after}`));
}

/** `kubectl set env` on the aws-node container only; `NAME=VALUE` sets, `NAME-` removes. */
export function setEnvCommandArgs(assignments: string[]): string[] {
  return [
    'set',
    'env',
    '--namespace',
    NAMESPACE,
    '--containers',
    CONTAINER,
    '--',
    `daemonset/${DAEMONSET}`,
    ...assignments,
  ];
}

async function missingEniConfigWarnings(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<string[]> {
  const nodes = await listNodes(kubectl, signal);
  let eniConfigs: string[];
  try {
    eniConfigs = await listEniConfigNames(kubectl, signal);
  } catch (error) {
    if (!isClusterError(error, 'missing-resource-type')) throw error;
    eniConfigs = [];
  }
  const warnings: string[] = [];
  const zones = new Map<string, string[]>();
  for (const node of nodes) {
    const zone = nodeZone(node);
    if (!zone) continue;
    zones.set(zone, [...(zones.get(zone) ?? []), node.metadata.name]);
  }
  for (const [zone, names] of [...zones].sort(([a], [b]) => a.localeCompare(b))) {
    if (!eniConfigs.includes(zone)) {
      warnings.push(
        `No ENIConfig named "${zone}": pods on ${names.length === 1 ? 'node' : 'nodes'} ${names.join(', ')} would get no IP address; create an ENIConfig "${zone}" with a subnet in that zone first.`,
      );
    }
  }
  return warnings;
}

async function burstableNodeWarnings(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<string[]> {
  const nodes = await listNodes(kubectl, signal);
  const burstable = nodes.filter((node) =>
    /^t\d/.test(node.metadata.labels?.['node.kubernetes.io/instance-type'] ?? ''),
  );
  if (burstable.length === 0) return [];
  return [
    `Nodes ${burstable.map((node) => node.metadata.name).join(', ')} are t-family instances, which cannot attach a trunk ENI; pods with security groups will not schedule there.`,
  ];
}
