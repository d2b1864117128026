// Connectivity answers as protocol records: peers found by what the user typed or picked, and
// each policy and rule with the file and line it is written at.

import type { WorkspaceObject } from '../../engine';
import {
  lineOfPath,
  policyLabel,
  ruleLabel,
  type AllowingRule,
  type ConnectivityAnalysis,
  type Peer,
  type SideExplanation,
  type SideVerdict,
} from '../../engine/connectivity';
import { parseCidr } from '../../engine/util/cidr';
import type { Path } from '../../engine/types';
import type { ProtocolLocation, ProtocolRule, ProtocolSide, ProtocolVerdict } from '../../shared/protocol';
import type { WorkspaceAnalysis } from './connectivityInputs';

type AnyPeer = Peer<WorkspaceObject>;

/**
 * The peer a user means: a workload id, an IP range's name, or an address (`203.0.113.7`) or range
 * name, matched to the range that holds it on this side (sources and destinations are cut apart).
 */
export function findPeer(
  analysis: ConnectivityAnalysis<WorkspaceObject, WorkspaceObject>,
  text: unknown,
  side: 'src' | 'dst',
): AnyPeer | undefined {
  if (typeof text !== 'string') return undefined;
  const wanted = text.trim();
  const workload = analysis.workloadPeers.find((peer) => peer.name === wanted);
  if (workload) return workload;
  const ranges = side === 'src' ? analysis.sourceRanges : analysis.destinationRanges;
  const named = ranges.find((peer) => peer.name === wanted);
  if (named) return named;
  // `10.0.0.0-10.255.255.255[External]` or an address: look up its first address.
  const address = wanted.replace(/\[External\]$/, '').split('-')[0];
  const cidr = parseCidr(address.includes('/') ? address : `${address}/${address.includes(':') ? 128 : 32}`);
  if (!cidr) return undefined;
  return ranges.find(
    (peer) =>
      peer.type === 'ip' &&
      peer.range.family === cidr.family &&
      peer.range.first <= cidr.network &&
      cidr.network <= peer.range.last,
  );
}

/** Lines of objects, and of paths inside them, in the files they were read from. */
export class Locator {
  constructor(private readonly built: WorkspaceAnalysis) {}

  at(object: WorkspaceObject, path: Path = []): ProtocolLocation {
    const manifest = this.built.manifests.get(object.file);
    const line = manifest && path.length > 0 ? lineOfPath(manifest, object, path) : object.line;
    return { uri: object.file, line };
  }
}

function toRule(allowing: AllowingRule<WorkspaceObject>, locator: Locator): ProtocolRule {
  const { policy, rule } = allowing;
  return {
    label: ruleLabel(allowing),
    policy: policyLabel(policy),
    direction: rule.direction,
    index: rule.index,
    conn: allowing.conns.toString(),
    location: locator.at(policy.origin, ['spec', rule.direction, rule.index]),
  };
}

export function toSide(side: SideExplanation<WorkspaceObject>, locator: Locator): ProtocolSide {
  return {
    direction: side.direction,
    peer: side.peer,
    isolated: side.isolated,
    outsideCluster: side.outsideCluster,
    policies: side.policies.map((policy) => ({
      id: policyLabel(policy),
      location: locator.at(policy.origin),
    })),
    rules: side.rules.map((rule) => toRule(rule, locator)),
    conn: side.allowed.toString(),
  };
}

export function toVerdict(side: SideVerdict<WorkspaceObject>, locator: Locator): ProtocolVerdict {
  return {
    ...toSide(side, locator),
    passes: side.passes,
    deciding: side.deciding.map((rule) => toRule(rule, locator)),
    reason: side.reason,
  };
}
