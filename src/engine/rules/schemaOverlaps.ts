// Schema violations that a rule reports itself, in the API server's own words and order, so the
// schema rules (SCHxxx) do not say the same thing a second time. Each rule lists what it owns in
// its `ownsViolations` metadata; this filter reads them.

import type { SchemaViolation } from '../schema/schemaRegistry';
import type { Path } from '../types';
import { RULES } from './index';
import type { OwnedViolation } from './types';

const OWNED: readonly OwnedViolation[] = RULES.flatMap((rule) => rule.ownsViolations ?? []);

export function withoutOverlaps(
  violations: readonly SchemaViolation[],
  value: Record<string, unknown>,
): SchemaViolation[] {
  return violations.filter((violation) => !OWNED.some((owned) => owns(owned, violation, value)));
}

function owns(owned: OwnedViolation, violation: SchemaViolation, value: Record<string, unknown>): boolean {
  if (owned.keyword !== violation.keyword) return false;
  if (!pathEndsWith(violation.path, owned.pathEnd, owned.exact === true)) return false;
  return owned.when ? owned.when(value) : true;
}

function pathEndsWith(path: Path, end: OwnedViolation['pathEnd'], exact: boolean): boolean {
  if (exact ? path.length !== end.length : path.length < end.length) return false;
  const offset = path.length - end.length;
  return end.every((expected, index) => {
    const actual = path[offset + index];
    if (expected === '*') return true;
    if (expected === '#') return typeof actual === 'number';
    return actual === expected;
  });
}
