// The EKS network policy agent's port table, as far as one policy decides it. For each pod and
// direction the agent keeps an eBPF longest-prefix-match map from peer address (a pod IP or an
// ipBlock CIDR) to the port/protocol entries allowed for it, at most 24 per address whatever the
// protocol (288 bytes of 12-byte entries; beyond that it logs "No.of unique port/protocol
// combinations supported for a single endpoint exceeded the supported maximum of 24" and drops the
// rest). Entries add up per address: rules that reach the same peer share its entry list, a rule
// with no peers (0.0.0.0/0) adds its ports to every address, and a CIDR inside a broader ipBlock
// inherits that block's ports. Rules towards different peers do not add up.

import type { Selector } from './labelSelector';
import {
  directionOf,
  reachesSomething,
  type Direction,
  type IpBlockPeer,
  type NetworkPolicyModel,
  type PeerModel,
  type PolicyRuleModel,
} from './networkPolicy';
import { isStrictSubset, networkCidr, type Cidr } from '../util/cidr';
import { appendAll } from '../util/arrays';

/** Port/protocol entries the EKS agent stores per peer address and direction. */
export const EKS_MAX_PORT_ENTRIES_PER_PEER = 24;

export interface PortTableOverflow {
  direction: Direction;
  /** The unique port/protocol entries the agent would need for the peer. */
  entries: number;
  /** The rules whose ports reach that peer, in order. */
  rules: readonly PolicyRuleModel[];
  /** The peer, or undefined for "every address" (rules without peers, or a /0 block). */
  peer?: PeerModel;
}

interface Group {
  rules: Set<PolicyRuleModel>;
  entries: Set<string>;
  peer?: PeerModel;
  cidr?: Cidr;
  except: Cidr[];
}

/** Peers whose port entries the agent cannot hold (one finding per distinct set of rules). */
export function eksPortTableOverflows(model: NetworkPolicyModel, direction: Direction): PortTableOverflow[] {
  const rules = directionOf(model, direction).rules.filter(
    (rule) => rule.effective && reachesSomething(rule),
  );
  const everyone: Group = { rules: new Set(), entries: new Set(), except: [] };
  const groups = new Map<string, Group>();
  for (const rule of rules) {
    const entries = portEntries(rule);
    if (rule.peers === undefined) {
      add(everyone, rule, entries);
      continue;
    }
    for (const peer of rule.peers) {
      const key = peerKey(peer);
      if (key === undefined) continue;
      if (key === EVERY_ADDRESS) {
        add(everyone, rule, entries);
        continue;
      }
      let group = groups.get(key);
      if (!group) {
        group = { rules: new Set(), entries: new Set(), peer, except: [] };
        if (peer.kind === 'ipBlock') group.cidr = peer.cidr;
        groups.set(key, group);
      }
      if (peer.kind === 'ipBlock') appendAll(group.except, exceptCidrs(peer));
      add(group, rule, entries);
    }
  }
  const totals: Group[] = [...groups.values()].map((group) => {
    const total: Group = { ...group, rules: new Set(group.rules), entries: new Set(group.entries) };
    for (const broader of groups.values()) {
      if (broader !== group && inside(group, broader)) merge(total, broader);
    }
    merge(total, everyone);
    return total;
  });
  const overflows: PortTableOverflow[] = [];
  const reported = new Set<string>();
  for (const group of [everyone, ...totals]) {
    if (group.entries.size <= EKS_MAX_PORT_ENTRIES_PER_PEER) continue;
    const ordered = rules.filter((rule) => group.rules.has(rule));
    const key = ordered.map((rule) => rule.index).join(',');
    if (reported.has(key)) continue;
    reported.add(key);
    overflows.push({ direction, entries: group.entries.size, rules: ordered, peer: group.peer });
  }
  return overflows;
}

const EVERY_ADDRESS = '*';

function add(group: Group, rule: PolicyRuleModel, entries: readonly string[]): void {
  group.rules.add(rule);
  for (const entry of entries) group.entries.add(entry);
}

function merge(into: Group, from: Group): void {
  for (const rule of from.rules) into.rules.add(rule);
  for (const entry of from.entries) into.entries.add(entry);
}

/** The entries a rule puts in the table of each address it reaches (a rule without ports: one catch-all). */
function portEntries(rule: PolicyRuleModel): string[] {
  if (rule.ports === undefined) return ['any'];
  return rule.ports.flatMap((port) => {
    switch (port.port.kind) {
      case 'all':
        return [`${port.protocol}/all`];
      case 'range':
        return [`${port.protocol}/${port.port.start}-${port.port.end}`];
      case 'named':
        // The controller resolves the name to the container port it finds: one entry.
        return [`${port.protocol}/name:${port.port.name}`];
      case 'templated':
        return [`${port.protocol}/template:${JSON.stringify(port.raw)}`];
      case 'invalid':
        return [];
    }
  });
}

/** Peers with the same key reach the same addresses; undefined for a peer that matches nothing. */
function peerKey(peer: PeerModel): string | undefined {
  if (peer.kind === 'invalid') return undefined;
  if (peer.kind === 'ipBlock') {
    if (!peer.cidr) return undefined;
    return peer.cidr.prefixLength === 0 && exceptCidrs(peer).length === 0
      ? EVERY_ADDRESS
      : `cidr:${networkCidr(peer.cidr)}`;
  }
  const pods = peer.podSelector;
  const namespaces = peer.namespaceSelector;
  if (pods?.invalid !== undefined || namespaces?.invalid !== undefined) return undefined;
  return `pods:${selectorKey(namespaces, 'own')}|${selectorKey(pods, 'all')}`;
}

function selectorKey(selector: Selector | undefined, absent: string): string {
  if (!selector) return absent;
  return selector.requirements
    .map((requirement) => `${requirement.key} ${requirement.operator} ${requirement.values.join(',')}`)
    .sort()
    .join(';');
}

function exceptCidrs(peer: IpBlockPeer): Cidr[] {
  return peer.except.flatMap((entry) => (entry.cidr ? [entry.cidr] : []));
}

/** A CIDR inside a broader ipBlock (and not cut out by its except) inherits the broader ports. */
function inside(group: Group, broader: Group): boolean {
  if (!group.cidr || !broader.cidr || !isStrictSubset(group.cidr, broader.cidr)) return false;
  const cidr = group.cidr;
  return !broader.except.some(
    (hole) => hole.prefixLength <= cidr.prefixLength && isStrictSubsetOrSame(cidr, hole),
  );
}

function isStrictSubsetOrSame(inner: Cidr, outer: Cidr): boolean {
  return (
    isStrictSubset(inner, outer) ||
    (inner.family === outer.family &&
      inner.prefixLength === outer.prefixLength &&
      inner.network === outer.network)
  );
}
