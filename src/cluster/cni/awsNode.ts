// The aws-node DaemonSet and the amazon-vpc-cni ConfigMap, read through kubectl and turned into a
// CNI status: version, every networking setting that matters, network policy state, add-on ownership.

import { ClusterError, isClusterError } from '../errors';
import type { Kubectl, TargetedKubectl } from '../kubectl';
import type { ClusterTarget } from '../target';
import { detectOwner, type Owner } from './addon';
import { versionFromImage } from './version';

export const NAMESPACE = 'kube-system';
export const DAEMONSET = 'aws-node';
export const CONTAINER = 'aws-node';
export const AGENT_CONTAINER = 'aws-eks-nodeagent';
export const CONFIGMAP = 'amazon-vpc-cni';

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

export interface Container {
  name: string;
  image?: string;
  env?: EnvVar[];
  args?: string[];
}

export interface DaemonSet {
  metadata: {
    name: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    managedFields?: Array<{ manager?: string; operation?: string }>;
  };
  spec: { template: { spec: { containers: Container[]; initContainers?: Container[] } } };
}

export interface ConfigMap {
  data?: Record<string, string>;
}

export interface SettingValue {
  name: string;
  /** Raw value on the aws-node container; undefined when not set. */
  value: string | undefined;
  /** The value the CNI acts on (its default when not set or unparsable). */
  effective: string;
  meaning: string;
}

export interface NetworkPolicyState {
  configMapValue: string | undefined;
  agentPresent: boolean;
  agentFlag: string | undefined;
  /** On only when both switches say exactly "true". */
  enforced: boolean;
  /** Set when one switch is on and the other off. */
  inconsistent: boolean;
  mode: string | undefined;
}

export interface CniStatus {
  context: string;
  /** Where it was read (absent when built from objects read elsewhere). */
  target?: ClusterTarget;
  image: string | undefined;
  version: string | undefined;
  settings: SettingValue[];
  env: Map<string, string | undefined>;
  networkPolicy: NetworkPolicyState;
  owner: Owner;
  daemonSet: DaemonSet;
}

/** The settings shown by Show CNI Status, with their defaults and what they mean. */
const SETTINGS: Array<{ name: string; fallback: string; kind: 'bool' | 'int' | 'string'; meaning: string }> =
  [
    {
      name: 'ENABLE_POD_ENI',
      fallback: 'false',
      kind: 'bool',
      meaning: 'security groups for pods (trunk ENI per node)',
    },
    {
      name: 'POD_SECURITY_GROUP_ENFORCING_MODE',
      fallback: 'strict',
      kind: 'string',
      meaning: 'how pod security groups are enforced (strict or standard)',
    },
    {
      name: 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG',
      fallback: 'false',
      kind: 'bool',
      meaning: "custom networking: pod ENIs use the subnet of the node's ENIConfig",
    },
    {
      name: 'ENI_CONFIG_LABEL_DEF',
      fallback: 'k8s.amazonaws.com/eniConfig',
      kind: 'string',
      meaning: 'node label that names the ENIConfig',
    },
    {
      name: 'ENI_CONFIG_ANNOTATION_DEF',
      fallback: 'k8s.amazonaws.com/eniConfig',
      kind: 'string',
      meaning: 'node annotation that names the ENIConfig',
    },
    {
      name: 'ENABLE_PREFIX_DELEGATION',
      fallback: 'false',
      kind: 'bool',
      meaning: 'assign /28 prefixes instead of single IPs',
    },
    { name: 'WARM_PREFIX_TARGET', fallback: '0', kind: 'int', meaning: 'free prefixes kept per node' },
    { name: 'WARM_IP_TARGET', fallback: '0', kind: 'int', meaning: 'free IPs kept per node (0 = unset)' },
    {
      name: 'MINIMUM_IP_TARGET',
      fallback: '0',
      kind: 'int',
      meaning: 'IPs allocated per node at least (0 = unset)',
    },
    { name: 'WARM_ENI_TARGET', fallback: '1', kind: 'int', meaning: 'free ENIs kept per node' },
    {
      name: 'AWS_VPC_K8S_CNI_EXTERNALSNAT',
      fallback: 'false',
      kind: 'bool',
      meaning: 'no SNAT for traffic leaving the VPC',
    },
    { name: 'ENABLE_IPv4', fallback: 'true', kind: 'bool', meaning: 'IPv4 pod addresses' },
    { name: 'ENABLE_IPv6', fallback: 'false', kind: 'bool', meaning: 'IPv6 pod addresses' },
    {
      name: 'NETWORK_POLICY_ENFORCING_MODE',
      fallback: 'standard',
      kind: 'string',
      meaning: 'default-allow (standard) or default-deny (strict) for new pods',
    },
  ];

