// Finds template placeholders in a resource, so rules can skip them and TPL001 can report them.

import type { OffsetRange, Path } from '../types';
import type { RuleContext } from './types';
import type { SchemaViolation } from '../schema/schemaRegistry';
import type { NodeLocation } from '../parse/yamlPath';
import { isIdStandIn, isNameStandIn, isPlaceholder, isTemplateSource } from '../util/placeholders';
import { isRecord, valueAt } from '../util/values';

/** What is needed to look at a resource's values and their YAML source. */
export interface TemplateProbe {
  value: Record<string, unknown>;
  text: string;
  locate(path: Path): NodeLocation | undefined;
  /** The range of the value at `path`, without building YAML nodes. */
  nodeRangeAt(path: Path): OffsetRange | undefined;
}

export interface PlaceholderVisit {
  path: Path;
  /** The placeholder as written. */
  source: string;
  /**
   * `template`: filled in by a tool (`${X}`, `{{ }}`); `stand-in`: written in place of an EC2 ID
   * (`my_pod_security_group_id`, `PRIVATE_SUBNET`), for a person to replace.
   */
  type: 'template' | 'stand-in';
}

/** Fields holding EC2 IDs, where stand-ins such as `PRIVATE_SUBNET` are placeholders too. */
function isIdField(path: Path): boolean {
  const [first, second, third] = path;
  if (first !== 'spec') return false;
  return second === 'subnet' || second === 'securityGroups' || third === 'groupIds';
}

/** `metadata.name` and `metadata.namespace`, where an upper-case variable (`TENANT_NAME`) is a placeholder. */
function isNameField(path: Path): boolean {
  return path.length === 2 && path[0] === 'metadata' && (path[1] === 'name' || path[1] === 'namespace');
}

/** The YAML source of the value at `path` when it is a Helm expression YAML read as a mapping. */
function templateSourceAt(probe: TemplateProbe, path: Path): string | undefined {
  const range = probe.nodeRangeAt(path);
  if (!range) return undefined;
  const source = probe.text.slice(range.start, range.end);
  return isTemplateSource(source) ? source.trim() : undefined;
}

/** Whether the value at `path` is a placeholder: a templated string, or a Helm expression. */
export function isTemplatedAt(probe: TemplateProbe, path: Path): boolean {
  const value = valueAt(probe.value, path);
  if (typeof value === 'string') {
    if (isIdField(path)) return isIdStandIn(value);
    return isNameField(path) ? isNameStandIn(value) : isPlaceholder(value);
  }
  if (typeof value === 'object' && value !== null) return templateSourceAt(probe, path) !== undefined;
  return false;
}

/** Whether `path` or any of its parents is a placeholder. */
export function isUnderTemplate(probe: TemplateProbe, path: Path): boolean {
  for (let length = path.length; length >= 1; length--) {
    if (isTemplatedAt(probe, path.slice(0, length))) return true;
  }
  return false;
}

/** Free-form text where `<x>` or `$X` is just text (annotation values, kubectl's bookkeeping). */
function isFreeText(path: Path): boolean {
  return (
    path[0] === 'metadata' && (path[1] === 'annotations' || path[1] === 'managedFields') && path.length > 2
  );
}

/** Every placeholder in the resource, outermost first; values inside a placeholder are not visited. */
export function findPlaceholders(probe: TemplateProbe): PlaceholderVisit[] {
  const found: PlaceholderVisit[] = [];
  const visit = (value: unknown, path: Path): void => {
    if (isFreeText(path)) return;
    if (typeof value === 'string') {
      if (isTemplatedAt(probe, path)) {
        // Only an EC2 ID field holds a stand-in for a person to replace; `TENANT_NAME` in a name is a
        // variable a script fills in.
        const standIn = isIdField(path) && !isPlaceholder(value);
        found.push({ path, source: value, type: standIn ? 'stand-in' : 'template' });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (path.length > 0) {
      const source = templateSourceAt(probe, path);
      if (source !== undefined) {
        found.push({ path, source, type: 'template' });
        return;
      }
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (isRecord(value)) for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  visit(probe.value, []);
  return found;
}

/**
 * Schema violations that a placeholder explains (a Helm expression is not a list, `${PORT}` is
 * not an integer) are dropped: the rendered value is what counts, and TPL001 says so.
 */
export function withoutTemplatedViolations(
  violations: readonly SchemaViolation[],
  probe: TemplateProbe,
): SchemaViolation[] {
  return violations.filter((violation) => {
    if (isUnderTemplate(probe, violation.path)) return false;
    const property = violation.params.additionalProperty;
    return !(typeof property === 'string' && /^\{.*\}$|\$\{|\{\{/.test(property));
  });
}

/**
 * The part of the chunk's text that belongs to this resource, for rules that scan the text: one
 * item of a `kind: List` must not report what belongs to the next. A document that did not parse
 * is scanned whole (Lists with syntax errors are not checked item by item).
 */
export function resourceTextRange(ctx: RuleContext<unknown>): { start: number; end: number } {
  const range = ctx.syntaxErrors.length === 0 ? ctx.nodeRangeAt([]) : undefined;
  return range ?? { start: 0, end: ctx.text.length };
}
