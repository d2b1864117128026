// "Explain this policy" for a NetworkPolicy: which pods it selects, whether each direction is
// isolated, what each rule allows, what is denied as a consequence, and the EKS caveats. The rules
// of the API (policyTypes defaulting, [] vs [{}], AND inside one peer vs OR across peers, except,
// endPort, named ports) are spelled out where the manifest relies on them.

import type { EngineSettings } from '../../settings';
import { formatAddress, networkCidr, parseCidr, type Cidr } from '../../util/cidr';
import { asList, asRecord, isRecord } from '../../util/values';
import {
  isEmptySelector,
  joinWords,
  namespacePhrase,
  namespacesPhrase,
  plural,
  withConditions,
} from './words';

export interface Explanation {
  /** `NetworkPolicy shop/allow-frontend`. */
  title: string;
  /** A few lines: what is selected and the state of each direction (hover on `kind:`). */
  summary: string[];
  /** The whole explanation as Markdown that also reads well as plain text. */
  text: string;
}

type Direction = 'Ingress' | 'Egress';

interface DirectionFacts {
  direction: Direction;
  isolated: boolean;
  rules: Record<string, unknown>[];
  /** The list is present in the manifest (even if empty). */
  listed: boolean;
}

const PEERS_KEY: Record<Direction, 'from' | 'to'> = { Ingress: 'from', Egress: 'to' };
const RULES_KEY: Record<Direction, 'ingress' | 'egress'> = { Ingress: 'ingress', Egress: 'egress' };

export function explainNetworkPolicy(value: Record<string, unknown>, settings: EngineSettings): Explanation {
  const metadata = asRecord(value.metadata);
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const spec = asRecord(value.spec);
  const title = `NetworkPolicy ${namespace ? `${namespace}/` : ''}${name}`;

  const { types, reason } = effectivePolicyTypes(spec);
  const facts = (['Ingress', 'Egress'] as const).map((direction): DirectionFacts => ({
    direction,
    isolated: types.includes(direction),
    rules: asList(spec[RULES_KEY[direction]]).map(asRecord),
    listed: Array.isArray(spec[RULES_KEY[direction]]),
  }));

  const applies = `Applies to: ${selectedPods(spec.podSelector, namespace)}.`;
  const summary = [applies, reason, ...facts.map((fact) => `${fact.direction}: ${headline(fact)}.`)];
  // Blank lines between parts keep them apart when the text is rendered as Markdown.
  const lines = [`# ${title}`, '', applies, '', reason];
  // Appended line by line: spreading a section of 200,000 rules into push() overflows the stack.
  for (const fact of facts) {
    lines.push('');
    for (const line of directionSection(fact, namespace)) lines.push(line);
  }
  const notes = generalNotes(facts, spec);
  if (notes.length > 0) lines.push('', '## Notes', ...notes.map((note) => `- ${note}`));
  if (settings.target === 'eks') {
    lines.push('', '## On EKS', ...eksCaveats(facts, settings).map((note) => `- ${note}`));
  }
  return { title, summary, text: `${lines.join('\n')}\n` };
}

/** `policyTypes` as the API server defaults it, and a sentence saying where it came from. */
export function effectivePolicyTypes(spec: Record<string, unknown>): { types: Direction[]; reason: string } {
  const listed = asList(spec.policyTypes).filter((t): t is Direction => t === 'Ingress' || t === 'Egress');
  if (asList(spec.policyTypes).length > 0) {
    const unique = [...new Set(listed)];
    return {
      types: unique,
      reason: `Directions: ${unique.length > 0 ? joinWords(unique) : 'none'} (listed in policyTypes).`,
    };
  }
  const egressRules = asList(spec.egress).length;
  const unset = Array.isArray(spec.policyTypes) ? 'policyTypes is empty' : 'policyTypes is not set';
  if (egressRules > 0) {
    return {
      types: ['Ingress', 'Egress'],
      reason: `Directions: Ingress and Egress (${unset}, so it defaults to Ingress, plus Egress because egress rules are listed).`,
    };
  }
  const why = Array.isArray(spec.egress)
    ? 'egress: [] lists no rules, so Egress is not added'
    : 'no egress rules are listed';
  return {
    types: ['Ingress'],
    reason: `Directions: Ingress only (${unset}, so it defaults to Ingress; ${why}).`,
  };
}

