// What a NetworkPolicy means, read once: the API server's defaulting (policyTypes, the TCP
// protocol), the pods it selects, each rule's peers and ports, and the facts that several features
// ask about (does it allow DNS, does it reach a named port the EKS agent cannot resolve). The NP2xx
// and NP3xx rules, Explain, hover, the outline and the connectivity analysis all read this model;
// none of them interprets the raw value again. The EKS agent's port table is in eksPortTable.ts.

import { parseSelector, type Selector } from './labelSelector';
import { parseCidr, type Cidr } from '../util/cidr';
import { isPlaceholder } from '../util/placeholders';
import type { Path } from '../types';
import { asList, isRecord } from '../util/values';

export type Direction = 'ingress' | 'egress';
export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];
export type PolicyType = 'Ingress' | 'Egress';
export const POLICY_TYPE: Readonly<Record<Direction, PolicyType>> = { ingress: 'Ingress', egress: 'Egress' };
/** The key of a rule's peer list: `from` for ingress, `to` for egress. */
export const PEERS_FIELD: Readonly<Record<Direction, 'from' | 'to'>> = { ingress: 'from', egress: 'to' };
/** The API server's default for `ports[].protocol`. */
export const DEFAULT_PROTOCOL = 'TCP';
export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export interface NetworkPolicyModel {
  /** As written; undefined when the manifest leaves it to the namespace it is applied in. */
  namespace?: string;
  name?: string;
  /**
   * `absent` and `empty` (`spec: {}`) both mean every pod of the namespace, isolated for ingress;
   * `not-a-mapping` is a schema error (read as empty here).
   */
  spec: 'absent' | 'empty' | 'written' | 'not-a-mapping';
  podSelector: PodSelectorReading;
  policyTypes: PolicyTypesReading;
  ingress: DirectionModel;
  egress: DirectionModel;
}

export interface PodSelectorReading {
  /** False when `spec.podSelector` is left out, which selects every pod like `{}`. */
  written: boolean;
  /** What it selects (an invalid selector selects nothing). */
  selector: Selector;
  raw: unknown;
}

export type PolicyTypesReading =
  | {
      source: 'listed';
      ingress: boolean;
      egress: boolean;
      /** The valid entries, without duplicates, in the order written. */
      listed: readonly PolicyType[];
    }
  | {
      /** `policyTypes` is absent or `[]`: Ingress, plus Egress when egress rules are listed. */
      source: 'defaulted';
      ingress: true;
      egress: boolean;
      written: 'absent' | 'empty';
      /** Why Egress was or was not added. */
      egressRules: 'listed' | 'empty-list' | 'absent';
    };

export interface DirectionModel {
  direction: Direction;
  /** The selected pods are isolated for this direction by this policy (policyTypes after defaulting). */
  isolated: boolean;
  /** The rule list is written in the manifest, even as `[]`. */
  listed: boolean;
  /** Written as `[]`: this policy allows nothing in the direction (the opposite of `[{}]`). */
  emptyList: boolean;
  /** The rules in order (entries that are not mappings are skipped; `index` keeps their place). */
  rules: readonly PolicyRuleModel[];
}

export interface PolicyRuleModel {
  direction: Direction;
  /** Index in `spec.ingress` / `spec.egress`. */
  index: number;
  path: Path;
  raw: Record<string, unknown>;
  /** The rule counts: its direction is isolated (else the API ignores it, see NP201). */
  effective: boolean;
  /** `from`/`to` is written as a list, even `[]`. */
  peersListed: boolean;
  /** Undefined when `from`/`to` is missing or empty: every source or destination. */
  peers?: readonly PeerModel[];
  /** Undefined when `ports` is missing or empty: every port of every protocol. */
  ports?: readonly PortModel[];
}

interface PeerBase {
  index: number;
  path: Path;
  raw: Record<string, unknown>;
}

export interface PodsPeer extends PeerBase {
  kind: 'pods';
  /** Undefined: every pod (of the selected namespaces). */
  podSelector?: Selector;
  /** Undefined: the policy's own namespace. */
  namespaceSelector?: Selector;
}

export interface IpBlockPeer extends PeerBase {
  kind: 'ipBlock';
  cidrText: unknown;
  /** Undefined when the cidr is not a valid CIDR (or is a placeholder). */
  cidr?: Cidr;
  except: readonly { text: unknown; path: Path; cidr?: Cidr }[];
  /** The cidr or an except entry is a template placeholder. */
  templated: boolean;
}

/** A peer the API server rejects; it matches nothing. */
export interface InvalidPeer extends PeerBase {
  kind: 'invalid';
  reason: 'empty' | 'ipBlock-with-selector' | 'not-a-mapping';
}

