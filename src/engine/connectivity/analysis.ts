// The connectivity of a set of workloads under a set of NetworkPolicies, with Kubernetes semantics:
// a pod is isolated for a direction when some policy selects it and lists that direction (after
// defaulting); an isolated direction allows the union of the matching rules of those policies; a
// connection between two pods needs both the source's egress and the destination's ingress. Peers
// outside the cluster are IP ranges; no policy applies to them.
//
// Built for size (thousands of workloads, hundreds of policies): policies are indexed by namespace,
// each workload's selecting policies and each rule's matching workloads are computed once, and the
// pair loop only tests membership and unions a few prepared sets.

import { matches } from '../model/labelSelector';
import { workloadName, type NamespaceInfo, type Workload } from '../model/workloads';
import { contains, partition, rangeName, type AddressRange, type Family } from './addresses';
import { ConnectionSet, compareText } from './ports';
import { namespaceMatches, podsMatch } from './peers';
import type { ConnectivityPolicy, Direction, PolicyRule } from './types';

export type Peer<W = unknown> =
  | { type: 'workload'; index: number; name: string; workload: Workload<W> }
  | { type: 'ip'; index: number; name: string; range: AddressRange };

export interface Flow<W = unknown> {
  src: Peer<W>;
  dst: Peer<W>;
  conns: ConnectionSet;
}

export interface AnalysisInput<W, P> {
  workloads: readonly Workload<W>[];
  /** Every namespace of the workloads, declared or not (see model/workloads resolveNamespaces). */
  namespaces: ReadonlyMap<string, NamespaceInfo>;
  policies: readonly ConnectivityPolicy<P>[];
}

/** A rule with its policy and the workloads its peers match, prepared once. */
export interface PreparedRule<P = unknown> {
  policy: ConnectivityPolicy<P>;
  rule: PolicyRule;
  /** members[w] is 1 when workload w is one of the rule's peers. */
  members: Uint8Array;
  /** The rule matches every peer, inside and outside the cluster (no `from`/`to`). */
  everyone: boolean;
  /** What the rule allows when no named port is involved (numbers only). */
  numbered: ConnectionSet;
  hasNamedPorts: boolean;
}

export class ConnectivityAnalysis<W = unknown, P = unknown> {
  readonly workloadPeers: Peer<W>[];
  /** Sources outside the cluster: the address space cut at the edges of the ingress ipBlocks. */
  readonly sourceRanges: Peer<W>[];
  /** Destinations outside the cluster: cut at the edges of the egress ipBlocks. */
  readonly destinationRanges: Peer<W>[];
  /** For each workload, the prepared rules of the policies that isolate it, per direction. */
  private readonly rulesFor: Record<Direction, PreparedRule<P>[][]>;
  /** For each workload, the policies that isolate it, per direction. */
  private readonly isolatedBy: Record<Direction, ConnectivityPolicy<P>[][]>;
  private cachedFlows?: Flow<W>[];

  constructor(readonly input: AnalysisInput<W, P>) {
    const { workloads, policies } = input;
    this.workloadPeers = workloads.map((workload, index) => ({
      type: 'workload',
      index,
      name: workloadName(workload),
      workload,
    }));
    const families = addressFamilies(policies);
    this.sourceRanges = rangePeers(policies, 'ingress', families);
    this.destinationRanges = rangePeers(policies, 'egress', families);

    const byNamespace = new Map<string, ConnectivityPolicy<P>[]>();
    for (const policy of policies) {
      const list = byNamespace.get(policy.namespace) ?? [];
      list.push(policy);
      byNamespace.set(policy.namespace, list);
    }
    this.isolatedBy = { ingress: workloads.map(() => []), egress: workloads.map(() => []) };
    const selecting = new Set<ConnectivityPolicy<P>>();
    workloads.forEach((workload, index) => {
      for (const policy of byNamespace.get(workload.namespace) ?? []) {
        if (!matches(policy.podSelector, workload.labels)) continue;
        for (const direction of ['ingress', 'egress'] as const) {
          if (policy.isolates[direction]) {
            this.isolatedBy[direction][index].push(policy);
            selecting.add(policy);
          }
        }
      }
    });
    // Only rules of policies that isolate some workload can allow anything.
    const prepared = new Map<PolicyRule, PreparedRule<P>>();
    for (const policy of selecting) {
      for (const rule of [...policy.ingress, ...policy.egress])
        prepared.set(rule, this.prepare(policy, rule));
    }
    this.rulesFor = {
      ingress: this.isolatedBy.ingress.map((list) =>
        list.flatMap((p) => p.ingress.map((r) => prepared.get(r)!)),
      ),
      egress: this.isolatedBy.egress.map((list) =>
        list.flatMap((p) => p.egress.map((r) => prepared.get(r)!)),
      ),
    };
  }

  /** The policies that isolate a workload for a direction (empty: that direction is not isolated). */
  policiesIsolating(workload: number, direction: Direction): readonly ConnectivityPolicy<P>[] {
    return this.isolatedBy[direction][workload];
  }

  /** The prepared rules that apply to a workload's traffic in a direction. */
  rulesOf(workload: number, direction: Direction): readonly PreparedRule<P>[] {
    return this.rulesFor[direction][workload];
  }

  /** Whether a rule's peers include this peer (workloads by selector, IP ranges by ipBlock). */
  ruleMatches(rule: PreparedRule<P>, peer: Peer<W>): boolean {
    if (rule.everyone) return true;
    if (peer.type === 'workload') return rule.members[peer.index] === 1;
    return (rule.rule.peers ?? []).some(
      (p) => p.kind === 'ipBlock' && p.ranges.some((range) => contains(range, peer.range)),
    );
  }

