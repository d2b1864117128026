// Sets of connections: for each protocol, the allowed ports as sorted ranges. `ALL` is every port of
// TCP, UDP and SCTP (what a rule without `ports` allows). Printed the way np-guard/netpol-analyzer
// prints its `conn` column: `All Connections`, or `PROTO ports` groups such as `TCP 80,443,UDP 53`.

import { MAX_PORT, MIN_PORT } from '../model/networkPolicy';

export { MAX_PORT, MIN_PORT };
/** The protocols a NetworkPolicy port can name; `All Connections` means all three, every port. */
export const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/** Inclusive port range. */
export type PortRange = readonly [start: number, end: number];

const FULL: readonly PortRange[] = [[MIN_PORT, MAX_PORT]];

export class ConnectionSet {
  private readonly all: boolean;
  /** toString is asked for once per flow, and many flows share one set. */
  private text?: string;

  private constructor(
    /** Protocol → sorted, disjoint, non-adjacent ranges; protocols with no port are absent. */
    private readonly byProtocol: ReadonlyMap<string, readonly PortRange[]>,
  ) {
    this.all = PROTOCOLS.every((protocol) => {
      const ranges = byProtocol.get(protocol);
      return (
        ranges !== undefined && ranges.length === 1 && ranges[0][0] === MIN_PORT && ranges[0][1] === MAX_PORT
      );
    });
  }

  static readonly NONE = new ConnectionSet(new Map());
  static readonly ALL = new ConnectionSet(new Map(PROTOCOLS.map((protocol) => [protocol, FULL])));

  /** Ports `start`–`end` (inclusive, clipped to 1–65535) of one protocol. */
  static ports(protocol: string, start = MIN_PORT, end = MAX_PORT): ConnectionSet {
    const from = Math.max(start, MIN_PORT);
    const to = Math.min(end, MAX_PORT);
    if (from > to) return ConnectionSet.NONE;
    return new ConnectionSet(new Map([[protocol, [[from, to] as const]]]));
  }

  isEmpty(): boolean {
    return this.byProtocol.size === 0;
  }

  isAll(): boolean {
    return this.all;
  }

  protocols(): string[] {
    return [...this.byProtocol.keys()].sort();
  }

  rangesOf(protocol: string): readonly PortRange[] {
    return this.byProtocol.get(protocol) ?? [];
  }

  contains(protocol: string, port: number): boolean {
    return this.rangesOf(protocol).some(([start, end]) => port >= start && port <= end);
  }

  union(other: ConnectionSet): ConnectionSet {
    if (other.isEmpty() || this === other || this.all) return this;
    if (this.isEmpty() || other.all) return other;
    const merged = new Map(this.byProtocol);
    for (const [protocol, ranges] of other.byProtocol) {
      const mine = merged.get(protocol);
      merged.set(protocol, mine ? unionRanges(mine, ranges) : ranges);
    }
    return new ConnectionSet(merged);
  }

  intersect(other: ConnectionSet): ConnectionSet {
    if (this === other || other.all) return this;
    if (this.all) return other;
    if (this.isEmpty() || other.isEmpty()) return ConnectionSet.NONE;
    const common = new Map<string, readonly PortRange[]>();
    for (const [protocol, ranges] of this.byProtocol) {
      const theirs = other.byProtocol.get(protocol);
      if (!theirs) continue;
      const both = intersectRanges(ranges, theirs);
      if (both.length > 0) common.set(protocol, both);
    }
    return common.size === 0 ? ConnectionSet.NONE : new ConnectionSet(common);
  }

  /** The connections of this set that `other` does not have. */
  subtract(other: ConnectionSet): ConnectionSet {
    if (other.isEmpty()) return this;
    const rest = new Map<string, readonly PortRange[]>();
    for (const [protocol, ranges] of this.byProtocol) {
      const theirs = other.byProtocol.get(protocol);
      const left = theirs ? subtractRanges(ranges, theirs) : ranges;
      if (left.length > 0) rest.set(protocol, left);
    }
    return rest.size === 0 ? ConnectionSet.NONE : new ConnectionSet(rest);
  }

  equals(other: ConnectionSet): boolean {
    return this.toString() === other.toString();
  }

  /** netpol-analyzer's `conn` text: `All Connections`, `No Connections` or `SCTP 9000,TCP 1-1024,UDP 53`. */
  toString(): string {
    this.text ??= this.describe();
    return this.text;
  }

  private describe(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    const groups = [...this.byProtocol].map(
      ([protocol, ranges]) =>
        `${protocol} ${ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(',')}`,
    );
    return groups.sort(compareText).join(',');
  }
}

/** Byte-wise order, the order Go's sort.Strings gives (netpol-analyzer sorts that way). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalise(ranges: PortRange[]): PortRange[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function unionRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return normalise([...a, ...b]);
}

function intersectRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]);
    const end = Math.min(a[i][1], b[j][1]);
    if (start <= end) out.push([start, end]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function subtractRanges(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  const out: PortRange[] = [];
  for (const [start, end] of a) {
    let from = start;
    for (const [holeStart, holeEnd] of b) {
      if (holeEnd < from || holeStart > end) continue;
      if (holeStart > from) out.push([from, holeStart - 1]);
      from = Math.max(from, holeEnd + 1);
      if (from > end) break;
    }
    if (from <= end) out.push([from, end]);
  }
  return out;
}
