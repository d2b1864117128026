// Schema violations that a rule reports itself, in the API server's own words and order, so the
// schema rules (SCHxxx) do not say the same thing a second time.

import type { SchemaViolation } from '../schema/schemaRegistry';
import { asList, valueAt } from '../util/values';

export function withoutOverlaps(
  violations: readonly SchemaViolation[],
  value: Record<string, unknown>,
): SchemaViolation[] {
  const tooManyPolicyTypes = asList(valueAt(value, ['spec', 'policyTypes'])).length > 2;
  return violations.filter((violation) => {
    if (violation.keyword !== 'enum') return true;
    const path = violation.path;
    const last = path[path.length - 1];
    // Selector operators: NP120/SGP102 say "not a valid selector operator", as the API server does.
    if (last === 'operator' && path[path.length - 3] === 'matchExpressions') return false;
    // More than two policyTypes: the API server stops there (NP112) and does not check the entries.
    if (tooManyPolicyTypes && path.length === 3 && path[0] === 'spec' && path[1] === 'policyTypes')
      return false;
    return true;
  });
}
