// "Explain" for a NetworkPolicy, rendered from the NetworkPolicy model: which pods it selects,
// whether each direction is isolated, what each rule allows and what is denied as a consequence.
// The rules of the API (policyTypes defaulting, [] vs [{}], AND inside one peer vs OR across
// peers, except, endPort, named ports) are spelled out where the manifest relies on them. What is
// wrong with the manifest is not judged here: the notes are the lint findings, handed in.

import {
  allowsEverything,
  readNetworkPolicy,
  readPeerValue,
  readPortValues,
  PEERS_FIELD,
  POLICY_TYPE,
  type DirectionModel,
  type NetworkPolicyModel,
  type PeerModel,
  type PolicyRuleModel,
  type PortModel,
} from '../../model/networkPolicy';
import type { EngineSettings } from '../../settings';
import { formatAddress, networkCidr } from '../../util/cidr';
import { joinWords, plural } from '../../util/strings';
import { isRecord } from '../../util/values';
import { assemble, type ExplainNote, type Explanation } from './explanation';
import { isEmptySelector, namespacePhrase, namespacesPhrase, withConditions } from './words';

export function explainNetworkPolicy(
  value: Record<string, unknown>,
  settings: EngineSettings,
  notes: readonly ExplainNote[] = [],
): Explanation {
  const model = readNetworkPolicy(value);
  const title = `NetworkPolicy ${model.namespace ? `${model.namespace}/` : ''}${model.name ?? '(unnamed)'}`;
  const applies = `Applies to: ${selectedPods(model)}.`;
  const reason = policyTypesSentence(model);
  const directions = [model.ingress, model.egress];
  const summary = [applies, reason, ...directions.map((d) => `${POLICY_TYPE[d.direction]}: ${headline(d)}.`)];
  const parts = [[applies], [reason], ...directions.map((d) => directionSection(d, model.namespace))];
  const remarks = settings.target === 'eks' ? [{ heading: 'On EKS', lines: eksRemarks(model) }] : [];
  return { title, summary, text: assemble(title, parts, notes, remarks), notes };
}

/** `policyTypes` as the API server defaults it, and where it came from. */
export function policyTypesSentence(model: NetworkPolicyModel): string {
  const types = model.policyTypes;
  if (types.source === 'listed') {
    return `Directions: ${types.listed.length > 0 ? joinWords(types.listed) : 'none'} (listed in policyTypes).`;
  }
  const unset = types.written === 'empty' ? 'policyTypes is empty' : 'policyTypes is not set';
  if (types.egress) {
    return `Directions: Ingress and Egress (${unset}, so it defaults to Ingress, plus Egress because egress rules are listed).`;
  }
  const why =
    types.egressRules === 'empty-list'
      ? 'egress: [] lists no rules, so Egress is not added'
      : 'no egress rules are listed';
  return `Directions: Ingress only (${unset}, so it defaults to Ingress; ${why}).`;
}

function selectedPods(model: NetworkPolicyModel): string {
  const where = namespacePhrase(model.namespace);
  const { raw, written } = model.podSelector;
  if (!written) {
    return `every pod in ${where} (${model.spec === 'written' ? 'podSelector is not set' : 'there is no spec'}, which is the same as podSelector: {})`;
  }
  if (!isRecord(raw) || isEmptySelector(raw)) return `every pod in ${where}`;
  return `pods ${withConditions(raw)} in ${where}`;
}

function headline(direction: DirectionModel): string {
  if (!direction.isolated) return 'not restricted by this policy';
  const { rules } = direction;
  if (rules.length === 0) return 'isolated, nothing allowed';
  if (rules.some(allowsEverything)) return 'isolated, but a rule allows all traffic';
  return `isolated, ${plural(rules.length, 'rule')} allow${rules.length === 1 ? 's' : ''} traffic`;
}

