// Iterates the parts of a NetworkPolicy that many rules look at, with their paths. Each list is
// computed once per policy value and shared by the rules (a dozen of them walk the same policy);
// callers must not change the lists they get.

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

/** One cache per walk: keyed by the policy value, which is never changed once read. */
function memoized<T>(walk: (policy: Record<string, unknown>) => T): (policy: Record<string, unknown>) => T {
  const cache = new WeakMap<Record<string, unknown>, T>();
  return (policy) => {
    let found = cache.get(policy);
    if (found === undefined) {
      found = walk(policy);
      cache.set(policy, found);
    }
    return found;
  };
}

export const policyRules = memoized((policy): RuleVisit[] => {
  const spec = asRecord(policy.spec);
  const visits: RuleVisit[] = [];
  for (const direction of ['ingress', 'egress'] as const) {
    asList(spec[direction]).forEach((rule, index) => {
      if (isRecord(rule)) visits.push({ direction, rule, path: ['spec', direction, index] });
    });
  }
  return visits;
});

// Plain loops and literal objects: this runs for every policy of a file being opened.
export const policyPeers = memoized((policy): PeerVisit[] => {
  const visits: PeerVisit[] = [];
  for (const { direction, rule, path } of policyRules(policy)) {
    const field = direction === 'ingress' ? 'from' : 'to';
    asList(rule[field]).forEach((peer, index) => {
      if (isRecord(peer)) visits.push({ direction, rule, path, peer, peerPath: [...path, field, index] });
    });
  }
  return visits;
});

export const policyPorts = memoized((policy): PortVisit[] => {
  const visits: PortVisit[] = [];
  for (const { direction, rule, path } of policyRules(policy)) {
    asList(rule.ports).forEach((port, index) => {
      if (isRecord(port)) visits.push({ direction, rule, path, port, portPath: [...path, 'ports', index] });
    });
  }
  return visits;
});

export interface CidrVisit extends PeerVisit {
  /** Path of `ipBlock.cidr` or of one `ipBlock.except` entry. */
  cidrPath: Path;
  text: unknown;
}

/** Every `ipBlock.cidr` and `ipBlock.except[n]` value, with its path. */
export const policyCidrs = memoized((policy): CidrVisit[] => {
  const visits: CidrVisit[] = [];
  for (const { direction, rule, path, peer, peerPath } of policyPeers(policy)) {
    const block = asRecord(peer.ipBlock);
    const visit = (cidrPath: Path, text: unknown): CidrVisit => ({
      direction,
      rule,
      path,
      peer,
      peerPath,
      cidrPath,
      text,
    });
    visits.push(visit([...peerPath, 'ipBlock', 'cidr'], block.cidr));
    asList(block.except).forEach((text, index) =>
      visits.push(visit([...peerPath, 'ipBlock', 'except', index], text)),
    );
  }
  return visits;
});
