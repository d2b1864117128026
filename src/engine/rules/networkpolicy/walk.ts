// Iterates the parts of a NetworkPolicy that many rules look at, with their paths.

import type { Path } from '../../types';
import { asList, asRecord, isRecord } from '../../util/values';

export type Direction = 'ingress' | 'egress';

export interface RuleVisit {
  direction: Direction;
  rule: Record<string, unknown>;
  path: Path;
}

export interface PeerVisit extends RuleVisit {
  peer: Record<string, unknown>;
  peerPath: Path;
}

export interface PortVisit extends RuleVisit {
  port: Record<string, unknown>;
  portPath: Path;
}

export function policyRules(policy: Record<string, unknown>): RuleVisit[] {
  const spec = asRecord(policy.spec);
  const visits: RuleVisit[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    asList(spec[direction]).forEach((rule, index) => {
      if (isRecord(rule)) visits.push({ direction, rule, path: ['spec', direction, index] });
    });
  }
  return visits;
}

export function policyPeers(policy: Record<string, unknown>): PeerVisit[] {
  return policyRules(policy).flatMap((visit) => {
    const field = visit.direction === 'ingress' ? 'from' : 'to';
    return asList(visit.rule[field]).flatMap((peer, index) =>
      isRecord(peer) ? [{ ...visit, peer, peerPath: [...visit.path, field, index] }] : [],
    );
  });
}

export function policyPorts(policy: Record<string, unknown>): PortVisit[] {
  return policyRules(policy).flatMap((visit) =>
    asList(visit.rule.ports).flatMap((port, index) =>
      isRecord(port) ? [{ ...visit, port, portPath: [...visit.path, 'ports', index] }] : [],
    ),
  );
}

export interface CidrVisit extends PeerVisit {
  /** Path of `ipBlock.cidr` or of one `ipBlock.except` entry. */
  cidrPath: Path;
  text: unknown;
}

/** Every `ipBlock.cidr` and `ipBlock.except[n]` value, with its path. */
export function policyCidrs(policy: Record<string, unknown>): CidrVisit[] {
  return policyPeers(policy).flatMap((visit) => {
    const block = asRecord(visit.peer.ipBlock);
    return [
      { ...visit, cidrPath: [...visit.peerPath, 'ipBlock', 'cidr'], text: block.cidr },
      ...asList(block.except).map((text, index) => ({
        ...visit,
        cidrPath: [...visit.peerPath, 'ipBlock', 'except', index],
        text,
      })),
    ];
  });
}
