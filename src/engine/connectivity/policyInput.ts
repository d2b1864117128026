// STAND-IN, to be replaced by the NetworkPolicy model (src/engine/model/networkPolicy.ts) once it
// is merged: reads a NetworkPolicy's plain value into the ConnectivityPolicy the analysis uses.
// Kept deliberately thin; the model is where these facts are meant to live.

import { parseSelector, type Selector } from '../model/labelSelector';
import { DEFAULT_NAMESPACE } from '../model/workloads';
import { effectivePolicyTypes, portProtocol } from '../rules/networkpolicy/defaults';
import { parseCidr, type Cidr } from '../util/cidr';
import { asList, asRecord, isRecord } from '../util/values';
import { blockRanges } from './addresses';
import { MAX_PORT, MIN_PORT } from './ports';
import type { ConnectivityPolicy, Direction, PolicyPeer, PolicyPort, PolicyRule } from './types';

export function readPolicy<O>(value: Record<string, unknown>, origin: O): ConnectivityPolicy<O> {
  const metadata = asRecord(value.metadata);
  const spec = asRecord(value.spec);
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace !== ''
      ? metadata.namespace
      : DEFAULT_NAMESPACE;
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const problems: string[] = [];
  const selector = (raw: unknown, where: string): Selector => {
    const parsed = parseSelector(raw);
    if (parsed.invalid) problems.push(`${where}: ${parsed.invalid}; it selects nothing.`);
    return parsed;
  };
  const types = effectivePolicyTypes(value);
  const rules = (direction: Direction): PolicyRule[] =>
    asList(spec[direction]).map((raw, index) =>
      readRule(direction, asRecord(raw), index, selector, problems),
    );
  return {
    namespace,
    name,
    origin,
    podSelector: selector(spec.podSelector, 'spec.podSelector'),
    isolates: { ingress: types.ingress, egress: types.egress },
    ingress: rules('ingress'),
    egress: rules('egress'),
    problems,
  };
}

function readRule(
  direction: Direction,
  rule: Record<string, unknown>,
  index: number,
  selector: (raw: unknown, where: string) => Selector,
  problems: string[],
): PolicyRule {
  const at = `spec.${direction}[${index}]`;
  const field = direction === 'ingress' ? 'from' : 'to';
  const rawPeers = asList(rule[field]);
  const rawPorts = asList(rule.ports);
  return {
    direction,
    index,
    peers:
      rawPeers.length === 0
        ? undefined
        : rawPeers.map((peer, i) => readPeer(asRecord(peer), i, `${at}.${field}[${i}]`, selector, problems)),
    ports:
      rawPorts.length === 0
        ? undefined
        : rawPorts.map((port, i) => readPort(asRecord(port), i, `${at}.ports[${i}]`, problems)),
  };
}

function readPeer(
  peer: Record<string, unknown>,
  index: number,
  where: string,
  selector: (raw: unknown, where: string) => Selector,
  problems: string[],
): PolicyPeer {
  const hasPods = peer.podSelector !== undefined && peer.podSelector !== null;
  const hasNamespaces = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
  const hasBlock = isRecord(peer.ipBlock);
  if (hasBlock && (hasPods || hasNamespaces)) {
    problems.push(`${where}: ipBlock cannot be combined with a selector; the peer matches nothing.`);
    return { kind: 'invalid', index };
  }
  if (hasBlock) {
    const block = asRecord(peer.ipBlock);
    const cidr = typeof block.cidr === 'string' ? parseCidr(block.cidr) : undefined;
    const except = asList(block.except).map((text) =>
      typeof text === 'string' ? parseCidr(text) : undefined,
    );
    if (!cidr || except.some((entry) => entry === undefined)) {
      problems.push(`${where}.ipBlock: not a valid CIDR; the peer matches nothing.`);
      return { kind: 'invalid', index };
    }
    return { kind: 'ipBlock', index, cidr: String(block.cidr), ranges: blockRanges(cidr, except as Cidr[]) };
  }
  if (!hasPods && !hasNamespaces) {
    problems.push(
      `${where}: the peer names no podSelector, namespaceSelector or ipBlock; it matches nothing.`,
    );
    return { kind: 'invalid', index };
  }
  return {
    kind: 'pods',
    index,
    podSelector: hasPods ? selector(peer.podSelector, `${where}.podSelector`) : undefined,
    namespaceSelector: hasNamespaces
      ? selector(peer.namespaceSelector, `${where}.namespaceSelector`)
      : undefined,
  };
}

function readPort(
  port: Record<string, unknown>,
  index: number,
  where: string,
  problems: string[],
): PolicyPort {
  const protocol = portProtocol(port);
  if (typeof port.port === 'string') {
    return { kind: 'named', index, protocol, name: port.port };
  }
  if (port.port === undefined || port.port === null) {
    return { kind: 'numbers', index, protocol, start: MIN_PORT, end: MAX_PORT };
  }
  const start = Number(port.port);
  const end = typeof port.endPort === 'number' ? port.endPort : start;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < MIN_PORT ||
    end > MAX_PORT ||
    end < start
  ) {
    problems.push(
      `${where}: ports ${String(port.port)}–${String(port.endPort ?? port.port)} are not a valid range; they allow nothing.`,
    );
    return { kind: 'numbers', index, protocol, start: 1, end: 0 };
  }
  return { kind: 'numbers', index, protocol, start, end };
}
