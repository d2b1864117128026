// Doctor checks of the aws-node settings: who manages it, IP family, prefix delegation, security
// groups for pods and custom networking. Each is a small function of the facts.

import { isOn, parseBool, parseCount } from '../cni/awsNode';
import { setEnvCommandArgs } from '../cni/enable';
import { atLeast } from '../cni/version';
import { isClusterError } from '../errors';
import { nodeZone } from '../nodes';
import type { CheckResult, DoctorCheckDefinition, DoctorFacts } from './types';

/** The kubectl command that sets (NAME=VALUE) or removes (NAME-) env entries of aws-node, on the target. */
export function setEnvFix(facts: DoctorFacts, assignments: string[]): string {
  return facts.kubectl.commandLine(setEnvCommandArgs(assignments));
}

/** A failed result when the CNI is older than a feature needs; nothing when it is new enough or unknown. */
export function versionGate(title: string, version: string | undefined, minimum: string): CheckResult[] {
  if (atLeast(version, minimum) !== false) return [];
  return [
    {
      title: `${title}: CNI version`,
      status: 'fail',
      detail: `${title} needs VPC CNI ${minimum} or later; this cluster runs ${version}.`,
      fix: 'Upgrade the VPC CNI (EKS add-on or manifest).',
    },
  ];
}

/** Errors other than cancellation become a skipped check; cancellation ends the doctor. */
export function skipped(title: string, error: unknown): CheckResult[] {
  if (isClusterError(error, 'cancelled')) throw error;
  return [{ title, status: 'skip', detail: (error as Error).message }];
}

export const ownerCheck: DoctorCheckDefinition = {
  id: 'owner',
  run: ({ status: { owner } }) => [
    {
      title: 'Who manages aws-node',
      status: 'info',
      detail:
        owner.kind === 'eks-addon'
          ? `EKS managed add-on (${owner.evidence}); change settings with "aws eks update-addon --configuration-values", not kubectl.`
          : owner.kind === 'helm'
            ? `Helm (${owner.evidence}); keep settings in your Helm values.`
            : 'Self-managed (no EKS add-on or Helm ownership found).',
    },
  ],
};

export const ipFamilyCheck: DoctorCheckDefinition = {
  id: 'ip-family',
  run: (facts) => {
    const env = facts.status.env;
    const ipv4 = parseBool(env.get('ENABLE_IPv4')) ?? true;
    const ipv6 = isOn(env, 'ENABLE_IPv6');
    const results: CheckResult[] =
      ipv4 === ipv6
        ? [
            {
              title: 'IP family',
              status: 'fail',
              detail: `ENABLE_IPv4=${ipv4} and ENABLE_IPv6=${ipv6}: exactly one must be true or the CNI does not start.`,
              fix: setEnvFix(facts, ['ENABLE_IPv4=true', 'ENABLE_IPv6=false']),
            },
          ]
        : [{ title: 'IP family', status: 'pass', detail: ipv6 ? 'IPv6' : 'IPv4' }];
    if (ipv6 && !isOn(env, 'ENABLE_PREFIX_DELEGATION')) {
      results.push({
        title: 'IPv6 needs prefix delegation',
        status: 'fail',
        detail: 'ENABLE_IPv6=true requires ENABLE_PREFIX_DELEGATION=true.',
        fix: setEnvFix(facts, ['ENABLE_PREFIX_DELEGATION=true']),
      });
    }
    return results;
  },
};