function directionSection(direction: DirectionModel, namespace: string | undefined): string[] {
  const type = POLICY_TYPE[direction.direction];
  const lower = direction.direction;
  const traffic = lower === 'ingress' ? 'incoming' : 'outgoing';
  const inOut = lower === 'ingress' ? 'incoming traffic to' : 'outgoing traffic from';
  const out = [`## ${type}: ${headline(direction)}`];
  const { rules } = direction;
  if (!direction.isolated) {
    out.push(
      `This policy does not isolate the pods for ${lower}, so it does not restrict their ${traffic} traffic (policyTypes does not include ${type}).`,
    );
    if (rules.length > 0) {
      out.push(
        `Its ${plural(rules.length, `${lower} rule`)} ${rules.length === 1 ? 'is' : 'are'} ignored for the same reason.`,
      );
    }
    return out;
  }
  if (rules.length === 0) {
    const how = direction.listed ? `${lower}: [] lists no rules` : `no ${lower} rules are listed`;
    out.push(
      `All ${inOut} these pods is denied (${how}), unless another policy that selects them allows it.`,
    );
    return out;
  }
  out.push('Allowed:');
  // Appended line by line: spreading the lines of 200,000 rules into push() overflows the stack.
  for (const rule of rules) for (const line of ruleLines(rule, namespace)) out.push(line);
  const everything = rules.find(allowsEverything);
  out.push('');
  out.push(
    everything
      ? `Denied: nothing, because rule ${everything.index + 1} allows all ${traffic} traffic.`
      : `Denied: all other ${inOut} these pods, unless another policy that selects them allows it.`,
  );
  for (const line of howToRead(direction)) out.push(line);
  return out;
}

/** The API's rules this direction relies on, in a sentence each. */
function howToRead(direction: DirectionModel): string[] {
  const lines: string[] = [];
  for (const rule of direction.rules) {
    const peers = rule.peers ?? [];
    const both = peers.some((peer) => peer.kind === 'pods' && peer.podSelector && peer.namespaceSelector);
    const podsOnly = peers.some(
      (peer) => peer.kind === 'pods' && peer.podSelector && !peer.namespaceSelector,
    );
    const namespacesOnly = peers.some(
      (peer) => peer.kind === 'pods' && !peer.podSelector && peer.namespaceSelector,
    );
    if (both) {
      lines.push(
        `In rule ${rule.index + 1}, podSelector and namespaceSelector are in the same list item, so a pod must match both (AND); as two separate items they would be alternatives (OR).`,
      );
    }
    if (podsOnly && namespacesOnly) {
      lines.push(
        `In rule ${rule.index + 1}, podSelector and namespaceSelector are separate list items, so matching either one is enough (OR); to require both, put them in the same item.`,
      );
    }
  }
  const ports = direction.rules.flatMap((rule) => rule.ports ?? []);
  if (ports.some((port) => !port.protocolWritten)) lines.push('Ports written without a protocol are TCP.');
  if (ports.some((port) => port.port.kind === 'named')) {
    const whose = direction.direction === 'ingress' ? 'the pods this policy selects' : 'the destination pods';
    lines.push(
      `Named ports are looked up in the container ports of ${whose}; pods without a port of that name are not reachable through the rule.`,
    );
  }
  return lines;
}

/** `- Rule 1 allows TCP port 80 from …`, with one sub-item per peer when there are several. */
export function ruleLines(rule: PolicyRuleModel, namespace: string | undefined): string[] {
  const field = PEERS_FIELD[rule.direction];
  const fromTo = rule.direction === 'ingress' ? 'from' : 'to';
  const label = `Rule ${rule.index + 1} allows ${portsPhrase(rule.ports)}`;
  const peers = rule.peers;
  if (peers === undefined) {
    return [`- ${label} ${fromTo} anywhere${rule.peersListed ? ` (${field}: [] means anywhere)` : ''}.`];
  }
  if (peers.length === 1) return [`- ${label} ${fromTo} ${peerPhrase(peers[0], namespace)}.`];
  return [`- ${label} ${fromTo} any of:`, ...peers.map((peer) => `  - ${peerPhrase(peer, namespace)}`)];
}

/** One peer in words; podSelector and namespaceSelector in the same peer must both match. */
export function peerPhrase(peer: PeerModel | Record<string, unknown>, namespace: string | undefined): string {
  const read = isPeerModel(peer) ? peer : readPeerValue(peer);
  if (read.kind === 'ipBlock') return ipBlockPhrase(read);
  if (read.kind === 'invalid') {
    return read.reason === 'ipBlock-with-selector'
      ? 'nothing (ipBlock cannot be combined with a selector)'
      : 'nothing (a peer needs podSelector, namespaceSelector or ipBlock)';
  }
  const { podSelector, namespaceSelector } = read.raw;
  const pods =
    read.podSelector && !isEmptySelector(podSelector) ? `pods ${withConditions(podSelector)}` : 'every pod';
  if (!read.namespaceSelector) return `${pods} in ${namespacePhrase(namespace)}`;
  if (isEmptySelector(namespaceSelector)) return `${pods} in every namespace`;
  return `${pods} in ${namespacesPhrase(namespaceSelector)}`;
}

function isPeerModel(peer: PeerModel | Record<string, unknown>): peer is PeerModel {
  return typeof peer.kind === 'string' && Array.isArray(peer.path) && isRecord(peer.raw);
}