function selectedPods(podSelector: unknown, namespace: string | undefined): string {
  if (!isRecord(podSelector) || isEmptySelector(podSelector)) {
    return `every pod in ${namespacePhrase(namespace)}`;
  }
  return `pods ${withConditions(podSelector)} in ${namespacePhrase(namespace)}`;
}

function headline(fact: DirectionFacts): string {
  if (!fact.isolated) return 'not restricted by this policy';
  if (fact.rules.length === 0) return 'isolated, nothing allowed';
  if (fact.rules.some(allowsEverything)) return 'isolated, but a rule allows all traffic';
  return `isolated, ${plural(fact.rules.length, 'rule')} allow${fact.rules.length === 1 ? 's' : ''} traffic`;
}

function directionSection(fact: DirectionFacts, namespace: string | undefined): string[] {
  const { direction } = fact;
  const lower = direction.toLowerCase();
  const inOut = direction === 'Ingress' ? 'incoming traffic to' : 'outgoing traffic from';
  const out = [`## ${direction}: ${headline(fact)}`];
  if (!fact.isolated) {
    out.push(
      `This policy does not isolate the pods for ${lower}, so it does not restrict their ${inOut.split(' ')[0]} traffic (policyTypes does not include ${direction}).`,
    );
    if (fact.rules.length > 0) {
      out.push(
        `Its ${plural(fact.rules.length, `${lower} rule`)} ${fact.rules.length === 1 ? 'is' : 'are'} ignored for the same reason.`,
      );
    }
    return out;
  }
  if (fact.rules.length === 0) {
    const how = fact.listed ? `${lower}: [] lists no rules` : `no ${lower} rules are listed`;
    out.push(
      `All ${inOut} these pods is denied (${how}), unless another policy that selects them allows it.`,
    );
    return out;
  }
  out.push('Allowed:');
  fact.rules.forEach((rule, index) => {
    for (const line of ruleLines(direction, rule, index, namespace)) out.push(line);
  });
  const everything = fact.rules.findIndex(allowsEverything);
  out.push('');
  if (everything !== -1) {
    out.push(`Denied: nothing, because rule ${everything + 1} allows all ${inOut.split(' ')[0]} traffic.`);
  } else {
    out.push(`Denied: all other ${inOut} these pods, unless another policy that selects them allows it.`);
    if (direction === 'Egress' && !allowsDns(fact.rules)) {
      out.push('This includes DNS: no rule allows UDP port 53, so name lookups from these pods fail.');
    }
  }
  return out;
}

export function ruleLines(
  direction: Direction,
  rule: Record<string, unknown>,
  index: number,
  namespace: string | undefined,
): string[] {
  const peers = asList(rule[PEERS_KEY[direction]]).map(asRecord);
  const fromTo = direction === 'Ingress' ? 'from' : 'to';
  const what = portsPhrase(asList(rule.ports));
  const label = `Rule ${index + 1} allows ${what}`;
  if (peers.length === 0) {
    const why = Array.isArray(rule[PEERS_KEY[direction]]) ? `${PEERS_KEY[direction]}: [] means anywhere` : '';
    return [`- ${label} ${fromTo} anywhere${why ? ` (${why})` : ''}.`];
  }
  if (peers.length === 1) return [`- ${label} ${fromTo} ${peerPhrase(peers[0], namespace)}.`];
  return [`- ${label} ${fromTo} any of:`, ...peers.map((peer) => `  - ${peerPhrase(peer, namespace)}`)];
}

/** One peer in words; podSelector and namespaceSelector in the same peer must both match. */
export function peerPhrase(peer: Record<string, unknown>, namespace: string | undefined): string {
  const ipBlock = peer.ipBlock;
  if (isRecord(ipBlock)) return ipBlockPhrase(ipBlock);
  const hasPods = isRecord(peer.podSelector);
  const hasNamespaces = isRecord(peer.namespaceSelector);
  if (!hasPods && !hasNamespaces) return 'nothing (a peer needs podSelector, namespaceSelector or ipBlock)';
  const pods =
    hasPods && !isEmptySelector(peer.podSelector) ? `pods ${withConditions(peer.podSelector)}` : 'every pod';
  if (!hasNamespaces) return `${pods} in ${namespacePhrase(namespace)}`;
  if (isEmptySelector(peer.namespaceSelector)) return `${pods} in every namespace`;
  return `${pods} in ${namespacesPhrase(peer.namespaceSelector)}`;
}

