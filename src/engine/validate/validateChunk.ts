// Validates one `---` chunk of a file, or one item of a `kind: List`: parse, route each document
// to its resource type, check it against the schema, then run the rules. Offsets in the result are
// relative to the chunk (or item), so the result can be cached by its text and reused wherever it
// moves in the file.

import type { Diagnostic, OffsetRange, Path, QuickFix, TextEdit } from '../types';
import type { EngineSettings } from '../settings';
import { parseYaml, type ParsedYaml, type YamlSyntaxError } from '../parse/parseYaml';
import { formatPath } from '../parse/yamlPath';
import { routeResource, type ResourceType, type Route } from '../route/resourceTypes';
import {
  documentEntries,
  listItemEntry,
  objectIdentity,
  objectName,
  type DocumentEntry,
  type ListContext,
  type ManifestObject,
} from '../workspace/objects';
import { getSchemaRegistry } from '../schema/schemaRegistry';
import { RULES } from '../rules';
import {
  ruleApplies,
  type AnyRule,
  type Finding,
  type RuleContext,
  type WorkspaceFinding,
} from '../rules/types';
import { withoutTemplatedViolations } from '../rules/templates';
import { withoutOverlaps } from '../rules/schemaOverlaps';
import { asRecord, isRecord } from '../util/values';

export interface ChunkResult {
  diagnostics: UnitDiagnostic[];
  /** Every Kubernetes object of the chunk; `resource` is set on the ones we validate. */
  objects: ManifestObject[];
  /**
   * Documents that could not be read as data (syntax errors, aliases), whatever their kind: what
   * they hold is unknown or partial, so whole-workspace answers (connectivity) must say so.
   */
  unreadable?: UnreadableDocument[];
}

export interface UnreadableDocument {
  /** The document's range in the chunk. */
  range: OffsetRange;
  /** Where the first problem is, and what it is. */
  at: number;
  message: string;
}

/**
 * A diagnostic of a List item, validated on its own: its path and message leave out the item's
 * place (`items[3].`), which the file adds when it knows where the item is now.
 */
export interface UnitDiagnostic extends Diagnostic {
  /** Set on List-item diagnostics: the message without a path, and whether it takes one. */
  relative?: { message: string; bare: boolean };
}

/** Enough to act on; a broken file should not produce thousands of entries per document. */
const MAX_DIAGNOSTICS_PER_CHUNK = 200;

const EMPTY: ChunkResult = { diagnostics: [], objects: [] };

export function validateChunk(text: string, settings: EngineSettings): ChunkResult {
  // Objects of every kind are recorded for the workspace; a chunk that names no kind holds none.
  if (!text.includes('kind')) return EMPTY;
  const result: ChunkResult = { diagnostics: [], objects: [] };
  for (const parsed of parseYaml(text)) validateDocument(text, parsed, settings, result);
  return finish(text, result);
}

/**
 * Validates one item of a List, given as its own text (`- apiVersion: …` and the lines under it):
 * what `validateChunk` reports for that item of the whole List, with paths relative to the item.
 */
export function validateListItem(text: string, list: ListContext, settings: EngineSettings): ChunkResult {
  const result: ChunkResult = { diagnostics: [], objects: [] };
  const [parsed] = parseYaml(text);
  if (!parsed) return result;
  const { value, problem } = parsed.toValue();
  const problems = problem ? [...parsed.errors, problem] : parsed.errors;
  const item: unknown = Array.isArray(value) ? value[0] : undefined;
  const entry = listItemEntry(list, item, 0);
  const unit: Unit = { text, parsed, nodePrefix: [0], item: true };
  if (problems.length > 0) {
    recordUnreadable(parsed, problems, result);
    let route = entry ? routeResource(entry.apiVersion, entry.kind) : ({ type: 'ignore' } as Route);
    if (route.type === 'ignore') route = routeFromText(text);
    if (route.type !== 'ignore' && route.type !== 'list')
      checkResource(unit, route, asRecord(item), problems, settings, result);
    return finish(text, result);
  }
  if (entry) checkEntry(unit, { ...entry, pathPrefix: [] }, settings, result);
  return finish(text, result);
}

/** Where a resource is: the parsed text, and the path of the resource's node in it. */
interface Unit {
  text: string;
  parsed: ParsedYaml;
  /** Path of the resource in the parsed document: `[]`, `['items', 3]`, or `[0]` for a List item's own text. */
  nodePrefix: Path;
  /** A List item validated on its own (its findings are placed in the List later). */
  item: boolean;
}

