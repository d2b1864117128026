// What a label selector (metav1.LabelSelector) selects, with Kubernetes semantics: `matchLabels` and
// `matchExpressions` are ANDed; an empty selector selects everything; `NotIn` and `DoesNotExist`
// select objects that lack the key. Validation (and its wording) lives in rules/labelSelector.ts;
// an invalid selector here selects nothing, as the API server would never have stored it.

import { asList, isRecord } from '../util/values';

export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
export type SelectorOperator = (typeof SELECTOR_OPERATORS)[number];

/** Labels of an object: key → value. */
export type Labels = Readonly<Record<string, string>>;

export interface Requirement {
  key: string;
  operator: SelectorOperator;
  /** Sorted and without duplicates; empty for Exists/DoesNotExist. */
  values: readonly string[];
}

export interface Selector {
  /** ANDed; empty means the selector selects every object. */
  requirements: readonly Requirement[];
  /** Why the selector is not valid (then it selects nothing); undefined when valid. */
  invalid?: string;
}

export const SELECT_ALL: Selector = { requirements: [] };

/**
 * Parses a selector value. `undefined` (an absent or `null` selector) is the empty selector, as for a
 * NetworkPolicy's `spec.podSelector`; callers decide themselves what an absent peer selector means.
 */
export function parseSelector(raw: unknown): Selector {
  if (raw === undefined || raw === null) return SELECT_ALL;
  if (!isRecord(raw)) return { requirements: [], invalid: 'the selector is not a mapping' };
  const requirements: Requirement[] = [];
  if (raw.matchLabels !== undefined && raw.matchLabels !== null) {
    if (!isRecord(raw.matchLabels)) return { requirements: [], invalid: 'matchLabels is not a mapping' };
    for (const [key, value] of Object.entries(raw.matchLabels)) {
      const text = labelText(value);
      if (text === undefined) return { requirements: [], invalid: `matchLabels.${key} is not a string` };
      requirements.push({ key, operator: 'In', values: [text] });
    }
  }
  if (raw.matchExpressions !== undefined && !Array.isArray(raw.matchExpressions)) {
    return { requirements: [], invalid: 'matchExpressions is not a list' };
  }
  for (const [index, expression] of asList(raw.matchExpressions).entries()) {
    const parsed = parseExpression(expression);
    if (typeof parsed === 'string') {
      return { requirements: [], invalid: `matchExpressions[${index}]: ${parsed}` };
    }
    requirements.push(parsed);
  }
  return { requirements };
}

function parseExpression(expression: unknown): Requirement | string {
  if (!isRecord(expression)) return 'not a mapping';
  const { key, operator } = expression;
  if (typeof key !== 'string' || key === '') return 'key is missing';
  if (typeof operator !== 'string' || !(SELECTOR_OPERATORS as readonly string[]).includes(operator)) {
    return `${JSON.stringify(operator)} is not a valid operator`;
  }
  const values: string[] = [];
  for (const value of asList(expression.values)) {
    const text = labelText(value);
    if (text === undefined) return 'values must be strings';
    values.push(text);
  }
  const op = operator as SelectorOperator;
  const needsValues = op === 'In' || op === 'NotIn';
  if (needsValues && values.length === 0) return `${op} needs at least one value`;
  if (!needsValues && values.length > 0) return `${op} takes no values`;
  return { key, operator: op, values: [...new Set(values)].sort() };
}

/** Label values as YAML may give them (`version: 1`); kubectl would stringify a quoted number only. */
function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Labels from a `metadata.labels` value, keeping only scalar values. */
export function labelsOf(raw: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isRecord(raw)) return labels;
  for (const [key, value] of Object.entries(raw)) {
    const text = labelText(value);
    if (text !== undefined) labels[key] = text;
  }
  return labels;
}

/** Whether a selector value is written without conditions (`{}`, or empty parts): it selects everything. */
export function isEmptySelector(raw: unknown): boolean {
  const record = isRecord(raw) ? raw : {};
  const labels = isRecord(record.matchLabels) ? record.matchLabels : {};
  return Object.keys(labels).length === 0 && asList(record.matchExpressions).length === 0;
}

export function isSelectAll(selector: Selector): boolean {
  return selector.invalid === undefined && selector.requirements.length === 0;
}