const TRUE_WORDS = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE_WORDS = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Go strconv.ParseBool, which the CNI uses; undefined when the text is not a boolean. */
export function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  return undefined;
}

/** Integer as the CNI reads it; undefined when unset, not an integer or negative. */
export function parseCount(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export function isOn(env: Map<string, string | undefined>, name: string): boolean {
  return parseBool(env.get(name)) === true;
}

export function awsNodeContainer(daemonSet: DaemonSet): Container {
  const container = daemonSet.spec.template.spec.containers.find((c) => c.name === CONTAINER);
  if (!container)
    throw new ClusterError(
      'no-aws-node',
      `The aws-node DaemonSet has no "${CONTAINER}" container; it is not the Amazon VPC CNI.`,
    );
  return container;
}

export function envMap(container: Container): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  for (const entry of container.env ?? [])
    env.set(entry.name, entry.value ?? (entry.valueFrom ? '(from a reference)' : ''));
  return env;
}

/** managedFields are kept (kubectl hides them by default): they tell whether the EKS add-on owns aws-node. */
export async function readAwsNode(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<DaemonSet> {
  try {
    return await kubectl.getJson<DaemonSet>(
      ['get', '--namespace', NAMESPACE, '--show-managed-fields', '--', 'daemonset', DAEMONSET],
      {
        signal,
      },
    );
  } catch (error) {
    if (isClusterError(error, 'not-found')) {
      throw new ClusterError(
        'no-aws-node',
        'There is no aws-node DaemonSet in kube-system, so this cluster does not run the Amazon VPC CNI (not an EKS cluster, or another CNI); the VPC CNI commands do not apply.',
      );
    }
    throw error;
  }
}

export async function readConfigMap(
  kubectl: TargetedKubectl,
  signal?: AbortSignal,
): Promise<ConfigMap | undefined> {
  try {
    return await kubectl.getJson<ConfigMap>(['get', '--namespace', NAMESPACE, '--', 'configmap', CONFIGMAP], {
      signal,
    });
  } catch (error) {
    if (isClusterError(error, 'not-found')) return undefined;
    throw error;
  }
}

export async function readCniStatus(kubectl: Kubectl, signal?: AbortSignal): Promise<CniStatus> {
  const target = await kubectl.resolveTarget(signal);
  const onTarget = kubectl.at(target);
  const daemonSet = await readAwsNode(onTarget, signal);
  const configMap = await readConfigMap(onTarget, signal);
  return { ...cniStatusFrom(target.context, daemonSet, configMap), target };
}

export function cniStatusFrom(
  context: string,
  daemonSet: DaemonSet,
  configMap: ConfigMap | undefined,
): CniStatus {
  const container = awsNodeContainer(daemonSet);
  const env = envMap(container);
  const settings = SETTINGS.map(({ name, fallback, kind, meaning }) => {
    const value = env.get(name);
    let effective = value ?? fallback;
    if (kind === 'bool' && value !== undefined) effective = String(parseBool(value) ?? parseBool(fallback));
    if (kind === 'int' && value !== undefined) effective = String(parseCount(value) ?? fallback);
    return { name, value, effective, meaning };
  });
  return {
    context,
    image: container.image,
    version: versionFromImage(container.image),
    settings,
    env,
    networkPolicy: networkPolicyState(daemonSet, configMap, env),
    owner: detectOwner(daemonSet),
    daemonSet,
  };
}

function networkPolicyState(
  daemonSet: DaemonSet,
  configMap: ConfigMap | undefined,
  env: Map<string, string | undefined>,
): NetworkPolicyState {
  const agent = daemonSet.spec.template.spec.containers.find((c) => c.name === AGENT_CONTAINER);
  const flag = agent?.args
    ?.map((arg) => /^--enable-network-policy=(.*)$/.exec(arg)?.[1])
    .find((value) => value !== undefined);
  const configMapValue = configMap?.data?.['enable-network-policy-controller'];
  // The controller compares the ConfigMap value with "true" exactly; the agent flag is a Go bool.
  const controllerOn = configMapValue === 'true';
  const agentOn = parseBool(flag) === true;
  return {
    configMapValue,
    agentPresent: agent !== undefined,
    agentFlag: flag,
    enforced: controllerOn && agentOn,
    inconsistent: controllerOn !== agentOn,
    mode: env.get('NETWORK_POLICY_ENFORCING_MODE'),
  };
}
