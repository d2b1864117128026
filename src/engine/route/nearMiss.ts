// Near misses of our kinds and API groups. A document that names one of our kinds under a group
// that is almost ours (`vpcresources.amazonaws.com`, `crd.k8s.aws`, `networking.k8s.aws`), or
// almost one of our kinds under our group (`NetworkPolicies`, `EniConfig`), can never be applied:
// it is a mistake to report, not someone else's resource. Other groups' NetworkPolicy (Calico's
// `projectcalico.org`, Antrea's `crd.antrea.io`, Cilium's) are far from ours and stay silent.

import { editDistance } from '../util/strings';

/** Longer names are not compared: a kind or group is short, and the comparison is quadratic. */
const MAX_COMPARED_LENGTH = 100;

/**
 * A group reduced to what tells AWS and Kubernetes groups apart when they are mixed up:
 * `amazonaws.com` and `k8s.aws` both become `aws`, and `k8s.` goes.
 */
function groupStem(group: string): string {
  return group
    .toLowerCase()
    .replace(/amazonaws\.com$/, 'aws')
    .replace(/(^|\.)k8s\./g, '$1');
}

/** Whether `group` is not `expected` but close enough to be a slip: a mixed-up or misspelled name. */
export function isNearMissGroup(group: string, expected: string): boolean {
  if (group === expected || group === '' || group.length > MAX_COMPARED_LENGTH) return false;
  return editDistance(groupStem(group), groupStem(expected)) <= 3;
}

/** Our kinds this long or longer are also matched with one or two typos. */
const TYPO_MIN_LENGTH = 12;

/** Whether `kind` is not `expected` but a slip for it: other capitalisation, a plural, or a typo. */
export function isNearMissKind(kind: string, expected: string): boolean {
  if (kind === expected || kind.length > MAX_COMPARED_LENGTH) return false;
  const lower = kind.toLowerCase();
  const target = expected.toLowerCase();
  if (lower === target) return true;
  const plurals = [`${target}s`, `${target}es`, target.endsWith('y') ? `${target.slice(0, -1)}ies` : ''];
  if (plurals.includes(lower)) return true;
  return expected.length >= TYPO_MIN_LENGTH && editDistance(lower, target) <= 2;
}