function ipBlockPhrase(ipBlock: Record<string, unknown>): string {
  const cidr = String(ipBlock.cidr ?? '?');
  const parsed = parseCidr(cidr);
  const except = asList(ipBlock.except).map(String);
  const butNot = except.length > 0 ? ` except ${joinWords(except)}` : '';
  if (!parsed) return `IP addresses in ${cidr}${butNot}`;
  const family = parsed.family === 4 ? 'IPv4' : 'IPv6';
  const network = networkCidr(parsed);
  // The API server masks host bits away (10.0.0.1/24 means 10.0.0.0/24); say what is really matched.
  const written = parsed.hasHostBits ? `, written as ${cidr}` : '';
  if (parsed.prefixLength === 0) return `any ${family} address (${network}${written})${butNot}`;
  if (parsed.prefixLength === (parsed.family === 4 ? 32 : 128)) {
    return `the single address ${formatAddress(parsed.network, parsed.family)} (${cidr})`;
  }
  return `IP addresses in ${network}${written ? ` (${written.slice(2)})` : ''}${butNot}`;
}

/**
 * `TCP port 6379`, `TCP ports 6379 and 26379`, `UDP port 53 and TCP port 53`, `UDP ports 32000-32768`,
 * `all UDP ports`, `the TCP port named "http"`, or `all ports and protocols`. Numbered ports and
 * ranges of one protocol are listed together, in the order they first appear.
 */
