// Validates one `---` chunk of a file: parse, route each document to its resource type, check it
// against the schema, then run the rules. Offsets in the result are relative to the chunk, so the
// result can be cached by the chunk's text and reused wherever the chunk moves in the file.

import { isMap, visit, type Document } from 'yaml';
import type { Diagnostic, OffsetRange, Path, QuickFix, TextEdit } from '../types';
import type { EngineSettings } from '../settings';
import { parseYaml, MAX_ALIAS_COUNT, type YamlSyntaxError } from '../parse/parseYaml';
import { findNodeAtPath, formatPath, rangeForPath } from '../parse/yamlPath';
import { routeResource, type ResourceType, type Route } from '../route/resourceTypes';
import { documentEntries, objectName, type DocumentEntry, type ManifestObject } from '../workspace/objects';
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
import { asRecord, isRecord, withoutNullFields } from '../util/values';

export interface ChunkResult {
  diagnostics: Diagnostic[];
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

/** Enough to act on; a broken file should not produce thousands of entries per document. */
const MAX_DIAGNOSTICS_PER_CHUNK = 200;

const EMPTY: ChunkResult = { diagnostics: [], objects: [] };

export function validateChunk(text: string, settings: EngineSettings): ChunkResult {
  // Objects of every kind are recorded for the workspace; a chunk that names no kind holds none.
  if (!text.includes('kind')) return EMPTY;
  const result: ChunkResult = { diagnostics: [], objects: [] };
  for (const { document, errors, tooDeep } of parseYaml(text)) {
    validateDocument(text, document, errors, tooDeep, settings, result);
  }
  for (const diagnostic of result.diagnostics) diagnostic.range = clampRange(diagnostic.range, text.length);
  result.diagnostics.sort((a, b) => a.range.start - b.range.start);
  if (result.diagnostics.length > MAX_DIAGNOSTICS_PER_CHUNK)
    result.diagnostics.length = MAX_DIAGNOSTICS_PER_CHUNK;
  return result;
}

function validateDocument(
  text: string,
  document: Document.Parsed,
  syntaxErrors: YamlSyntaxError[],
  tooDeep: boolean,
  settings: EngineSettings,
  result: ChunkResult,
): void {
  let value: unknown;
  const problems = [...syntaxErrors];
  try {
    value = tooDeep ? undefined : withoutNullFields(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    // toJS fails on an alias whose anchor is missing (anchors do not cross `---`) or on an alias
    // bomb; point at the first alias, which is where the problem is.
    value = undefined;
    const range =
      firstAliasRange(document) ??
      (document.range ? { start: document.range[0], end: document.range[0] + 1 } : { start: 0, end: 1 });
    problems.push({ range, message: (error as Error).message, yamlCode: 'ALIAS' });
  }
  const root = asRecord(value);
  if (problems.length > 0) {
    (result.unreadable ??= []).push({
      range: document.range ? { start: document.range[0], end: document.range[2] } : { start: 0, end: 0 },
      at: problems[0].range.start,
      message: problems[0].message,
    });
    // Only the syntax errors are reported, and only for a document that looks like ours.
    let route = routeResource(root.apiVersion, root.kind);
    if (route.type === 'ignore') route = routeFromText(text);
    if (route.type !== 'ignore' && route.type !== 'list')
      checkResource(text, document, route, root, [], problems, settings, result);
    return;
  }
  for (const entry of documentEntries(root)) {
    const route = routeResource(entry.apiVersion, entry.kind);
    if (route.type === 'ignore' || route.type === 'list') {
      recordObject(document, entry, undefined, result);
      continue;
    }
    checkResource(text, document, route, entry.value, entry.pathPrefix, [], settings, result);
  }
}

/** Adds a document entry to the chunk's objects (every kind: workloads, Namespaces, Services…). */
function recordObject(
  document: Document.Parsed,
  entry: Pick<DocumentEntry, 'value' | 'pathPrefix' | 'apiVersion' | 'kind'>,
  resource: ResourceType | undefined,
  result: ChunkResult,
): void {
  if (typeof entry.kind !== 'string' || entry.kind === '') return;
  const node = findNodeAtPath(document.contents, entry.pathPrefix)?.value;
  if (!isMap(node) || !node.range) return;
  result.objects.push({
    kind: resource?.kind ?? entry.kind,
    apiVersion: resource?.apiVersion ?? (typeof entry.apiVersion === 'string' ? entry.apiVersion : ''),
    ...objectName(entry.value),
    pathPrefix: entry.pathPrefix,
    range: { start: node.range[0], end: node.range[2] },
    value: entry.value,
    resource,
  });
}

function firstAliasRange(document: Document.Parsed): { start: number; end: number } | undefined {
  let found: { start: number; end: number } | undefined;
  visit(document, {
    Alias(_key, node) {
      if (node.range && !found) found = { start: node.range[0], end: node.range[1] };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

/**
 * When a syntax error hides `kind`, decide from the raw text whether the document is ours. Only
 * the syntax error is reported then, so a kind we know is enough: the apiVersion is not judged.
 */
function routeFromText(text: string): Route {
  const kind = /^\s*kind:\s*["']?([A-Za-z]+)/m.exec(text)?.[1];
  const written = /^\s*apiVersion:\s*["']?([^\s"'#]+)/m.exec(text)?.[1];
  // Helm charts often template the apiVersion (`{{ template "networkPolicy.apiVersion" . }}`).
  const apiVersion = written?.startsWith('{{') ? undefined : written;
  const route = routeResource(apiVersion, kind);
  return route.type === 'wrongApiVersion' ? { type: 'resource', resource: route.resource } : route;
}

function checkResource(
  text: string,
  document: Document.Parsed,
  route: Exclude<Route, { type: 'list' } | { type: 'ignore' }>,
  value: Record<string, unknown>,
  pathPrefix: Path,
  syntaxErrors: YamlSyntaxError[],
  settings: EngineSettings,
  result: ChunkResult,
): void {
  const resource = route.resource;
  const schemas = getSchemaRegistry();
  const valid = route.type === 'resource' && syntaxErrors.length === 0;
  const rootNode = document.contents;
  const full = (path: Path): Path => [...pathPrefix, ...path];
  const locate = (path: Path) => findNodeAtPath(rootNode, full(path));
  // A placeholder such as `{{ .Values.groups }}` is not a type error; TPL001 reports it instead.
  // Violations that a rule words like the API server are left to that rule.
  const schemaViolations = valid
    ? withoutOverlaps(
        withoutTemplatedViolations(schemas.validate(resource, value), { value, text, locate }),
        value,
      )
    : [];

  recordObject(
    document,
    { value, pathPrefix, apiVersion: resource.apiVersion, kind: resource.kind },
    resource,
    result,
  );

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
    rangeOf: (path, target) => rangeForPath(rootNode, full(path), target),
    report(finding: Finding<unknown>) {
      if (!current || settings.rules[current.code] === 'off') return;
      const path = full(finding.path);
      const range = finding.range ?? rangeForPath(rootNode, path, finding.target ?? 'value');
      result.diagnostics.push({
        ...findingDiagnostic(current, finding, path, range, settings),
        fixes: safeFixes(current, ctx, finding),
      });
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
