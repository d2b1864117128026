// "Explain" for the two AWS resources: which pods a SecurityGroupPolicy gives security groups to,
// and which subnet and security groups an ENIConfig gives pod network interfaces.

import { asList, asRecord, isRecord } from '../../util/values';
import type { Explanation } from './networkPolicy';
import { isEmptySelector, joinWords, namespacePhrase, withConditions } from './words';

export function explainSecurityGroupPolicy(value: Record<string, unknown>): Explanation {
  const metadata = asRecord(value.metadata);
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const spec = asRecord(value.spec);
  const title = `SecurityGroupPolicy ${namespace ? `${namespace}/` : ''}${name}`;
  const groups = asList(asRecord(spec.securityGroups).groupIds).map(String);
  const hasPods = isRecord(spec.podSelector);
  const hasAccounts = isRecord(spec.serviceAccountSelector);

  const who: string[] = [];
  if (hasPods) {
    who.push(isEmptySelector(spec.podSelector) ? 'every pod' : `pods ${withConditions(spec.podSelector)}`);
  }
  if (hasAccounts) {
    who.push(
      isEmptySelector(spec.serviceAccountSelector)
        ? 'running as any service account'
        : `running as service accounts ${withConditions(spec.serviceAccountSelector)}`,
    );
  }
  const subject = who.length === 0 ? 'no pods' : hasPods ? who.join(' and ') : `pods ${who[0]}`;
  const applies = `Applies to: ${subject} in ${namespacePhrase(namespace)}, when they are created.`;
  const lines = [`# ${title}`, '', applies, ''];
  const summary = [applies];
  if (!hasPods && !hasAccounts) {
    const ignored =
      'Ignored: the VPC resource controller skips a policy with neither podSelector nor serviceAccountSelector.';
    lines.push(ignored);
    summary.push(ignored);
  } else if (groups.length === 0) {
    const ignored = 'Ignored: the VPC resource controller skips a policy with no security group IDs.';
    lines.push(ignored);
    summary.push(ignored);
  } else {
    const given = `Security groups: ${joinWords(groups)}. Each matching pod gets its own network interface (a branch ENI) with these groups instead of the node's security groups.`;
    lines.push(given);
    summary.push(`Security groups: ${joinWords(groups)}.`);
  }
  const notes: string[] = [];
  if (hasPods && hasAccounts) notes.push('A pod must match both podSelector and serviceAccountSelector.');
  notes.push(
    'Only pods created after the policy exists get the groups; restart existing pods to apply it.',
    'If several SecurityGroupPolicies in the namespace match a pod, it gets the groups of all of them.',
    "The groups must allow the kubelet's health probes from the node security group, and DNS (TCP and UDP port 53) to CoreDNS, or the pods fail their probes and name lookups.",
  );
  lines.push('', '## Notes', ...notes.map((note) => `- ${note}`));
  lines.push(
    '',
    '## On EKS',
    '- Security groups for pods need ENABLE_POD_ENI=true on the aws-node DaemonSet and Nitro-based instance types that support trunk network interfaces; they do not apply on Windows nodes.',
    '- The EKS user guide allows 1 to 5 security group IDs per policy.',
  );
  return { title, summary, text: `${lines.join('\n')}\n` };
}

export function explainEniConfig(value: Record<string, unknown>): Explanation {
  const metadata = asRecord(value.metadata);
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const spec = asRecord(value.spec);
  const title = `ENIConfig ${name}`;
  const subnet = typeof spec.subnet === 'string' ? spec.subnet : undefined;
  const groups = asList(spec.securityGroups).map(String);
  const where = subnet ? `subnet ${subnet}` : 'a subnet that is not set (spec.subnet is required)';
  const applies = `Pods on nodes that use this ENIConfig get their IP addresses from ${where}.`;
  const securedBy =
    groups.length > 0
      ? `Their network interfaces get the security groups ${joinWords(groups)}.`
      : "Their network interfaces get the node's primary network interface security groups (securityGroups is not set).";
  const lines = [
    `# ${title}`,
    '',
    applies,
    '',
    securedBy,
    '',
    '## Which nodes use it',
    `- A node uses the ENIConfig named by its k8s.amazonaws.com/eniConfig annotation or label; with ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone, the one named after its availability zone. Nodes that name no ENIConfig use the one called "default".`,
    '',
    '## On EKS',
    '- Used only when AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true is set on the aws-node DaemonSet; existing nodes keep their interfaces until they are replaced.',
    "- The subnet must be in the node's availability zone, and a node whose ENIConfig does not exist gets no pod IP addresses.",
  ];
  return { title, summary: [applies, securedBy], text: `${lines.join('\n')}\n` };
}
