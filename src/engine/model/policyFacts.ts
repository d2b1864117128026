// Facts about a NetworkPolicy that several features ask about, from the model: does it let DNS
// out, and which of its parts the EKS network policy agent cannot enforce as written (named egress
// ports it cannot resolve, ipBlocks of the other IP family). NP203, NP301, NP303 and the
// connectivity analysis read them; the port table the agent builds is in eksPortTable.ts.

import type { Cidr } from '../util/cidr';
import { isPlaceholder } from '../util/placeholders';
import {
  policyRules,
  reachesSomething,
  type IpBlockPeer,
  type NetworkPolicyModel,
  type PolicyRuleModel,
  type PortModel,
} from './networkPolicy';

/** Container port names that DNS servers give port 53 (CoreDNS: `dns` UDP, `dns-tcp` TCP). */
export const DNS_PORT_NAMES: ReadonlySet<string> = new Set(['dns', 'dns-tcp', 'domain']);
export const DNS_PORT = 53;
export type DnsProtocol = 'UDP' | 'TCP';

/**
 * Whether one port entry may carry DNS over `protocol`: port 53 (or a range or "all ports" holding
 * it) of that protocol, or a named port DNS servers use for it. A placeholder counts: once rendered
 * it may well be DNS, and a finding must not depend on a value no one can see yet.
 */
export function portAllowsDns(port: PortModel, protocol: DnsProtocol): boolean {
  const protocolIsPlaceholder = port.protocolWritten && isPlaceholder(port.protocol);
  if (port.protocol !== protocol && !protocolIsPlaceholder) return false;
  switch (port.port.kind) {
    case 'all':
    case 'templated':
      return true;
    case 'range':
      return port.port.start <= DNS_PORT && DNS_PORT <= port.port.end;
    case 'named':
      return DNS_PORT_NAMES.has(port.port.name);
    case 'invalid':
      return false;
  }
}

/** Whether an egress rule in effect lets DNS out over `protocol`, to any destination. */
export function ruleAllowsDns(rule: PolicyRuleModel, protocol: DnsProtocol): boolean {
  if (!rule.effective || rule.direction !== 'egress' || !reachesSomething(rule)) return false;
  return rule.ports === undefined || rule.ports.some((port) => portAllowsDns(port, protocol));
}

export interface DnsEgress {
  UDP: boolean;
  TCP: boolean;
}

/**
 * Which DNS protocols this policy's egress rules allow. A policy that does not isolate egress
 * allows nothing by itself (its egress rules are ignored); whether its pods can resolve names is
 * then up to the other policies that select them.
 */
export function dnsEgress(model: NetworkPolicyModel): DnsEgress {
  const allows = (protocol: DnsProtocol) => model.egress.rules.some((rule) => ruleAllowsDns(rule, protocol));
  return { UDP: allows('UDP'), TCP: allows('TCP') };
}

/**
 * Egress rules whose named ports the EKS network policy controller cannot resolve: it looks named
 * egress ports up in the destination pods, and an ipBlock or "every destination" has none.
 */
export function unresolvableNamedPorts(
  model: NetworkPolicyModel,
): { rule: PolicyRuleModel; port: PortModel; name: string; towards: 'everyone' | 'ipBlock' }[] {
  const found: { rule: PolicyRuleModel; port: PortModel; name: string; towards: 'everyone' | 'ipBlock' }[] =
    [];
  for (const rule of model.egress.rules) {
    const towards =
      rule.peers === undefined
        ? 'everyone'
        : rule.peers.some((peer) => peer.kind === 'ipBlock')
          ? 'ipBlock'
          : undefined;
    if (!towards) continue;
    for (const port of rule.ports ?? []) {
      if (port.port.kind === 'named') found.push({ rule, port, name: port.port.name, towards });
    }
  }
  return found;
}

/** ipBlock peers of the other IP family than the cluster's: the EKS agent enforces one family. */
export function otherFamilyBlocks(
  model: NetworkPolicyModel,
  clusterFamily: 'ipv4' | 'ipv6',
): { rule: PolicyRuleModel; peer: IpBlockPeer & { cidr: Cidr } }[] {
  const family = clusterFamily === 'ipv6' ? 6 : 4;
  return policyRules(model).flatMap((rule) =>
    (rule.peers ?? []).flatMap((peer) =>
      peer.kind === 'ipBlock' && peer.cidr && peer.cidr.family !== family
        ? [{ rule, peer: peer as IpBlockPeer & { cidr: Cidr } }]
        : [],
    ),
  );
}