export function portsPhrase(ports: unknown[]): string {
  if (ports.length === 0) return 'all ports and protocols';
  const phrases: string[] = [];
  // A set per protocol: a list of thousands of ports must not be searched once per port.
  const numbered = new Map<string, { index: number; items: Set<string> }>();
  for (const raw of ports) {
    const port = asRecord(raw);
    const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
    if (port.port === undefined) phrases.push(`all ${protocol} ports`);
    else if (typeof port.port === 'string') phrases.push(`the ${protocol} port named "${port.port}"`);
    else {
      const item =
        typeof port.endPort === 'number' && port.endPort !== port.port
          ? `${String(port.port)}-${port.endPort}`
          : String(port.port);
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

function allowsEverything(rule: Record<string, unknown>): boolean {
  return asList(rule.from).length === 0 && asList(rule.to).length === 0 && asList(rule.ports).length === 0;
}

function allowsDns(rules: Record<string, unknown>[]): boolean {
  return rules.some((rule) => {
    const ports = asList(rule.ports).map(asRecord);
    if (ports.length === 0) return true;
    return ports.some((port) => {
      if ((port.protocol ?? 'TCP') !== 'UDP') return false;
      if (port.port === undefined) return true;
      if (typeof port.port !== 'number') return port.port === 'dns' || port.port === 'domain';
      const end = typeof port.endPort === 'number' ? port.endPort : port.port;
      return port.port <= 53 && 53 <= end;
    });
  });
}

function generalNotes(facts: DirectionFacts[], spec: Record<string, unknown>): string[] {
  const notes: string[] = [];
  const active = facts.filter((fact) => fact.isolated);
  for (const fact of active) {
    const lower = fact.direction.toLowerCase();
    fact.rules.forEach((rule, index) => {
      const peers = asList(rule[PEERS_KEY[fact.direction]]).map(asRecord);
      const both = peers.some((peer) => isRecord(peer.podSelector) && isRecord(peer.namespaceSelector));
      const separate =
        peers.some((peer) => isRecord(peer.podSelector) && !isRecord(peer.namespaceSelector)) &&
        peers.some((peer) => isRecord(peer.namespaceSelector) && !isRecord(peer.podSelector));
      if (both) {
        notes.push(
          `${fact.direction} rule ${index + 1}: podSelector and namespaceSelector are in the same list item, so a pod must match both (AND). As two separate items they would be alternatives (OR).`,
        );
      }
      if (separate) {
        notes.push(
          `${fact.direction} rule ${index + 1}: podSelector and namespaceSelector are separate list items, so matching either one is enough (OR). To require both, put them in the same item.`,
        );
      }
    });
    const ports = fact.rules.flatMap((rule) => asList(rule.ports).map(asRecord));
    if (ports.some((port) => port.protocol === undefined)) {
      notes.push(`Ports in the ${lower} rules without a protocol use TCP.`);
    }
    if (ports.some((port) => typeof port.port === 'string')) {
      const whose = fact.direction === 'Ingress' ? 'the pods this policy selects' : 'the destination pods';
      notes.push(
        `Named ports in the ${lower} rules are looked up in the container ports of ${whose}; pods without a port of that name are not reachable through the rule.`,
      );
    }
  }
  if (!isRecord(spec.podSelector) && spec.podSelector === undefined) {
    notes.push(
      'podSelector is not set, which selects every pod in the namespace, the same as podSelector: {}.',
    );
  }
  return notes;
}

/** The EKS network policy agent and hostNetwork pods (also used by the connectivity analysis). */
export const EKS_HOST_NETWORK_NOTE =
  'Pods with hostNetwork: true are not isolated: the VPC CNI network policy agent does not enforce policies on them.';

function eksCaveats(facts: DirectionFacts[], settings: EngineSettings): string[] {
  const notes = [
    EKS_HOST_NETWORK_NOTE,
    'Policies are enforced only when network policy support is turned on in the VPC CNI (enableNetworkPolicy), and only on EC2 Linux nodes, not on Fargate or Windows nodes.',
  ];
  const isolated = facts.filter((fact) => fact.isolated);
  if (isolated.length > 0) {
    notes.push(
      'In the default standard enforcing mode a new pod allows all traffic until its policies have been applied, which takes a few seconds.',
    );
  }
  for (const fact of isolated) {
    const peersKey = PEERS_KEY[fact.direction];
    const lower = fact.direction.toLowerCase();
    const allPorts = fact.rules.flatMap((rule) => asList(rule.ports).map(asRecord));
    if (allPorts.some((port) => port.port !== undefined)) {
      if (!notes.some((note) => note.startsWith('Traffic through a Service'))) {
        notes.push(
          'Traffic through a Service is matched on the pod port: keep each Service port equal to its target port (or give both the same name) so the ports in these rules match.',
        );
      }
    }
    const combinations = new Set(
      allPorts.map(
        (port) => `${String(port.protocol ?? 'TCP')}/${String(port.port)}/${String(port.endPort)}`,
      ),
    );
    if (combinations.size > 24) {
      notes.push(
        `The ${lower} rules use ${combinations.size} port/protocol combinations; the EKS agent supports at most 24 per protocol for the pods a policy selects, so some may not be enforced.`,
      );
    }
    if (fact.direction === 'Egress') {
      fact.rules.forEach((rule, index) => {
        const ports = asList(rule.ports).map(asRecord);
        const named = ports.filter((port) => typeof port.port === 'string');
        if (named.length === 0) return;
        const peers = asList(rule[peersKey]).map(asRecord);
        const where =
          peers.length === 0
            ? 'it has no to'
            : peers.some((peer) => isRecord(peer.ipBlock))
              ? 'it reaches ipBlock peers'
              : '';
        if (where) {
          notes.push(
            `Egress rule ${index + 1} uses a named port and ${where}: the EKS network policy controller cannot resolve named ports there and skips ${named.length === ports.length ? 'the rule, so it allows nothing' : 'those ports'}. Use port numbers.`,
          );
        }
      });
    }
    const otherFamily = fact.rules.flatMap((rule) =>
      asList(rule[peersKey])
        .map((peer) => parseCidr(String(asRecord(asRecord(peer).ipBlock).cidr ?? '')))
        .filter((cidr): cidr is Cidr => cidr !== undefined && familyName(cidr) !== settings.clusterIpFamily),
    );
    if (otherFamily.length > 0) {
      notes.push(
        `The ${lower} rules use ${familyName(otherFamily[0]) === 'ipv6' ? 'IPv6' : 'IPv4'} CIDRs, which EKS ignores in an ${settings.clusterIpFamily === 'ipv6' ? 'IPv6' : 'IPv4'} cluster: the agent enforces one IP family only.`,
      );
    }
  }
  const egress = facts.find((fact) => fact.direction === 'Egress');
  if (egress?.isolated && !egress.rules.some(allowsEverything)) {
    notes.push(
      'Pods that call the EC2 instance metadata service (169.254.169.254), for example to use the node role, need an egress rule for 169.254.169.254/32.',
    );
  }
  return notes;
}

function familyName(cidr: Cidr): 'ipv4' | 'ipv6' {
  return cidr.family === 4 ? 'ipv4' : 'ipv6';
}
