// Why a flow is allowed or not: for each side (the source's egress, the destination's ingress), the
// policies that isolate it and the rules that match the other end, with what each allows. And the
// question "can A reach B on PROTO/PORT?" answered with the deciding rules or the missing piece.

import type { ConnectivityAnalysis, Peer } from './analysis';
import { ConnectionSet, compareText } from './ports';
import type { ConnectivityPolicy, Direction, PolicyRef, PolicyRule } from './types';

export interface AllowingRule<P = unknown> {
  policy: PolicyRef<P>;
  rule: PolicyRule;
  /** What this rule allows between the two ends. */
  conns: ConnectionSet;
}

export interface SideExplanation<P = unknown> {
  direction: Direction;
  /** The peer whose policies decide this side. */
  peer: string;
  /** False when no policy isolates this side (then it allows everything), or the peer is an IP range. */
  isolated: boolean;
  /** The peer is outside the cluster; no NetworkPolicy applies to it. */
  outsideCluster: boolean;
  /** The policies that isolate this side. */
  policies: PolicyRef<P>[];
  /** The rules of those policies that match the other end. */
  rules: AllowingRule<P>[];
  allowed: ConnectionSet;
}

export interface FlowExplanation<P = unknown> {
  src: string;
  dst: string;
  egress: SideExplanation<P>;
  ingress: SideExplanation<P>;
  /** Both sides at once. */
  allowed: ConnectionSet;
}

export function explainFlow<W, P>(
  analysis: ConnectivityAnalysis<W, P>,
  src: Peer<W>,
  dst: Peer<W>,
): FlowExplanation<P> {
  const egress = explainSide(analysis, 'egress', src, dst);
  const ingress = explainSide(analysis, 'ingress', dst, src);
  return {
    src: src.name,
    dst: dst.name,
    egress,
    ingress,
    allowed: egress.allowed.intersect(ingress.allowed),
  };
}

function explainSide<W, P>(
  analysis: ConnectivityAnalysis<W, P>,
  direction: Direction,
  self: Peer<W>,
  other: Peer<W>,
): SideExplanation<P> {
  const base = { direction, peer: self.name, policies: [], rules: [] };
  if (self.type !== 'workload') {
    return { ...base, isolated: false, outsideCluster: true, allowed: ConnectionSet.ALL };
  }
  // By name, so the answer reads the same whatever order the files were read in.
  const policies = analysis
    .policiesIsolating(self.index, direction)
    .map(refOf)
    .sort((a, b) => compareText(policyLabel(a), policyLabel(b)));
  if (policies.length === 0)
    return { ...base, isolated: false, outsideCluster: false, allowed: ConnectionSet.ALL };
  const dst = direction === 'ingress' ? self : other;
  const rules: AllowingRule<P>[] = [];
  let allowed = ConnectionSet.NONE;
  for (const prepared of analysis.rulesOf(self.index, direction)) {
    if (!analysis.ruleMatches(prepared, other)) continue;
    const conns = analysis.ruleConnections(prepared, dst);
    if (conns.isEmpty()) continue;
    rules.push({ policy: refOf(prepared.policy), rule: prepared.rule, conns });
    allowed = allowed.union(conns);
  }
  return { ...base, policies, isolated: true, outsideCluster: false, rules, allowed };
}

function refOf<P>(policy: ConnectivityPolicy<P>): PolicyRef<P> {
  return { namespace: policy.namespace, name: policy.name, origin: policy.origin };
}

export interface SideVerdict<P = unknown> extends SideExplanation<P> {
  /** This side lets the connection through. */
  passes: boolean;
  /** The rules that allow this protocol and port (empty when not isolated or when it fails). */
  deciding: AllowingRule<P>[];
  /** One sentence saying why. */
  reason: string;
}

export interface ReachAnswer<P = unknown> {
  allowed: boolean;
  protocol: string;
  port: number;
  egress: SideVerdict<P>;
  ingress: SideVerdict<P>;
  /** One or two sentences: yes/no, with the deciding rules or the missing piece. */
  summary: string;
}

/** Can `src` open a connection to `dst` on `protocol`/`port`? */
export function canReach<W, P>(
  analysis: ConnectivityAnalysis<W, P>,
  src: Peer<W>,
  dst: Peer<W>,
  protocol: string,
  port: number,
): ReachAnswer<P> {
  const explanation = explainFlow(analysis, src, dst);
  const what = `${protocol} ${port}`;
  const egress = verdict(explanation.egress, protocol, port, `to ${dst.name} on ${what}`);
  const ingress = verdict(explanation.ingress, protocol, port, `from ${src.name} on ${what}`);
  const allowed = egress.passes && ingress.passes;
  const failing = [egress, ingress].filter((side) => !side.passes).map((side) => side.reason);
  const summary = allowed
    ? `Yes: ${src.name} can reach ${dst.name} on ${what}. ${egress.reason} ${ingress.reason}`
    : `No: ${src.name} cannot reach ${dst.name} on ${what}: ${failing.join(' ')}`;
  return { allowed, protocol, port, egress, ingress, summary };
}

function verdict<P>(
  side: SideExplanation<P>,
  protocol: string,
  port: number,
  target: string,
): SideVerdict<P> {
  const word = side.direction;
  if (side.outsideCluster) {
    return {
      ...side,
      passes: true,
      deciding: [],
      reason: `${side.peer} is outside the cluster; no policy limits its ${word}.`,
    };
  }
  if (!side.isolated) {
    return {
      ...side,
      passes: true,
      deciding: [],
      reason: `No NetworkPolicy isolates ${side.peer} for ${word}, so its ${word} is not restricted.`,
    };
  }
  const deciding = side.rules.filter((rule) => rule.conns.contains(protocol, port));
  if (deciding.length > 0) {
    return {
      ...side,
      passes: true,
      deciding,
      reason: `${capitalise(word)} allowed by ${deciding.map(ruleLabel).join(', ')}.`,
    };
  }
  const policies = side.policies.map(policyLabel);
  return {
    ...side,
    passes: false,
    deciding,
    reason: `No ${word} rule of ${joinOr(policies)} allows it (${word} ${target}).`,
  };
}

export function policyLabel(policy: PolicyRef): string {
  return `${policy.namespace}/${policy.name}`;
}

/** `shop/allow-db ingress rule 1` (rules counted from 1, as people count them). */
export function ruleLabel(allowing: { policy: PolicyRef; rule: PolicyRule }): string {
  return `${policyLabel(allowing.policy)} ${allowing.rule.direction} rule ${allowing.rule.index + 1}`;
}

function joinOr(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
