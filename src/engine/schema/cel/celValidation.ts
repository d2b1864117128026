// The API server's checks that JSON Schema cannot express: the CRDs' CEL rules
// (`x-kubernetes-validations`, kept verbatim in schemas/) and the uniqueness of `x-kubernetes-list-type`
// map keys. Like the API server, it first fills in the schema's defaults, then evaluates each rule on
// the value it sits on, and reports the CRD's own message at that value's path.
//
// Transition rules (those reading `oldSelf`) compare an update with the stored object; a manifest
// has no stored object, so they are skipped and listed in `skipped`. A rule whose value breaks the
// schema's size bounds is not evaluated (the API server rejects that value before CEL runs), which
// also keeps the quadratic rules (`self.all(a, self.exists_one(b, …))`) bounded.

import type { CelInput } from '@bufbuild/cel';
import type { Path } from '../../types';
import { getSchemaRegistry, type SchemaNode, type SchemaRegistry } from '../schemaRegistry';
import { celProgram } from './celEnvironment';

export interface CelViolation {
  path: Path;
  /** The CRD's message, or `failed rule: <rule>` when it gives none (as the API server says). */
  message: string;
  rule: string;
  /**
   * Set when the rule could not be evaluated, such as `size(self.options)` with no `options`. The
   * API server rejects the object then too (with this error); it may also be a wrong type that
   * the schema reports already.
   */
  evaluationError?: string;
}

export interface CelReport {
  violations: CelViolation[];
  /** Transition rules (`oldSelf`), which only apply to updates of a stored object. */
  skipped: { path: Path; rule: string }[];
}

const TRANSITION = /\boldSelf\b/;

/** The CEL report for a value of the kind whose schema has this `$id`. */
export function celValidateById(schemaId: string, value: unknown, registry = getSchemaRegistry()): CelReport {
  return celValidate(registry, { $ref: schemaId }, value);
}

export function celValidate(registry: SchemaRegistry, schema: SchemaNode, value: unknown): CelReport {
  const report: CelReport = { violations: [], skipped: [] };
  const defaulted = withDefaults(registry, schema, value);
  walk(registry, registry.resolve(schema), defaulted, [], report);
  return report;
}

/** Visits the value; returns whether it is within the schema's size bounds, all the way down. */
function walk(
  registry: SchemaRegistry,
  schema: SchemaNode,
  value: unknown,
  path: Path,
  report: CelReport,
): boolean {
  let bounded = withinOwnBounds(schema, value);
  if (Array.isArray(value) && schema.items) {
    const items = registry.resolve(schema.items);
    value.forEach((item, index) => {
      bounded = walk(registry, items, item, [...path, index], report) && bounded;
    });
    if (bounded) checkListMapKeys(schema, value, path, report);
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const property = schema.properties?.[key];
      const childSchema =
        property ??
        (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (childSchema)
        bounded = walk(registry, registry.resolve(childSchema), child, [...path, key], report) && bounded;
    }
  }
  const rules = schema['x-kubernetes-validations'];
  if (rules && bounded && value !== null && value !== undefined) {
    const self = toCel(registry, schema, value);
    for (const { rule, message } of rules) {
      if (TRANSITION.test(rule)) {
        report.skipped.push({ path, rule });
        continue;
      }
      const outcome = celProgram(rule)(self);
      const text = message ?? `failed rule: ${rule}`;
      if (outcome.kind === 'error')
        report.violations.push({ path, rule, message: text, evaluationError: outcome.message });
      else if (outcome.value !== true) report.violations.push({ path, rule, message: text });
    }
  }
  return bounded;
}

function withinOwnBounds(schema: SchemaNode, value: unknown): boolean {
  if (typeof value === 'string') return schema.maxLength === undefined || value.length <= schema.maxLength;
  if (Array.isArray(value)) return schema.maxItems === undefined || value.length <= schema.maxItems;
  if (isObject(value))
    return schema.maxProperties === undefined || Object.keys(value).length <= schema.maxProperties;
  return true;
}

/** `x-kubernetes-list-type: map`: no two items may have the same values for all the list's keys. */
function checkListMapKeys(schema: SchemaNode, list: unknown[], path: Path, report: CelReport): void {
  const keys = schema['x-kubernetes-list-map-keys'];
  if (schema['x-kubernetes-list-type'] !== 'map' || !keys?.length) return;
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (!isObject(item)) return;
    const identity = JSON.stringify(keys.map((key) => item[key] ?? null));
    if (seen.has(identity)) {
      const shown = keys.map((key) => `${key}: ${JSON.stringify(item[key] ?? null)}`).join(', ');
      report.violations.push({
        path: [...path, index],
        rule: `unique ${keys.join(', ')}`,
        message: `Duplicate value: {${shown}}`,
      });
    }
    seen.add(identity);
  });
}

/**
 * The value with the schema's defaults filled in, as the API server stores it before validating:
 * a missing property with a `default` gets it (and the default's own missing defaults).
 */
export function withDefaults(registry: SchemaRegistry, schemaNode: SchemaNode, value: unknown): unknown {
  const schema = registry.resolve(schemaNode);
  if (Array.isArray(value)) {
    if (!schema.items) return value;
    const items = schema.items;
    return value.map((item) => withDefaults(registry, items, item));
  }
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const property =
      schema.properties?.[key] ??
      (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    out[key] = property ? withDefaults(registry, property, child) : child;
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (key in out) continue;
    const resolved = registry.resolve(property);
    if (resolved.default !== undefined)
      out[key] = withDefaults(registry, resolved, structuredClone(resolved.default));
  }
  return out;
}

/** Escapes a property name as Kubernetes does for CEL (`namespace` → `__namespace__`). */
export function celPropertyName(name: string): string {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  return name
    .replace(/__/g, '__underscores__')
    .replace(/\./g, '__dot__')
    .replace(/-/g, '__dash__')
    .replace(/\//g, '__slash__');
}

const CEL_RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/** The CEL view of a value: integers of `integer` fields as CEL ints, schema properties escaped. */
function toCel(registry: SchemaRegistry, schema: SchemaNode, value: unknown): CelInput {
  if (typeof value === 'number') {
    return schema.type === 'integer' && Number.isSafeInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) {
    const items = schema.items ? registry.resolve(schema.items) : {};
    return value.map((item) => toCel(registry, items, item));
  }
  if (isObject(value)) {
    const out: Record<string, CelInput> = {};
    for (const [key, child] of Object.entries(value)) {
      const property = schema.properties?.[key];
      if (property) out[celPropertyName(key)] = toCel(registry, registry.resolve(property), child);
      else if (typeof schema.additionalProperties === 'object') {
        out[key] = toCel(registry, registry.resolve(schema.additionalProperties), child);
      }
    }
    return out;
  }
  return value as CelInput;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