/** Notes a document that could not be read as data, whatever its kind (see `ChunkResult.unreadable`). */
function recordUnreadable(
  parsed: ParsedYaml,
  problems: readonly YamlSyntaxError[],
  result: ChunkResult,
): void {
  (result.unreadable ??= []).push({
    range: { start: parsed.range[0], end: parsed.range[2] },
    at: problems[0].range.start,
    message: problems[0].message,
  });
}

function finish(text: string, result: ChunkResult): ChunkResult {
  for (const diagnostic of result.diagnostics) diagnostic.range = clampRange(diagnostic.range, text.length);
  result.diagnostics.sort((a, b) => a.range.start - b.range.start);
  if (result.diagnostics.length > MAX_DIAGNOSTICS_PER_CHUNK)
    result.diagnostics.length = MAX_DIAGNOSTICS_PER_CHUNK;
  return result;
}

function validateDocument(
  text: string,
  parsed: ParsedYaml,
  settings: EngineSettings,
  result: ChunkResult,
): void {
  // A document that cannot be read as data (an alias without its anchor, aliases that expand too
  // far) is reported like a syntax error: one diagnostic, and no checks on half of it.
  const { value, problem } = parsed.toValue();
  const problems = problem ? [...parsed.errors, problem] : parsed.errors;
  const root = asRecord(value);
  if (problems.length > 0) {
    recordUnreadable(parsed, problems, result);
    // Only the syntax errors are reported, and only for a document that looks like ours.
    let route = routeResource(root.apiVersion, root.kind);
    if (route.type === 'ignore') route = routeFromText(text);
    if (route.type !== 'ignore' && route.type !== 'list')
      checkResource({ text, parsed, nodePrefix: [], item: false }, route, root, problems, settings, result);
    return;
  }
  for (const entry of documentEntries(root)) {
    checkEntry({ text, parsed, nodePrefix: entry.pathPrefix, item: false }, entry, settings, result);
  }
}

function checkEntry(unit: Unit, entry: DocumentEntry, settings: EngineSettings, result: ChunkResult): void {
  const route = routeResource(entry.apiVersion, entry.kind);
  if (route.type === 'ignore' || route.type === 'list') {
    recordObject(unit, entry, undefined, result);
    return;
  }
  checkResource(unit, route, entry.value, [], settings, result);
}

/** Adds a document entry to the chunk's objects (every kind: workloads, Namespaces, Services…). */
function recordObject(
  unit: Unit,
  entry: Pick<DocumentEntry, 'value' | 'apiVersion' | 'kind'>,
  resource: ResourceType | undefined,
  result: ChunkResult,
): void {
  if (typeof entry.kind !== 'string' || entry.kind === '') return;
  const range = unit.parsed.mappingRangeAt(unit.nodePrefix);
  if (!range) return;
  const named = objectName(entry.value);
  result.objects.push({
    kind: resource?.kind ?? entry.kind,
    apiVersion: resource?.apiVersion ?? (typeof entry.apiVersion === 'string' ? entry.apiVersion : ''),
    ...named,
    // A List item's own place in the List is added by the file.
    pathPrefix: unit.item ? [] : unit.nodePrefix,
    range,
    value: entry.value,
    resource,
    identity: objectIdentity({ ...named, resource }),
  });
}

/**
 * When a syntax error hides `kind`, decide from the raw text whether the document is ours. Only
 * the syntax error is reported then, so a kind we know is enough: the apiVersion is not judged.
 */
function routeFromText(text: string): Route {
  // Blanks, not `\s`: `^\s*` can run over every following line from every line start (quadratic).
  const kind = /^[ \t]*kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
  const written = /^[ \t]*apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(text)?.[1];
  // Helm charts often template the apiVersion (`{{ template "networkPolicy.apiVersion" . }}`).
  const apiVersion = written?.startsWith('{{') ? undefined : written;
  const route = routeResource(apiVersion, kind);
  return route.type === 'wrongApiVersion' ? { type: 'resource', resource: route.resource } : route;
}