export function matches(selector: Selector, labels: Labels): boolean {
  if (selector.invalid !== undefined) return false;
  for (const requirement of selector.requirements) {
    if (!requirementMatches(requirement, labels)) return false;
  }
  return true;
}

function requirementMatches({ key, operator, values }: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (operator) {
    case 'In':
      return has && values.includes(labels[key]);
    case 'NotIn':
      return !has || !values.includes(labels[key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * Whether every object that `b` selects is also selected by `a`. Decided exactly for valid
 * selectors (label values are an unbounded set, so `NotIn` never covers a finite `In`); false
 * whenever either selector is invalid, so `true` can be relied on.
 */
export function covers(a: Selector, b: Selector): boolean {
  if (a.invalid !== undefined || b.invalid !== undefined) return false;
  const inB = constraintsByKey(b);
  if (inB === 'unsatisfiable') return true;
  const inA = constraintsByKey(a);
  if (inA === 'unsatisfiable') return false;
  for (const [key, constraintA] of inA) {
    if (!implies(inB.get(key) ?? UNCONSTRAINED, constraintA)) return false;
  }
  return true;
}

/**
 * What one key may look like: whether it must be present, absent or either, and, when present,
 * which values it may have: a finite set (`only`) or anything but a finite set (`not`).
 */
interface KeyConstraint {
  presence: 'any' | 'present' | 'absent';
  only?: ReadonlySet<string>;
  not: ReadonlySet<string>;
}

const UNCONSTRAINED: KeyConstraint = { presence: 'any', not: new Set() };

function constraintsByKey(selector: Selector): Map<string, KeyConstraint> | 'unsatisfiable' {
  const byKey = new Map<string, KeyConstraint>();
  for (const requirement of selector.requirements) {
    const next = combine(byKey.get(requirement.key) ?? UNCONSTRAINED, toConstraint(requirement));
    if (next === 'unsatisfiable') return next;
    byKey.set(requirement.key, next);
  }
  return byKey;
}

function toConstraint({ operator, values }: Requirement): KeyConstraint {
  switch (operator) {
    case 'In':
      return { presence: 'present', only: new Set(values), not: new Set() };
    case 'NotIn':
      return { presence: 'any', not: new Set(values) };
    case 'Exists':
      return { presence: 'present', not: new Set() };
    case 'DoesNotExist':
      return { presence: 'absent', not: new Set() };
  }
}

/** Both constraints at once, normalised so that a key that can hold no value must be absent. */
function combine(x: KeyConstraint, y: KeyConstraint): KeyConstraint | 'unsatisfiable' {
  if (
    (x.presence === 'present' && y.presence === 'absent') ||
    (x.presence === 'absent' && y.presence === 'present')
  )
    return 'unsatisfiable';
  let presence: KeyConstraint['presence'] = x.presence === 'any' ? y.presence : x.presence;
  const not = new Set([...x.not, ...y.not]);
  let only: Set<string> | undefined;
  if (x.only || y.only) {
    const candidates =
      x.only && y.only ? [...x.only].filter((v) => y.only?.has(v)) : [...(x.only ?? y.only ?? [])];
    only = new Set(candidates.filter((value) => !not.has(value)));
  }
  if (only && only.size === 0) {
    if (presence === 'present') return 'unsatisfiable';
    presence = 'absent';
  }
  if (presence === 'absent') return { presence, not: new Set() };
  return { presence, only, not: only ? new Set() : not };
}

/** Whether every label state allowed by `b` is allowed by `a` (for one key). */
function implies(b: KeyConstraint, a: KeyConstraint): boolean {
  const bAllowsAbsent = b.presence !== 'present';
  const aAllowsAbsent = a.presence !== 'present';
  if (bAllowsAbsent && !aAllowsAbsent) return false;
  if (b.presence === 'absent') return true;
  // b allows the key to be present with some values; a must allow each of them.
  if (a.presence === 'absent') return false;
  if (b.only) {
    if (a.only) return [...b.only].every((value) => a.only?.has(value));
    return [...b.only].every((value) => !a.not.has(value));
  }
  // b allows all but finitely many values: a must too, and exclude no more than b does.
  if (a.only) return false;
  return [...a.not].every((value) => b.not.has(value));
}
