// CIDR parsing that follows the API server's lenient parser (host bits allowed, masked away) and
// reports what its strict mode would reject.

export interface Cidr {
  family: 4 | 6;
  /** The address as a big integer (128 bits for IPv6, 32 for IPv4). */
  address: bigint;
  prefixLength: number;
  /** The address with host bits cleared. */
  network: bigint;
  hasHostBits: boolean;
  hasLeadingZeros: boolean;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash === -1 || slash !== text.lastIndexOf('/')) return undefined;
  const ipText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  const v4 = parseIPv4(ipText);
  const v6 = v4 === undefined ? parseIPv6(ipText) : undefined;
  const family = v4 !== undefined ? 4 : v6 !== undefined ? 6 : undefined;
  if (family === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (prefixLength > bits) return undefined;
  const address = (v4 ?? v6) as bigint;
  const network = maskAddress(address, prefixLength, bits);
  return {
    family,
    address,
    prefixLength,
    network,
    hasHostBits: network !== address,
    hasLeadingZeros: /(^|\.)0\d/.test(family === 4 ? ipText : '') || /^0\d/.test(prefixText),
  };
}

export function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

export function parseIPv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    tailV4 = parseIPv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] === '' ? [] : halves[0].split(':');
  const right = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

function maskAddress(address: bigint, prefixLength: number, bits: number): bigint {
  const hostBits = BigInt(bits - prefixLength);
  return (address >> hostBits) << hostBits;
}

export function formatAddress(address: bigint, family: 4 | 6): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address >> shift) & 0xffn)).join('.');
  }
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((address >> shift) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart === -1) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

/** The canonical network form of a CIDR, e.g. `10.0.0.0/24` for `10.0.0.1/24`. */
export function networkCidr(cidr: Cidr): string {
  return `${formatAddress(cidr.network, cidr.family)}/${cidr.prefixLength}`;
}

export function lastAddress(cidr: Cidr): bigint {
  const bits = cidr.family === 4 ? 32 : 128;
  return cidr.network | ((1n << BigInt(bits - cidr.prefixLength)) - 1n);
}

/** The API server's test for `except`: same family, inside `outer`, and strictly longer prefix. */
export function isStrictSubset(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family) return false;
  const bits = outer.family === 4 ? 32 : 128;
  return (
    inner.prefixLength > outer.prefixLength &&
    maskAddress(inner.address, outer.prefixLength, bits) === outer.network
  );
}