export type PeerModel = PodsPeer | IpBlockPeer | InvalidPeer;

export interface PortModel {
  index: number;
  path: Path;
  raw: Record<string, unknown>;
  /** After defaulting (`TCP` when unset); as written otherwise, which may be a placeholder. */
  protocol: string;
  protocolWritten: boolean;
  /** The protocol or the port is a template placeholder: what it allows is known after rendering. */
  templated: boolean;
  port: PortSpec;
}

export type PortSpec =
  /** No `port`: every port of the protocol. */
  | { kind: 'all' }
  /** `port`, or `port`–`endPort`. */
  | { kind: 'range'; start: number; end: number }
  /** Resolved against the container ports of the pods at the other end (see NP301 for EKS). */
  | { kind: 'named'; name: string }
  | { kind: 'templated' }
  /** Rejected by the API server (NP101/NP102); allows nothing. */
  | { kind: 'invalid' };

const MODELS = new WeakMap<Record<string, unknown>, NetworkPolicyModel>();

/**
 * The model of a NetworkPolicy's plain value. Values are shared by the validation cache and read
 * by many rules, so the model is kept per value object.
 */
export function readNetworkPolicy(value: Record<string, unknown>): NetworkPolicyModel {
  let model = MODELS.get(value);
  if (!model) {
    model = buildModel(value);
    MODELS.set(value, model);
  }
  return model;
}

function buildModel(value: Record<string, unknown>): NetworkPolicyModel {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const rawSpec = value.spec;
  const spec = isRecord(rawSpec) ? rawSpec : {};
  const policyTypes = readPolicyTypes(spec);
  const direction = (which: Direction): DirectionModel => {
    const isolated = policyTypes[which];
    const rules = asList(spec[which]).flatMap((raw, index) =>
      isRecord(raw) ? [readRule(which, raw, index, isolated)] : [],
    );
    const listed = Array.isArray(spec[which]);
    return {
      direction: which,
      isolated,
      listed,
      emptyList: listed && asList(spec[which]).length === 0,
      rules,
    };
  };
  return {
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    spec:
      rawSpec === undefined
        ? 'absent'
        : !isRecord(rawSpec)
          ? 'not-a-mapping'
          : Object.keys(rawSpec).length === 0
            ? 'empty'
            : 'written',
    podSelector: {
      written: spec.podSelector !== undefined,
      selector: parseSelector(spec.podSelector),
      raw: spec.podSelector,
    },
    policyTypes,
    ingress: direction('ingress'),
    egress: direction('egress'),
  };
}

