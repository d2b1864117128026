// Networking Doctor: every read-only check in one report. Each check says pass/fail, what is wrong and
// the command that fixes it. Checks that depend on an earlier failure are reported as skipped.

import type { Aws } from './aws';
import { isClusterError } from './errors';
import type { Kubectl, TargetedKubectl } from './kubectl';
import type { ClusterTarget } from './target';
import {
  isOn,
  parseBool,
  parseCount,
  readAwsNode,
  readConfigMap,
  cniStatusFrom,
  type CniStatus,
} from './cni/awsNode';
import { atLeast } from './cni/version';
import { setEnvCommandArgs } from './cni/enable';
import { listCniNodes, listEniConfigNames, listNodes, nodeZone, type Node } from './nodes';
import { readNodePrefixes } from './prefixes';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'skip';

export interface DoctorCheck {
  title: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  context?: string;
  checks: DoctorCheck[];
  /** True when no check failed. */
  healthy: boolean;
}

function setEnv(kubectl: TargetedKubectl, assignments: string[]): string {
  return kubectl.commandLine(setEnvCommandArgs(assignments));
}

export async function runDoctor(
  runner: Kubectl,
  aws: Aws | undefined,
  signal?: AbortSignal,
): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  const finish = (context?: string): DoctorReport => ({
    context,
    checks,
    healthy: !checks.some((c) => c.status === 'fail'),
  });
  const failed = (title: string, error: unknown, fix?: string) =>
    checks.push({ title, status: 'fail', detail: (error as Error).message, fix });

  let context: ClusterTarget;
  try {
    context = await runner.resolveTarget(signal);
    checks.push({
      title: 'kubectl and context',
      status: 'pass',
      detail: `context "${context.context}", cluster ${context.cluster}`,
    });
  } catch (error) {
    if (isClusterError(error, 'cancelled')) throw error;
    failed('kubectl and context', error);
    return finish();
  }

  const kubectl = runner.at(context);
  let status: CniStatus;
  try {
    const daemonSet = await readAwsNode(kubectl, signal);
    const configMap = await readConfigMap(kubectl, signal);
    status = cniStatusFrom(context.context, daemonSet, configMap);
    checks.push({
      title: 'Cluster reachable, aws-node present',
      status: 'pass',
      detail: `VPC CNI ${status.version ?? '(unknown version)'} (${status.image ?? 'no image'})`,
    });
  } catch (error) {
    if (isClusterError(error, 'cancelled')) throw error;
    failed('Cluster reachable, aws-node present', error);
    return finish(context.context);
  }
  const env = status.env;

  const owner = status.owner;
  checks.push({
    title: 'Who manages aws-node',
    status: 'info',
    detail:
      owner.kind === 'eks-addon'
        ? `EKS managed add-on (${owner.evidence}); change settings with "aws eks update-addon --configuration-values", not kubectl.`
        : owner.kind === 'helm'
          ? `Helm (${owner.evidence}); keep settings in your Helm values.`
          : 'Self-managed (no EKS add-on or Helm ownership found).',
  });

  // Address family
  const ipv4 = parseBool(env.get('ENABLE_IPv4')) ?? true;
  const ipv6 = isOn(env, 'ENABLE_IPv6');
  if (ipv4 === ipv6) {
    checks.push({
      title: 'IP family',
      status: 'fail',
      detail: `ENABLE_IPv4=${ipv4} and ENABLE_IPv6=${ipv6}: exactly one must be true or the CNI does not start.`,
      fix: setEnv(kubectl, ['ENABLE_IPv4=true', 'ENABLE_IPv6=false']),
    });
  } else {
    checks.push({ title: 'IP family', status: 'pass', detail: ipv6 ? 'IPv6' : 'IPv4' });
  }
  if (ipv6 && !isOn(env, 'ENABLE_PREFIX_DELEGATION')) {
    checks.push({
      title: 'IPv6 needs prefix delegation',
      status: 'fail',
      detail: 'ENABLE_IPv6=true requires ENABLE_PREFIX_DELEGATION=true.',
      fix: setEnv(kubectl, ['ENABLE_PREFIX_DELEGATION=true']),
    });
  }

  // Prefix delegation
  if (isOn(env, 'ENABLE_PREFIX_DELEGATION')) {
    const targets = ['WARM_PREFIX_TARGET', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET'].map(
      (name) => parseCount(env.get(name)) ?? 0,
    );
    if (targets.every((target) => target <= 0)) {
      checks.push({
        title: 'Prefix delegation warm target',
        status: 'fail',
        detail:
          'Prefix delegation is on but WARM_PREFIX_TARGET, WARM_IP_TARGET and MINIMUM_IP_TARGET are all unset or 0: aws-node fails to start.',
        fix: setEnv(kubectl, ['WARM_PREFIX_TARGET=1']),
      });
    } else {
      checks.push({
        title: 'Prefix delegation warm target',
        status: 'pass',
        detail: `WARM_PREFIX_TARGET=${env.get('WARM_PREFIX_TARGET') ?? '(unset)'}, WARM_IP_TARGET=${env.get('WARM_IP_TARGET') ?? '(unset)'}, MINIMUM_IP_TARGET=${env.get('MINIMUM_IP_TARGET') ?? '(unset)'}`,
      });
    }
    gate(checks, 'Prefix delegation', status.version, 'v1.9.0');
  } else {
    checks.push({ title: 'Prefix delegation', status: 'info', detail: 'off' });
  }

  // Security groups for pods
  let nodes: Node[] | undefined;
  const readNodes = async () => (nodes ??= await listNodes(kubectl, signal));
  if (isOn(env, 'ENABLE_POD_ENI')) {
    gate(checks, 'Security groups for pods', status.version, 'v1.7.7');
    const mode = env.get('POD_SECURITY_GROUP_ENFORCING_MODE');
    if (mode !== undefined && mode !== 'strict' && mode !== 'standard') {
      checks.push({
        title: 'POD_SECURITY_GROUP_ENFORCING_MODE',
        status: 'fail',
        detail: `"${mode}" is not "strict" or "standard": aws-node fails to start.`,
        fix: setEnv(kubectl, ['POD_SECURITY_GROUP_ENFORCING_MODE=strict']),
      });
    }
    try {
      const cniNodes = await listCniNodes(kubectl, signal);
      const withTrunk = new Set(
        cniNodes
          .filter((n) => (n.spec?.features ?? []).some((f) => f.name === 'SecurityGroupsForPods'))
          .map((n) => n.metadata.name),
      );
      const missing = (await readNodes()).map((n) => n.metadata.name).filter((name) => !withTrunk.has(name));
      checks.push(
        missing.length === 0
          ? {
              title: 'Trunk ENI on every node',
              status: 'pass',
              detail: `${withTrunk.size} node(s) have the SecurityGroupsForPods feature.`,
            }
          : {
              title: 'Trunk ENI on every node',
              status: 'warn',
              detail: `No SecurityGroupsForPods feature on ${missing.join(', ')} yet: pods with security groups cannot run there (non-Nitro or t-family instance, missing AmazonEKSVPCResourceController policy, or the node is new).`,
              fix: 'kubectl get cninode -A',
            },
      );
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error;
      checks.push({ title: 'Trunk ENI on every node', status: 'skip', detail: (error as Error).message });
    }
  } else {
    checks.push({ title: 'Security groups for pods', status: 'info', detail: 'off' });
  }

  // Custom networking
  if (isOn(env, 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG')) {
    if (ipv6)
      checks.push({
        title: 'Custom networking with IPv6',
        status: 'fail',
        detail: 'Custom networking is not supported in IPv6 mode: the CNI refuses to start.',
        fix: setEnv(kubectl, ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=false']),
      });
    const labelKey = env.get('ENI_CONFIG_LABEL_DEF');
    try {
      const names = await listEniConfigNames(kubectl, signal).catch((error: unknown) => {
        if (isClusterError(error, 'missing-resource-type')) return [] as string[];
        throw error;
      });
      const unmatched = (await readNodes()).filter((node) => {
        const wanted =
          node.metadata.annotations?.['k8s.amazonaws.com/eniConfig'] ??
          (labelKey
            ? node.metadata.labels?.[labelKey]
            : node.metadata.labels?.['k8s.amazonaws.com/eniConfig']) ??
          'default';
        return !names.includes(wanted);
      });
      checks.push(
        unmatched.length === 0
          ? {
              title: 'ENIConfig for every node',
              status: 'pass',
              detail: `ENIConfigs: ${names.join(', ') || '(none)'}`,
            }
          : {
              title: 'ENIConfig for every node',
              status: 'fail',
              detail: `No matching ENIConfig for ${unmatched.map((n) => `${n.metadata.name} (zone ${nodeZone(n) ?? '?'})`).join(', ')}: pods there get no IP address.`,
              fix:
                labelKey === 'topology.kubernetes.io/zone'
                  ? 'Create an ENIConfig named after each missing zone (kubectl apply -f eniconfig.yaml).'
                  : setEnv(kubectl, ['ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone']),
            },
      );
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error;
      checks.push({ title: 'ENIConfig for every node', status: 'skip', detail: (error as Error).message });
    }
  } else {
    checks.push({ title: 'Custom networking', status: 'info', detail: 'off' });
  }

  // Network policy
  const policy = status.networkPolicy;
  if (policy.inconsistent) {
    checks.push({
      title: 'Network policy enforcement',
      status: 'fail',
      detail: `Half on: ConfigMap enable-network-policy-controller="${policy.configMapValue ?? '(unset)'}" but the node agent has --enable-network-policy=${policy.agentFlag ?? '(unset)'}; NetworkPolicies are not enforced.`,
      fix: 'aws eks update-addon --cluster-name CLUSTER --addon-name vpc-cni --configuration-values \'{"enableNetworkPolicy":"true"}\'',
    });
  } else if (policy.enforced) {
    checks.push({
      title: 'Network policy enforcement',
      status: 'pass',
      detail: `on (mode ${policy.mode ?? 'standard'})`,
    });
    gate(checks, 'Network policy', status.version, 'v1.14.0');
    if (isOn(env, 'ENABLE_BANDWIDTH_PLUGIN')) {
      checks.push({
        title: 'Bandwidth plugin',
        status: 'fail',
        detail: 'ENABLE_BANDWIDTH_PLUGIN=true conflicts with VPC CNI network policy (both use TC).',
        fix: setEnv(kubectl, ['ENABLE_BANDWIDTH_PLUGIN=false']),
      });
    }
  } else {
    checks.push({
      title: 'Network policy enforcement',
      status: 'info',
      detail: 'off: NetworkPolicy objects are stored but not enforced by the VPC CNI.',
    });
  }
  if (env.has('ENABLE_NETWORK_POLICY')) {
    checks.push({
      title: 'ENABLE_NETWORK_POLICY',
      status: 'warn',
      detail:
        'aws-node has ENABLE_NETWORK_POLICY, which the VPC CNI does not read; enforcement is the ConfigMap key plus the node agent flag.',
      fix: setEnv(kubectl, ['ENABLE_NETWORK_POLICY-']),
    });
  }

  // Node prefixes (needs the aws CLI; skipped when it is not available)
  if (isOn(env, 'ENABLE_PREFIX_DELEGATION') && aws) {
    try {
      const report = await readNodePrefixes(aws, context, signal);
      const empty = report.nodes.filter((node) => node.ipv4Prefixes.length + node.ipv6Prefixes.length === 0);
      checks.push(
        empty.length === 0
          ? {
              title: 'Prefixes on nodes',
              status: 'pass',
              detail: `${report.nodes.length} node(s) in ${report.cluster.name} have prefixes.`,
            }
          : {
              title: 'Prefixes on nodes',
              status: 'warn',
              detail: `No prefixes on ${empty.map((n) => n.privateDnsName || n.instanceId).join(', ')} (non-Nitro instance, or the node predates the change).`,
            },
      );
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error;
      checks.push({ title: 'Prefixes on nodes', status: 'skip', detail: (error as Error).message });
    }
  }
  return finish(context.context);
}

function gate(checks: DoctorCheck[], title: string, version: string | undefined, minimum: string): void {
  const ok = atLeast(version, minimum);
  if (ok === false)
    checks.push({
      title: `${title}: CNI version`,
      status: 'fail',
      detail: `${title} needs VPC CNI ${minimum} or later; this cluster runs ${version}.`,
      fix: 'Upgrade the VPC CNI (EKS add-on or manifest).',
    });
}
