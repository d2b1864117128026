// The API server's defaulting of a NetworkPolicy (it runs before validation), so rules can say
// what a policy really does.

import { asRecord } from '../../util/values';
import type { Direction } from './walk';

export interface PolicyTypes {
  ingress: boolean;
  egress: boolean;
  /** True when `policyTypes` was left out or empty and the API server fills it in. */
  defaulted: boolean;
}

/** `policyTypes` after defaulting: when empty, `Ingress`, plus `Egress` if there are egress rules. */
export function effectivePolicyTypes(policy: Record<string, unknown>): PolicyTypes {
  const spec = asRecord(policy.spec);
  const listed = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
  if (listed.length === 0) {
    const egressRules = Array.isArray(spec.egress) && spec.egress.length > 0;
    return { ingress: true, egress: egressRules, defaulted: true };
  }
  return { ingress: listed.includes('Ingress'), egress: listed.includes('Egress'), defaulted: false };
}

/** Port protocol after defaulting (`TCP` when unset). */
export function portProtocol(port: Record<string, unknown>): string {
  return typeof port.protocol === 'string' ? port.protocol : 'TCP';
}

export const DIRECTION_TYPE: Record<Direction, 'Ingress' | 'Egress'> = {
  ingress: 'Ingress',
  egress: 'Egress',
};
