// Doctor checks of network policy enforcement (and what conflicts with it) and of the prefixes EC2
// assigned to the nodes.

import { updateAddonCommand } from '../cni/addon';
import { isOn, NAMESPACE, CONFIGMAP } from '../cni/awsNode';
import { eksClusterFrom } from '../eksCluster';
import { setEnvFix, skipped, versionGate } from './cniChecks';
import type { CheckResult, DoctorCheckDefinition, DoctorFacts } from './types';

/** The command that turns enforcement on, for whoever manages aws-node. */
export function enableNetworkPolicyFix(facts: DoctorFacts): string {
  const owner = facts.status.owner.kind;
  if (owner === 'helm')
    return 'helm upgrade aws-vpc-cni eks/aws-vpc-cni --namespace kube-system --reuse-values --set enableNetworkPolicy=true';
  if (owner === 'self-managed') {
    return `${facts.kubectl.commandLine([
      'patch',
      'configmap',
      CONFIGMAP,
      '--namespace',
      NAMESPACE,
      '--type=merge',
      '--patch={"data":{"enable-network-policy-controller":"true"}}',
    ])} (and --enable-network-policy=true on the aws-eks-nodeagent container)`;
  }
  let cluster: { name: string; region?: string } = { name: 'CLUSTER_NAME' };
  try {
    cluster = eksClusterFrom(facts.kubectl.settings, facts.kubectl.target);
  } catch {
    // keep the placeholder; the user fills it in
  }
  return updateAddonCommand(cluster.name, { enableNetworkPolicy: 'true' }, cluster.region);
}

export const networkPolicyCheck: DoctorCheckDefinition = {
  id: 'network-policy',
  run: (facts) => {
    const policy = facts.status.networkPolicy;
    const title = 'Network policy enforcement';
    if (policy.inconsistent) {
      return [
        {
          title,
          status: 'fail',
          detail: `Half on: ConfigMap enable-network-policy-controller="${policy.configMapValue ?? '(unset)'}" but the node agent has --enable-network-policy=${policy.agentFlag ?? '(unset)'}; NetworkPolicies are not enforced.`,
          fix: enableNetworkPolicyFix(facts),
        },
      ];
    }
    if (policy.enforced) {
      const results: CheckResult[] = [
        { title, status: 'pass', detail: `on (mode ${policy.mode ?? 'standard'})` },
        ...versionGate('Network policy', facts.status.version, 'v1.14.0'),
      ];
      if (isOn(facts.status.env, 'ENABLE_BANDWIDTH_PLUGIN')) {
        results.push({
          title: 'Bandwidth plugin',
          status: 'fail',
          detail: 'ENABLE_BANDWIDTH_PLUGIN=true conflicts with VPC CNI network policy (both use TC).',
          fix: setEnvFix(facts, ['ENABLE_BANDWIDTH_PLUGIN=false']),
        });
      }
      return results;
    }
    const count = facts.workspaceNetworkPolicies ?? 0;
    if (count > 0) {
      return [
        {
          title,
          status: 'warn',
          detail: `off, but ${count === 1 ? 'a NetworkPolicy is' : `${count} NetworkPolicies are`} in your manifests: the cluster stores them and enforces none of them (every pod still accepts all traffic).`,
          fix: enableNetworkPolicyFix(facts),
        },
      ];
    }
    return [
      {
        title,
        status: 'info',
        detail: 'off: NetworkPolicy objects are stored but not enforced by the VPC CNI.',
        fix: enableNetworkPolicyFix(facts),
      },
    ];
  },
};

export const unusedNetworkPolicyEnvCheck: DoctorCheckDefinition = {
  id: 'enable-network-policy-env',
  run: (facts) =>
    facts.status.env.has('ENABLE_NETWORK_POLICY')
      ? [
          {
            title: 'ENABLE_NETWORK_POLICY',
            status: 'warn',
            detail:
              'aws-node has ENABLE_NETWORK_POLICY, which the VPC CNI does not read; enforcement is the ConfigMap key plus the node agent flag.',
            fix: setEnvFix(facts, ['ENABLE_NETWORK_POLICY-']),
          },
        ]
      : [],
};

export const nodePrefixesCheck: DoctorCheckDefinition = {
  id: 'node-prefixes',
  run: async (facts) => {
    if (!isOn(facts.status.env, 'ENABLE_PREFIX_DELEGATION') || !facts.nodePrefixes) return [];
    const title = 'Prefixes on nodes';
    try {
      const report = await facts.nodePrefixes();
      const empty = report.nodes.filter((node) => node.ipv4Prefixes.length + node.ipv6Prefixes.length === 0);
      return [
        empty.length === 0
          ? {
              title,
              status: 'pass',
              detail: `${report.nodes.length} node(s) in ${report.cluster.name} have prefixes.`,
            }
          : {
              title,
              status: 'warn',
              detail: `No prefixes on ${empty.map((n) => n.privateDnsName || n.instanceId).join(', ')} (non-Nitro instance, or the node predates the change).`,
              fix: 'Replace (recycle) those nodes after checking they are Nitro instances.',
            },
      ];
    } catch (error) {
      return skipped(title, error);
    }
  },
};