function checkResource(
  unit: Unit,
  route: Exclude<Route, { type: 'list' } | { type: 'ignore' }>,
  value: Record<string, unknown>,
  syntaxErrors: YamlSyntaxError[],
  settings: EngineSettings,
  result: ChunkResult,
): void {
  const { text, parsed, nodePrefix } = unit;
  const resource = route.resource;
  const schemas = getSchemaRegistry();
  const valid = route.type === 'resource' && syntaxErrors.length === 0;
  const inDocument = (path: Path): Path => (nodePrefix.length === 0 ? path : [...nodePrefix, ...path]);
  // Reported paths: in the document, or in the item (the file adds `items[N]` later).
  const reported = unit.item ? (path: Path) => path : inDocument;
  const locate = (path: Path) => parsed.locate(inDocument(path));
  const nodeRangeAt = (path: Path) => parsed.nodeRangeAt(inDocument(path));
  // A placeholder such as `{{ .Values.groups }}` is not a type error; TPL001 reports it instead.
  // Violations that a rule words like the API server are left to that rule.
  const schemaViolations = valid
    ? withoutOverlaps(
        withoutTemplatedViolations(schemas.validate(resource, value), { value, text, locate, nodeRangeAt }),
        value,
      )
    : [];

  recordObject(unit, { value, apiVersion: resource.apiVersion, kind: resource.kind }, resource, result);

  let current: AnyRule | undefined;
  const ctx: RuleContext<unknown> = {
    route,
    resource,
    value,
    syntaxErrors,
    schemaViolations,
    schemas,
    settings,
    text,
    locate,
    nodeRangeAt,
    rangeOf: (path, target) => parsed.rangeOf(inDocument(path), target),
    report(finding: Finding<unknown>) {
      if (!current || settings.rules[current.code] === 'off') return;
      const range = finding.range ?? parsed.rangeOf(inDocument(finding.path), finding.target ?? 'value');
      const diagnostic: UnitDiagnostic = {
        ...findingDiagnostic(current, finding, reported(finding.path), range, settings),
        fixes: safeFixes(current, ctx, finding),
      };
      if (unit.item) diagnostic.relative = { message: finding.message, bare: finding.bare === true };
      result.diagnostics.push(diagnostic);
    },
  };
  for (const rule of RULES) {
    const applies = rule.kinds === 'any' || (valid && isRecord(value) && rule.kinds.includes(resource.kind));
    if (!applies || !rule.check || !ruleApplies(rule, settings)) continue;
    current = rule;
    try {
      rule.check(ctx);
    } catch (error) {
      // A rule bug must not hide the other rules' findings; say which rule failed.
      current = undefined;
      result.diagnostics.push({
        range: { start: 0, end: 0 },
        severity: 'info',
        code: 'ENGINE',
        message: `internal error in rule ${rule.code}: ${(error as Error).message}`,
        path: '',
        documentIndex: 0,
      });
    }
  }
}

/** A rule's finding as a diagnostic: severity from the settings, the path in front of the message. */
export function findingDiagnostic(
  rule: AnyRule,
  finding: WorkspaceFinding<unknown>,
  path: Path,
  range: OffsetRange,
  settings: EngineSettings,
): Diagnostic {
  const shownPath = formatPath(path);
  const level = settings.rules[rule.code];
  return {
    range,
    severity: level === undefined || level === 'off' ? rule.defaultSeverity : level,
    code: rule.code,
    message: finding.bare || shownPath === '' ? finding.message : `${shownPath}: ${finding.message}`,
    path: shownPath,
    documentIndex: 0,
    data: finding.data as Diagnostic['data'],
  };
}

function safeFixes(
  rule: AnyRule,
  ctx: RuleContext<unknown>,
  finding: Finding<unknown>,
): QuickFix[] | undefined {
  if (!rule.fix) return undefined;
  try {
    const fixes = rule.fix(ctx, finding).filter((fix) => fix.edits.every(isValidEdit(ctx.text.length)));
    return fixes.length > 0 ? fixes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a range inside the chunk. Empty nodes at the very end of a truncated document make the
 * parser's "one character at the node" range end one past the text, and the editor rejects that.
 */
function clampRange(range: OffsetRange, length: number): OffsetRange {
  const start = Math.min(Math.max(range.start, 0), length);
  return { start, end: Math.min(Math.max(range.end, start), length) };
}

function isValidEdit(length: number) {
  return (edit: TextEdit) => edit.start >= 0 && edit.end >= edit.start && edit.end <= length;
}
