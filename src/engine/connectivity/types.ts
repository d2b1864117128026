// What the connectivity analysis needs to know about a NetworkPolicy, after the API server's
// defaulting: whom it selects, which directions it isolates, and each rule's peers and ports.
// policyInput.ts reads it from the NetworkPolicy model (src/engine/model/networkPolicy.ts).

import type { Selector } from '../model/labelSelector';
import type { Direction } from '../model/networkPolicy';
import type { AddressRange } from './addresses';

export type { Direction };

export interface PolicyRef<O = unknown> {
  /** `default` when the manifest leaves it out. */
  namespace: string;
  name: string;
  /** Where the policy was read from (file, document), passed through untouched. */
  origin: O;
}

export interface ConnectivityPolicy<O = unknown> extends PolicyRef<O> {
  podSelector: Selector;
  /** policyTypes after defaulting: Ingress always when unset, Egress when egress rules are listed. */
  isolates: Readonly<Record<Direction, boolean>>;
  ingress: readonly PolicyRule[];
  egress: readonly PolicyRule[];
  /** Parts the API server would reject, each one sentence; they allow nothing. */
  problems: readonly string[];
}

export interface PolicyRule {
  direction: Direction;
  /** Index in `spec.ingress` / `spec.egress`. */
  index: number;
  /** Undefined when `from`/`to` is missing or empty: every peer, inside or outside the cluster. */
  peers?: readonly PolicyPeer[];
  /** Undefined when `ports` is missing or empty: every port of every protocol. */
  ports?: readonly PolicyPort[];
}

export type PolicyPeer =
  | {
      kind: 'pods';
      index: number;
      /** Undefined: every pod (of the selected namespaces). */
      podSelector?: Selector;
      /** Undefined: the policy's own namespace. */
      namespaceSelector?: Selector;
    }
  | {
      kind: 'ipBlock';
      index: number;
      /** `cidr` as written, for messages. */
      cidr: string;
      /** cidr minus except. */
      ranges: readonly AddressRange[];
    }
  /** A peer the API server would reject; it matches nothing. */
  | { kind: 'invalid'; index: number };

export type PolicyPort =
  | {
      kind: 'numbers';
      index: number;
      /** `TCP` when unset. */
      protocol: string;
      /** 1–65535 when `port` is unset; `port`–`endPort` for a range. */
      start: number;
      end: number;
    }
  | {
      kind: 'named';
      index: number;
      protocol: string;
      /** Resolved against the destination pod's container ports of this name and protocol. */
      name: string;
    };
