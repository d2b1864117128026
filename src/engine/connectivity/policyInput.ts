// A NetworkPolicy as the connectivity analysis reads it, from the NetworkPolicy model: the model
// decides what the policy means (defaulting, peers, ports); this only turns its ipBlocks into
// address ranges and its ports into numbers, and words the parts that allow nothing.

import type { Selector } from '../model/labelSelector';
import {
  readNetworkPolicy,
  MAX_PORT,
  MIN_PORT,
  type PeerModel,
  type PolicyRuleModel,
  type PortModel,
} from '../model/networkPolicy';
import { DEFAULT_NAMESPACE } from '../model/workloads';
import { formatPath } from '../parse/yamlPath';
import type { Cidr } from '../util/cidr';
import { blockRanges } from './addresses';
import type { ConnectivityPolicy, PolicyPeer, PolicyPort, PolicyRule } from './types';

/** A policy read once per parsed value (as the model is): unchanged documents are not read again. */
const POLICIES = new WeakMap<Record<string, unknown>, Omit<ConnectivityPolicy, 'origin'>>();

export function readPolicy<O>(value: Record<string, unknown>, origin: O): ConnectivityPolicy<O> {
  let policy = POLICIES.get(value);
  if (!policy) {
    policy = readFresh(value);
    POLICIES.set(value, policy);
  }
  return { ...policy, origin };
}

function readFresh(value: Record<string, unknown>): Omit<ConnectivityPolicy, 'origin'> {
  const model = readNetworkPolicy(value);
  const problems: string[] = [];
  const selector = (parsed: Selector, where: string): Selector => {
    if (parsed.invalid) problems.push(`${where}: ${parsed.invalid}; it selects nothing.`);
    return parsed;
  };
  const rules = (list: readonly PolicyRuleModel[]): PolicyRule[] =>
    list.map((rule) => ({
      direction: rule.direction,
      index: rule.index,
      peers: rule.peers?.map((peer) => toPeer(peer, selector, problems)),
      ports: rule.ports?.map((port) => toPort(port, problems)),
    }));
  return {
    namespace: model.namespace || DEFAULT_NAMESPACE,
    name: model.name ?? '(unnamed)',
    podSelector: selector(model.podSelector.selector, 'spec.podSelector'),
    isolates: { ingress: model.ingress.isolated, egress: model.egress.isolated },
    ingress: rules(model.ingress.rules),
    egress: rules(model.egress.rules),
    problems,
  };
}

function toPeer(
  peer: PeerModel,
  selector: (parsed: Selector, where: string) => Selector,
  problems: string[],
): PolicyPeer {
  const where = formatPath(peer.path);
  const { index } = peer;
  switch (peer.kind) {
    case 'invalid':
      problems.push(
        peer.reason === 'ipBlock-with-selector'
          ? `${where}: ipBlock cannot be combined with a selector; the peer matches nothing.`
          : `${where}: the peer names no podSelector, namespaceSelector or ipBlock; it matches nothing.`,
      );
      return { kind: 'invalid', index };
    case 'ipBlock': {
      const except = peer.except.map((entry) => entry.cidr);
      if (!peer.cidr || except.some((entry) => entry === undefined)) {
        problems.push(`${where}.ipBlock: not a valid CIDR; the peer matches nothing.`);
        return { kind: 'invalid', index };
      }
      return {
        kind: 'ipBlock',
        index,
        cidr: String(peer.cidrText),
        ranges: blockRanges(peer.cidr, except as Cidr[]),
      };
    }
    case 'pods':
      return {
        kind: 'pods',
        index,
        podSelector: peer.podSelector && selector(peer.podSelector, `${where}.podSelector`),
        namespaceSelector:
          peer.namespaceSelector && selector(peer.namespaceSelector, `${where}.namespaceSelector`),
      };
  }
}

function toPort(port: PortModel, problems: string[]): PolicyPort {
  const { index, protocol } = port;
  const spec = port.port;
  if (spec.kind === 'all') return { kind: 'numbers', index, protocol, start: MIN_PORT, end: MAX_PORT };
  if (spec.kind === 'range') return { kind: 'numbers', index, protocol, start: spec.start, end: spec.end };
  if (spec.kind === 'named') return { kind: 'named', index, protocol, name: spec.name };
  // A placeholder name resolves against no container port, like any unknown name.
  if (typeof port.raw.port === 'string') return { kind: 'named', index, protocol, name: port.raw.port };
  problems.push(
    `${formatPath(port.path)}: ports ${String(port.raw.port)}–${String(port.raw.endPort ?? port.raw.port)} are not a valid range; they allow nothing.`,
  );
  return { kind: 'numbers', index, protocol, start: 1, end: 0 };
}