export const prefixDelegationCheck: DoctorCheckDefinition = {
  id: 'prefix-delegation',
  run: (facts) => {
    const env = facts.status.env;
    if (!isOn(env, 'ENABLE_PREFIX_DELEGATION'))
      return [{ title: 'Prefix delegation', status: 'info', detail: 'off' }];
    const names = ['WARM_PREFIX_TARGET', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET'];
    const noTarget = names.every((name) => (parseCount(env.get(name)) ?? 0) <= 0);
    const target: CheckResult = noTarget
      ? {
          title: 'Prefix delegation warm target',
          status: 'fail',
          detail:
            'Prefix delegation is on but WARM_PREFIX_TARGET, WARM_IP_TARGET and MINIMUM_IP_TARGET are all unset or 0: aws-node fails to start.',
          fix: setEnvFix(facts, ['WARM_PREFIX_TARGET=1']),
        }
      : {
          title: 'Prefix delegation warm target',
          status: 'pass',
          detail: names.map((name) => `${name}=${env.get(name) ?? '(unset)'}`).join(', '),
        };
    return [target, ...versionGate('Prefix delegation', facts.status.version, 'v1.9.0')];
  },
};

export const securityGroupsForPodsCheck: DoctorCheckDefinition = {
  id: 'security-groups-for-pods',
  run: async (facts) => {
    const env = facts.status.env;
    if (!isOn(env, 'ENABLE_POD_ENI'))
      return [{ title: 'Security groups for pods', status: 'info', detail: 'off' }];
    const results = versionGate('Security groups for pods', facts.status.version, 'v1.7.7');
    const mode = env.get('POD_SECURITY_GROUP_ENFORCING_MODE');
    if (mode !== undefined && mode !== 'strict' && mode !== 'standard') {
      results.push({
        title: 'POD_SECURITY_GROUP_ENFORCING_MODE',
        status: 'fail',
        detail: `"${mode}" is not "strict" or "standard": aws-node fails to start.`,
        fix: setEnvFix(facts, ['POD_SECURITY_GROUP_ENFORCING_MODE=strict']),
      });
    }
    const title = 'Trunk ENI on every node';
    try {
      const withTrunk = new Set(
        (await facts.cniNodes())
          .filter((node) => (node.spec?.features ?? []).some((f) => f.name === 'SecurityGroupsForPods'))
          .map((node) => node.metadata.name),
      );
      const missing = (await facts.nodes())
        .map((n) => n.metadata.name)
        .filter((name) => !withTrunk.has(name));
      results.push(
        missing.length === 0
          ? {
              title,
              status: 'pass',
              detail: `${withTrunk.size} node(s) have the SecurityGroupsForPods feature.`,
            }
          : {
              title,
              status: 'warn',
              detail: `No SecurityGroupsForPods feature on ${missing.join(', ')} yet: pods with security groups cannot run there (non-Nitro or t-family instance, missing AmazonEKSVPCResourceController policy, or the node is new).`,
              fix: facts.kubectl.commandLine(['get', 'cninodes.vpcresources.k8s.aws']),
            },
      );
    } catch (error) {
      results.push(...skipped(title, error));
    }
    return results;
  },
};

export const customNetworkingCheck: DoctorCheckDefinition = {
  id: 'custom-networking',
  run: async (facts) => {
    const env = facts.status.env;
    if (!isOn(env, 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG'))
      return [{ title: 'Custom networking', status: 'info', detail: 'off' }];
    const results: CheckResult[] = [];
    if (isOn(env, 'ENABLE_IPv6'))
      results.push({
        title: 'Custom networking with IPv6',
        status: 'fail',
        detail: 'Custom networking is not supported in IPv6 mode: the CNI refuses to start.',
        fix: setEnvFix(facts, ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=false']),
      });
    const labelKey = env.get('ENI_CONFIG_LABEL_DEF');
    const title = 'ENIConfig for every node';
    try {
      const names = await facts.eniConfigNames();
      const unmatched = (await facts.nodes()).filter((node) => {
        const wanted =
          node.metadata.annotations?.['k8s.amazonaws.com/eniConfig'] ??
          node.metadata.labels?.[labelKey ?? 'k8s.amazonaws.com/eniConfig'] ??
          'default';
        return !names.includes(wanted);
      });
      results.push(
        unmatched.length === 0
          ? { title, status: 'pass', detail: `ENIConfigs: ${names.join(', ') || '(none)'}` }
          : {
              title,
              status: 'fail',
              detail: `No matching ENIConfig for ${unmatched.map((n) => `${n.metadata.name} (zone ${nodeZone(n) ?? '?'})`).join(', ')}: pods there get no IP address.`,
              fix:
                labelKey === 'topology.kubernetes.io/zone'
                  ? 'Create an ENIConfig named after each missing zone (kubectl apply -f eniconfig.yaml).'
                  : setEnvFix(facts, ['ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone']),
            },
      );
    } catch (error) {
      results.push(...skipped(title, error));
    }
    return results;
  },
};
