// What a change does to connectivity: for each ordered pair, the connections it opens and closes.
// IP ranges are compared on the pieces both analyses agree on (both partitions cut together), so a
// new ipBlock that splits a range does not show as one range closed and two opened.

import type { ConnectivityAnalysis, Peer } from './analysis';
import { contains, partition, rangeName } from './addresses';
import { ConnectionSet, compareText } from './ports';

export interface FlowChange {
  src: string;
  dst: string;
  before: ConnectionSet;
  after: ConnectionSet;
  opened: ConnectionSet;
  closed: ConnectionSet;
}

export function diffConnectivity(before: ConnectivityAnalysis, after: ConnectivityAnalysis): FlowChange[] {
  const changes: FlowChange[] = [];
  const old = byPair(before);
  const now = byPair(after);
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const [src, dst] = key.split('\u0000');
    const was = old.get(key) ?? ConnectionSet.NONE;
    const is = now.get(key) ?? ConnectionSet.NONE;
    const opened = is.subtract(was);
    const closed = was.subtract(is);
    if (!opened.isEmpty() || !closed.isEmpty())
      changes.push({ src, dst, before: was, after: is, opened, closed });
  }
  addRangeChanges(before, after, changes);
  return changes.sort((a, b) => compareText(a.src, b.src) || compareText(a.dst, b.dst));
}

function byPair(analysis: ConnectivityAnalysis): Map<string, ConnectionSet> {
  const pairs = new Map<string, ConnectionSet>();
  for (const flow of analysis.flows()) {
    if (flow.src.type === 'workload' && flow.dst.type === 'workload') {
      pairs.set(`${flow.src.name}\u0000${flow.dst.name}`, flow.conns);
    }
  }
  return pairs;
}

/** Workload ↔ IP changes, on the common refinement of both analyses' ranges. */
function addRangeChanges(
  before: ConnectivityAnalysis,
  after: ConnectivityAnalysis,
  changes: FlowChange[],
): void {
  const names = [...new Set([...before.workloadPeers, ...after.workloadPeers].map((peer) => peer.name))];
  const peersOf = (a: ConnectivityAnalysis) => new Map(a.workloadPeers.map((peer) => [peer.name, peer]));
  const workloads = { before: peersOf(before), after: peersOf(after) };
  for (const direction of ['ingress', 'egress'] as const) {
    const pick = (a: ConnectivityAnalysis) =>
      direction === 'ingress' ? a.sourceRanges : a.destinationRanges;
    const ranges = [...pick(before), ...pick(after)].flatMap((peer) =>
      peer.type === 'ip' ? [peer.range] : [],
    );
    const families = [...new Set(ranges.map((range) => range.family))];
    for (const piece of partition(ranges, families)) {
      const name = rangeName(piece);
      const inBefore = pick(before).find((peer) => peer.type === 'ip' && contains(peer.range, piece));
      const inAfter = pick(after).find((peer) => peer.type === 'ip' && contains(peer.range, piece));
      for (const workload of names) {
        const was = sideOf(before, direction, workloads.before.get(workload), inBefore);
        const is = sideOf(after, direction, workloads.after.get(workload), inAfter);
        const opened = is.subtract(was);
        const closed = was.subtract(is);
        if (opened.isEmpty() && closed.isEmpty()) continue;
        const [src, dst] = direction === 'ingress' ? [name, workload] : [workload, name];
        changes.push({ src, dst, before: was, after: is, opened, closed });
      }
    }
  }
}

function sideOf(
  analysis: ConnectivityAnalysis,
  direction: 'ingress' | 'egress',
  workload: Peer | undefined,
  range: Peer | undefined,
): ConnectionSet {
  if (!workload || !range) return ConnectionSet.NONE;
  return analysis.sideConnections(direction, workload, range);
}