  /** What a rule allows towards a destination: named ports resolve against a pod's container ports. */
  ruleConnections(rule: PreparedRule<P>, dst: Peer<W>): ConnectionSet {
    if (!rule.hasNamedPorts || dst.type !== 'workload') return rule.numbered;
    let conns = rule.numbered;
    for (const port of rule.rule.ports ?? []) {
      if (port.kind !== 'named') continue;
      const target = dst.workload.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
      if (target)
        conns = conns.union(ConnectionSet.ports(port.protocol, target.containerPort, target.containerPort));
    }
    return conns;
  }

  /** What one side allows: ALL when not isolated, else the union of its matching rules. */
  sideConnections(direction: Direction, self: Peer<W>, other: Peer<W>): ConnectionSet {
    if (self.type !== 'workload') return ConnectionSet.ALL;
    const rules = this.rulesFor[direction][self.index];
    if (this.isolatedBy[direction][self.index].length === 0) return ConnectionSet.ALL;
    const dst = direction === 'ingress' ? self : other;
    let conns = ConnectionSet.NONE;
    for (const rule of rules) {
      if (this.ruleMatches(rule, other)) conns = conns.union(this.ruleConnections(rule, dst));
      if (conns.isAll()) break;
    }
    return conns;
  }

  allowed(src: Peer<W>, dst: Peer<W>): ConnectionSet {
    const egress = this.sideConnections('egress', src, dst);
    if (egress.isEmpty()) return egress;
    return egress.intersect(this.sideConnections('ingress', dst, src));
  }

  /**
   * Every ordered pair with something allowed, netpol-analyzer's connlist: workload to workload
   * (never to itself), IP range to workload, workload to IP range (never IP to IP). In output
   * order: by source name, then destination name (byte order), so no sort is needed after.
   */
  flows(): Flow<W>[] {
    this.cachedFlows ??= [...this.eachFlow()];
    return this.cachedFlows;
  }

  /** The same flows one at a time, kept by no one: for lists too long to hold (millions of pairs). */
  *eachFlow(): Generator<Flow<W>> {
    if (this.cachedFlows) return yield* this.cachedFlows;
    const byName = (a: Peer<W>, b: Peer<W>) => compareText(a.name, b.name);
    const workloads = [...this.workloadPeers].sort(byName);
    const sources = [...workloads, ...this.sourceRanges].sort(byName);
    const destinations = [...workloads, ...this.destinationRanges].sort(byName);
    for (const src of sources) {
      for (const dst of src.type === 'workload' ? destinations : workloads) {
        if (src.name === dst.name) continue;
        const conns =
          src.type === 'ip'
            ? this.sideConnections('ingress', dst, src)
            : dst.type === 'ip'
              ? this.sideConnections('egress', src, dst)
              : this.allowed(src, dst);
        if (!conns.isEmpty()) yield { src, dst, conns };
      }
    }
  }

  private prepare(policy: ConnectivityPolicy<P>, rule: PolicyRule): PreparedRule<P> {
    const { workloads, namespaces } = this.input;
    const members = new Uint8Array(workloads.length);
    const everyone = rule.peers === undefined;
    if (everyone) members.fill(1);
    for (const peer of rule.peers ?? []) {
      if (peer.kind !== 'pods') continue;
      const namespaceOk = new Map<string, boolean>();
      workloads.forEach((workload, index) => {
        if (members[index] === 1) return;
        let inNamespace = namespaceOk.get(workload.namespace);
        if (inNamespace === undefined) {
          inNamespace = namespaceMatches(peer, policy.namespace, namespaces.get(workload.namespace));
          namespaceOk.set(workload.namespace, inNamespace);
        }
        if (inNamespace && podsMatch(peer, workload.labels)) members[index] = 1;
      });
    }
    let numbered = rule.ports === undefined ? ConnectionSet.ALL : ConnectionSet.NONE;
    for (const port of rule.ports ?? []) {
      if (port.kind === 'numbers')
        numbered = numbered.union(ConnectionSet.ports(port.protocol, port.start, port.end));
    }
    return {
      policy,
      rule,
      members,
      everyone,
      numbered,
      hasNamedPorts: (rule.ports ?? []).some((port) => port.kind === 'named'),
    };
  }
}

/** IPv4 always (as netpol-analyzer); IPv6 too once any policy names an IPv6 block. */
function addressFamilies(policies: readonly ConnectivityPolicy[]): Family[] {
  const ipv6 = policies.some((policy) =>
    [...policy.ingress, ...policy.egress].some((rule) =>
      (rule.peers ?? []).some((peer) => peer.kind === 'ipBlock' && peer.ranges.some((r) => r.family === 6)),
    ),
  );
  return ipv6 ? [4, 6] : [4];
}

/**
 * IP peers of one direction: the address space cut at the edges of every ipBlock in that
 * direction's rules, of every policy (whether or not it selects a pod, as netpol-analyzer does).
 */
function rangePeers<W>(
  policies: readonly ConnectivityPolicy[],
  direction: Direction,
  families: Family[],
): Peer<W>[] {
  const ranges = policies.flatMap((policy) =>
    policy[direction].flatMap((rule) =>
      (rule.peers ?? []).flatMap((peer) => (peer.kind === 'ipBlock' ? peer.ranges : [])),
    ),
  );
  return partition(ranges, families).map((range, index) => ({
    type: 'ip',
    index,
    name: rangeName(range),
    range,
  }));
}
