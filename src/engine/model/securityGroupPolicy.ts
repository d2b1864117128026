// What a SecurityGroupPolicy means to the VPC resource controller: which pods it selects (pod
// labels, service account labels, or both ANDed), which security groups they get, and whether the
// controller uses it at all. Its rules (SGP2xx) and Explain read this.

import { parseSelector, type Selector } from './labelSelector';
import { asList, isRecord } from '../util/values';

export interface SelectorReading {
  raw: unknown;
  selector: Selector;
}

export interface SecurityGroupPolicyModel {
  namespace?: string;
  name?: string;
  spec: 'absent' | 'written';
  /** Undefined when not written. Both written: a pod must match both. */
  podSelector?: SelectorReading;
  serviceAccountSelector?: SelectorReading;
  /** `securityGroups` is written but not a mapping (a schema error, SCH002). */
  securityGroupsMalformed: boolean;
  /** `spec.securityGroups.groupIds` as written; undefined when missing. */
  groupIds?: readonly unknown[];
  /** The distinct group IDs (strings). */
  uniqueGroupIds: readonly string[];
  /**
   * Why the controller skips the policy entirely, or undefined when it uses it. It skips a policy
   * with neither selector, or with no security group IDs (filterPodSecurityGroups).
   */
  ignored?: 'no-selector' | 'no-security-groups';
}

export function readSecurityGroupPolicy(value: Record<string, unknown>): SecurityGroupPolicyModel {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const spec = isRecord(value.spec) ? value.spec : {};
  const selector = (raw: unknown): SelectorReading | undefined =>
    raw === undefined ? undefined : { raw, selector: parseSelector(raw) };
  const groups = spec.securityGroups;
  const groupIds = isRecord(groups) && groups.groupIds !== undefined ? asList(groups.groupIds) : undefined;
  const podSelector = selector(spec.podSelector);
  const serviceAccountSelector = selector(spec.serviceAccountSelector);
  return {
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    spec: value.spec === undefined ? 'absent' : 'written',
    podSelector,
    serviceAccountSelector,
    securityGroupsMalformed: groups !== undefined && !isRecord(groups),
    groupIds,
    uniqueGroupIds: [...new Set((groupIds ?? []).filter((id): id is string => typeof id === 'string'))],
    ignored:
      !podSelector && !serviceAccountSelector
        ? 'no-selector'
        : !groupIds || groupIds.length === 0
          ? 'no-security-groups'
          : undefined,
  };
}
