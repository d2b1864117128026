// IP address ranges for the peers outside the cluster. An ipBlock is its cidr minus its except
// entries, a list of ranges. The address space is cut at every edge of the blocks (as
// np-guard/netpol-analyzer does), so each piece is wholly inside or wholly outside every block,
// and each piece is printed as `first-last[External]`. IPv4 and IPv6 are separate spaces.

import { formatAddress, lastAddress, type Cidr } from '../util/cidr';

export type Family = 4 | 6;

/** Inclusive range of addresses of one family. */
export interface AddressRange {
  family: Family;
  first: bigint;
  last: bigint;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function wholeSpace(family: Family): AddressRange {
  return { family, first: 0n, last: (1n << BigInt(BITS[family])) - 1n };
}

export function cidrRange(cidr: Cidr): AddressRange {
  return { family: cidr.family, first: cidr.network, last: lastAddress(cidr) };
}

/** `cidr` minus every `except` of the same family: sorted, disjoint ranges. */
export function blockRanges(cidr: Cidr, except: readonly Cidr[]): AddressRange[] {
  let pieces = [cidrRange(cidr)];
  const holes = except.filter((hole) => hole.family === cidr.family).map(cidrRange);
  holes.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  for (const hole of holes) {
    pieces = pieces.flatMap((piece) => {
      if (hole.last < piece.first || hole.first > piece.last) return [piece];
      const rest: AddressRange[] = [];
      if (hole.first > piece.first) rest.push({ ...piece, last: hole.first - 1n });
      if (hole.last < piece.last) rest.push({ ...piece, first: hole.last + 1n });
      return rest;
    });
  }
  return pieces;
}

/**
 * The pieces of each family's whole space, cut at the edges of the given ranges. `families`
 * lists the spaces to cover even when no range of that family is given.
 */
export function partition(ranges: readonly AddressRange[], families: readonly Family[]): AddressRange[] {
  const pieces: AddressRange[] = [];
  for (const family of families) {
    const space = wholeSpace(family);
    const cuts = new Set<bigint>([space.first]);
    for (const range of ranges) {
      if (range.family !== family) continue;
      cuts.add(range.first);
      if (range.last < space.last) cuts.add(range.last + 1n);
    }
    const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    starts.forEach((first, index) => {
      const last = index + 1 < starts.length ? starts[index + 1] - 1n : space.last;
      pieces.push({ family, first, last });
    });
  }
  return pieces;
}

export function contains(outer: AddressRange, inner: AddressRange): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

/** `10.0.0.0-10.255.255.255[External]`, the way netpol-analyzer names an IP peer. */
export function rangeName(range: AddressRange): string {
  return `${formatAddress(range.first, range.family)}-${formatAddress(range.last, range.family)}[External]`;
}