function readPolicyTypes(spec: Record<string, unknown>): PolicyTypesReading {
  const written = spec.policyTypes;
  if (Array.isArray(written) && written.length > 0) {
    const listed = [...new Set(written.filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress'))];
    return {
      source: 'listed',
      ingress: listed.includes('Ingress'),
      egress: listed.includes('Egress'),
      listed,
    };
  }
  const egressRules =
    asList(spec.egress).length > 0 ? 'listed' : Array.isArray(spec.egress) ? 'empty-list' : 'absent';
  return {
    source: 'defaulted',
    ingress: true,
    egress: egressRules === 'listed',
    written: Array.isArray(written) ? 'empty' : 'absent',
    egressRules,
  };
}

function readRule(
  direction: Direction,
  raw: Record<string, unknown>,
  index: number,
  effective: boolean,
): PolicyRuleModel {
  const path: Path = ['spec', direction, index];
  const field = PEERS_FIELD[direction];
  const rawPeers = asList(raw[field]);
  const rawPorts = asList(raw.ports);
  return {
    direction,
    index,
    path,
    raw,
    effective,
    peersListed: Array.isArray(raw[field]),
    peers:
      rawPeers.length === 0 ? undefined : rawPeers.map((peer, i) => readPeer(peer, i, [...path, field, i])),
    ports:
      rawPorts.length === 0
        ? undefined
        : rawPorts.flatMap((port, i) => (isRecord(port) ? [readPort(port, i, [...path, 'ports', i])] : [])),
  };
}

function readPeer(raw: unknown, index: number, path: Path): PeerModel {
  if (!isRecord(raw)) return { kind: 'invalid', reason: 'not-a-mapping', index, path, raw: {} };
  const base = { index, path, raw };
  const hasPods = raw.podSelector !== undefined;
  const hasNamespaces = raw.namespaceSelector !== undefined;
  if (raw.ipBlock !== undefined) {
    if (hasPods || hasNamespaces) return { kind: 'invalid', reason: 'ipBlock-with-selector', ...base };
    const block = isRecord(raw.ipBlock) ? raw.ipBlock : {};
    const templated = (text: unknown) => typeof text === 'string' && isPlaceholder(text);
    const cidrOf = (text: unknown) =>
      typeof text === 'string' && !templated(text) ? parseCidr(text) : undefined;
    const except = asList(block.except).map((text, i) => ({
      text,
      path: [...path, 'ipBlock', 'except', i],
      cidr: cidrOf(text),
    }));
    return {
      kind: 'ipBlock',
      ...base,
      cidrText: block.cidr,
      cidr: cidrOf(block.cidr),
      except,
      templated: templated(block.cidr) || except.some((entry) => templated(entry.text)),
    };
  }
  if (!hasPods && !hasNamespaces) return { kind: 'invalid', reason: 'empty', ...base };
  return {
    kind: 'pods',
    ...base,
    podSelector: hasPods ? parseSelector(raw.podSelector) : undefined,
    namespaceSelector: hasNamespaces ? parseSelector(raw.namespaceSelector) : undefined,
  };
}

function readPort(raw: Record<string, unknown>, index: number, path: Path): PortModel {
  const protocolWritten = raw.protocol !== undefined;
  const protocol = typeof raw.protocol === 'string' ? raw.protocol : DEFAULT_PROTOCOL;
  const port = readPortSpec(raw.port, raw.endPort);
  const templatedProtocol = typeof raw.protocol === 'string' && isPlaceholder(raw.protocol);
  return {
    index,
    path,
    raw,
    protocol,
    protocolWritten,
    templated: templatedProtocol || port.kind === 'templated',
    port,
  };
}

function readPortSpec(port: unknown, endPort: unknown): PortSpec {
  if (port === undefined) return { kind: 'all' };
  if (typeof port === 'string')
    return isPlaceholder(port) ? { kind: 'templated' } : { kind: 'named', name: port };
  // An unquoted Helm expression (`port: {{ .Values.port }}`) reads as a mapping.
  if (isRecord(port)) return { kind: 'templated' };
  if (typeof port !== 'number') return { kind: 'invalid' };
  const end = typeof endPort === 'number' ? endPort : port;
  const valid =
    Number.isInteger(port) && Number.isInteger(end) && port >= MIN_PORT && end <= MAX_PORT && end >= port;
  return valid ? { kind: 'range', start: port, end } : { kind: 'invalid' };
}

/** One peer value read on its own, for renderings of part of a policy (the outline). */
export function readPeerValue(raw: unknown): PeerModel {
  return readPeer(raw, 0, []);
}

/** A `ports` list read on its own, for renderings of part of a policy (the outline). */
export function readPortValues(raw: readonly unknown[]): PortModel[] {
  return raw.flatMap((port, index) => (isRecord(port) ? [readPort(port, index, ['ports', index])] : []));
}

/** Both directions' rules, ingress first. */
export function policyRules(model: NetworkPolicyModel): readonly PolicyRuleModel[] {
  return [...model.ingress.rules, ...model.egress.rules];
}

/** Every port entry of every rule. */
export function policyPorts(model: NetworkPolicyModel): readonly PortModel[] {
  return policyRules(model).flatMap((rule) => rule.ports ?? []);
}

/** Every peer of every rule that is a mapping (what the API server validates field by field). */
export function policyPeers(model: NetworkPolicyModel): readonly PeerModel[] {
  return policyRules(model).flatMap((rule) =>
    (rule.peers ?? []).filter((peer) => !(peer.kind === 'invalid' && peer.reason === 'not-a-mapping')),
  );
}

/** Every `ipBlock.cidr` and `ipBlock.except[n]` as written, with its path. */
export function ipBlockCidrs(model: NetworkPolicyModel): { path: Path; text: unknown; peer: IpBlockPeer }[] {
  return policyPeers(model).flatMap((peer) =>
    peer.kind !== 'ipBlock'
      ? []
      : [
          { path: [...peer.path, 'ipBlock', 'cidr'], text: peer.cidrText, peer },
          ...peer.except.map((entry) => ({ path: entry.path, text: entry.text, peer })),
        ],
  );
}

export function directionOf(model: NetworkPolicyModel, direction: Direction): DirectionModel {
  return direction === 'ingress' ? model.ingress : model.egress;
}

/** A rule with no peers and no ports (`- {}`): it allows everything in its direction. */
export function allowsEverything(rule: PolicyRuleModel): boolean {
  return rule.peers === undefined && rule.ports === undefined;
}

/** Whether some peer of the rule can match anything (a rule whose peers are all invalid allows nothing). */
export function reachesSomething(rule: PolicyRuleModel): boolean {
  return rule.peers === undefined || rule.peers.some((peer) => peer.kind !== 'invalid');
}