function ipBlockPhrase(peer: Extract<PeerModel, { kind: 'ipBlock' }>): string {
  const written = String(peer.cidrText ?? '?');
  const except = peer.except.map((entry) => String(entry.text));
  const butNot = except.length > 0 ? ` except ${joinWords(except)}` : '';
  const cidr = peer.cidr;
  if (!cidr) return `IP addresses in ${written}${butNot}`;
  const family = cidr.family === 4 ? 'IPv4' : 'IPv6';
  const network = networkCidr(cidr);
  // The API server masks host bits away (10.0.0.1/24 means 10.0.0.0/24); say what is really matched.
  const hostBits = cidr.hasHostBits ? `written as ${written}` : '';
  if (cidr.prefixLength === 0)
    return `any ${family} address (${network}${hostBits ? `, ${hostBits}` : ''})${butNot}`;
  if (cidr.prefixLength === (cidr.family === 4 ? 32 : 128)) {
    return `the single address ${formatAddress(cidr.network, cidr.family)} (${written})`;
  }
  return `IP addresses in ${network}${hostBits ? ` (${hostBits})` : ''}${butNot}`;
}

/**
 * `TCP port 6379`, `TCP ports 6379 and 26379`, `UDP port 53 and TCP port 53`, `UDP ports 32000-32768`,
 * `all UDP ports`, `the TCP port named "http"`, or `all ports and protocols`. Numbered ports and
 * ranges of one protocol are grouped.
 */
export function portsPhrase(ports: readonly PortModel[] | readonly unknown[] | undefined): string {
  const read = ports === undefined ? [] : isPortModels(ports) ? ports : readPortValues(ports);
  if (read.length === 0) return 'all ports and protocols';
  const phrases: string[] = [];
  // A set per protocol: a list of thousands of ports must not be searched once per port.
  const numbered = new Map<string, { index: number; items: Set<string> }>();
  for (const port of read) {
    const { protocol } = port;
    const spec = port.port;
    if (spec.kind === 'all') phrases.push(`all ${protocol} ports`);
    else if (spec.kind === 'named') phrases.push(`the ${protocol} port named "${spec.name}"`);
    else if (spec.kind !== 'range') phrases.push(`the ${protocol} port ${String(port.raw.port)}`);
    else {
      const item = spec.end !== spec.start ? `${spec.start}-${spec.end}` : String(spec.start);
      let group = numbered.get(protocol);
      if (!group) {
        group = { index: phrases.length, items: new Set() };
        numbered.set(protocol, group);
        phrases.push('');
      }
      group.items.add(item);
    }
  }
  for (const [protocol, group] of numbered) {
    const items = [...group.items];
    const single = items.length === 1 && !items[0].includes('-');
    phrases[group.index] = `${protocol} port${single ? '' : 's'} ${joinWords(items)}`;
  }
  return joinWords(phrases);
}

function isPortModels(ports: readonly PortModel[] | readonly unknown[]): ports is readonly PortModel[] {
  return ports.every(
    (port) =>
      isRecord(port) && isRecord(port.port) && typeof port.protocol === 'string' && 'protocolWritten' in port,
  );
}

/** The EKS network policy agent and hostNetwork pods (also used by the connectivity analysis). */
export const EKS_HOST_NETWORK_NOTE =
  'Pods with hostNetwork: true are not isolated: the VPC CNI network policy agent does not enforce policies on them.';

/**
 * What is always true of policies on EKS, for the parts of the API this policy uses. Anything
 * that depends on how the manifest is written is an NP3xx finding, shown in the notes.
 */
function eksRemarks(model: NetworkPolicyModel): string[] {
  const remarks = [
    EKS_HOST_NETWORK_NOTE,
    'Policies are enforced only when network policy support is turned on in the VPC CNI (enableNetworkPolicy), and only on EC2 Linux nodes, not on Fargate or Windows nodes.',
    'In the default standard enforcing mode a new pod allows all traffic until its policies have been applied, which takes a few seconds.',
  ];
  const isolated = [model.ingress, model.egress].filter((direction) => direction.isolated);
  const ports = isolated.flatMap((direction) => direction.rules.flatMap((rule) => rule.ports ?? []));
  if (ports.some((port) => port.port.kind !== 'all')) {
    remarks.push(
      'Traffic through a Service is matched on the pod port: keep each Service port equal to its target port (or give both the same name) so the ports in these rules match.',
    );
  }
  if (model.egress.isolated && !model.egress.rules.some(allowsEverything)) {
    remarks.push(
      'Pods that call the EC2 instance metadata service (169.254.169.254), for example to use the node role, need an egress rule for 169.254.169.254/32.',
    );
  }
  return remarks;
}
