// "Explain" for the two AWS resources, from their models: which pods a SecurityGroupPolicy gives
// security groups to, and which subnet and security groups an ENIConfig gives pod network
// interfaces. As for NetworkPolicy, the notes are the lint findings, handed in.

import { readEniConfig } from '../../model/eniConfig';
import { readSecurityGroupPolicy } from '../../model/securityGroupPolicy';
import { joinWords } from '../../util/strings';
import { assemble, type ExplainNote, type Explanation } from './explanation';
import { isEmptySelector, namespacePhrase, withConditions } from './words';

export function explainSecurityGroupPolicy(
  value: Record<string, unknown>,
  notes: readonly ExplainNote[] = [],
): Explanation {
  const model = readSecurityGroupPolicy(value);
  const title = `SecurityGroupPolicy ${model.namespace ? `${model.namespace}/` : ''}${model.name ?? '(unnamed)'}`;
  const pods = model.podSelector;
  const accounts = model.serviceAccountSelector;
  const who: string[] = [];
  if (pods) who.push(isEmptySelector(pods.raw) ? 'every pod' : `pods ${withConditions(pods.raw)}`);
  if (accounts) {
    who.push(
      isEmptySelector(accounts.raw)
        ? 'running as any service account'
        : `running as service accounts ${withConditions(accounts.raw)}`,
    );
  }
  const subject =
    who.length === 0
      ? 'no pods (neither podSelector nor serviceAccountSelector is set)'
      : pods
        ? who.join(' and ')
        : `pods ${who[0]}`;
  const applies = `Applies to: ${subject} in ${namespacePhrase(model.namespace)}, when they are created.`;
  const groups = model.uniqueGroupIds;
  const given =
    groups.length === 0
      ? 'Security groups: none listed (spec.securityGroups.groupIds is not set).'
      : model.ignored === 'no-selector'
        ? `Security groups: ${joinWords(groups)}, for no pod, as the policy selects none.`
        : `Security groups: ${joinWords(groups)}. Each matching pod gets its own network interface (a branch ENI) with these groups instead of the node's security groups.`;
  const parts = [[applies], [given]];
  if (pods && accounts) parts.push(['A pod must match both podSelector and serviceAccountSelector.']);
  const remarks = [
    'Only pods created after the policy exists get the groups; restart existing pods to apply it.',
    'If several SecurityGroupPolicies in the namespace match a pod, it gets the groups of all of them.',
    "The groups must allow the kubelet's health probes from the node security group, and DNS (TCP and UDP port 53) to CoreDNS, or the pods fail their probes and name lookups.",
    'Security groups for pods need ENABLE_POD_ENI=true on the aws-node DaemonSet and Nitro-based instance types that support trunk network interfaces; they do not apply on Windows nodes.',
    'The EKS user guide allows 1 to 5 security group IDs per policy.',
  ];
  const summary = [applies, groups.length === 0 ? given : `Security groups: ${joinWords(groups)}.`];
  return {
    title,
    summary,
    text: assemble(title, parts, notes, [{ heading: 'On EKS', lines: remarks }]),
    notes,
  };
}

export function explainEniConfig(
  value: Record<string, unknown>,
  notes: readonly ExplainNote[] = [],
): Explanation {
  const model = readEniConfig(value);
  const title = `ENIConfig ${model.name ?? '(unnamed)'}`;
  const subnet = typeof model.subnet === 'string' ? model.subnet : undefined;
  const groups = model.securityGroups.map(String);
  const where = subnet ? `subnet ${subnet}` : 'a subnet that is not set (spec.subnet is required)';
  const applies = `Pods on nodes that use this ENIConfig get their IP addresses from ${where}.`;
  const securedBy =
    groups.length > 0
      ? `Their network interfaces get the security groups ${joinWords(groups)}.`
      : "Their network interfaces get the node's primary network interface security groups (securityGroups is not set).";
  const remarks = [
    {
      heading: 'Which nodes use it',
      lines: [
        `A node uses the ENIConfig named by its k8s.amazonaws.com/eniConfig annotation or label; with ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone, the one named after its availability zone. Nodes that name no ENIConfig use the one called "default".`,
      ],
    },
    {
      heading: 'On EKS',
      lines: [
        'Used only when AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true is set on the aws-node DaemonSet; existing nodes keep their interfaces until they are replaced.',
        "The subnet must be in the node's availability zone, and a node whose ENIConfig does not exist gets no pod IP addresses.",
      ],
    },
  ];
  return {
    title,
    summary: [applies, securedBy],
    text: assemble(title, [[applies], [securedBy]], notes, remarks),
    notes,
  };
}
