// Validates one `---` chunk of a file: parse, route each document to its resource type, check it
// against the schema, then run the rules. Offsets in the result are relative to the chunk, so the
// result can be cached by the chunk's text and reused wherever the chunk moves in the file.

import { isMap, type Document } from 'yaml';
import type { Diagnostic, OffsetRange, Path, QuickFix, TextEdit } from '../types';
import type { EngineSettings } from '../settings';
import { parseYaml, type ParsedYaml, type YamlSyntaxError } from '../parse/parseYaml';
import { findNodeAtPath, formatPath, rangeForPath } from '../parse/yamlPath';
import { mayContainOurResource, routeResource, type ResourceType, type Route } from '../route/resourceTypes';
import { getSchemaRegistry } from '../schema/schemaRegistry';
import { RULES } from '../rules';
import type { Finding, Rule, RuleContext } from '../rules/types';
import { withoutTemplatedViolations } from '../rules/templates';
import { withoutOverlaps } from '../rules/schemaOverlaps';
import { asList, asRecord, isRecord } from '../util/values';

export interface ResourceSummary {
  kind: ResourceType['kind'];
  apiVersion: string;
  name?: string;
  namespace?: string;
  /** Path of the resource in its document: `[]`, or `['items', 3]` inside a List. */
  pathPrefix: Path;
  /** Chunk-relative range of the resource's mapping. */
  range: { start: number; end: number };
  value: Record<string, unknown>;
}

export interface ChunkResult {
  diagnostics: Diagnostic[];
  resources: ResourceSummary[];
}

/** Enough to act on; a broken file should not produce thousands of entries per document. */
const MAX_DIAGNOSTICS_PER_CHUNK = 200;

const EMPTY: ChunkResult = { diagnostics: [], resources: [] };

export function validateChunk(text: string, settings: EngineSettings): ChunkResult {
  if (!mayContainOurResource(text)) return EMPTY;
  const result: ChunkResult = { diagnostics: [], resources: [] };
  for (const parsed of parseYaml(text)) validateDocument(text, parsed, settings, result);
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
  const { document } = parsed;
  // A document that cannot be read as data (an alias without its anchor, aliases that expand too
  // far) is reported like a syntax error: one diagnostic, and no checks on half of it.
  const { value, problem } = parsed.toValue();
  const problems = problem ? [...parsed.errors, problem] : parsed.errors;
  const root = asRecord(value);
  let route = routeResource(root.apiVersion, root.kind);
  if (route.type === 'ignore' && problems.length > 0) route = routeFromText(text);
  if (route.type === 'ignore') return;

  if (route.type === 'list') {
    if (problems.length > 0) return;
    asList(root.items).forEach((item, index) => {
      const itemRecord = asRecord(item);
      const itemRoute = routeResource(itemRecord.apiVersion, itemRecord.kind);
      if (
        itemRoute.type === 'resource' ||
        itemRoute.type === 'wrongApiVersion' ||
        itemRoute.type === 'wrongKind'
      ) {
        checkResource(text, document, itemRoute, itemRecord, ['items', index], [], settings, result);
      }
    });
    return;
  }
  checkResource(text, document, route, root, [], problems, settings, result);
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

  const metadata = asRecord(value.metadata);
  const resourceNode = findNodeAtPath(rootNode, pathPrefix)?.value;
  if (isMap(resourceNode) && resourceNode.range) {
    result.resources.push({
      kind: resource.kind,
      apiVersion: resource.apiVersion,
      name: typeof metadata.name === 'string' ? metadata.name : undefined,
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      pathPrefix,
      range: { start: resourceNode.range[0], end: resourceNode.range[2] },
      value,
    });
  }

  let current: Rule | undefined;
  const ctx: RuleContext = {
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
    report(finding: Finding) {
      if (!current) return;
      const level = settings.rules[current.code];
      if (level === 'off') return;
      const path = full(finding.path);
      const shownPath = formatPath(path);
      result.diagnostics.push({
        range: finding.range ?? rangeForPath(rootNode, path, finding.target ?? 'value'),
        severity: level ?? current.defaultSeverity,
        code: current.code,
        message: finding.bare || shownPath === '' ? finding.message : `${shownPath}: ${finding.message}`,
        path: shownPath,
        documentIndex: 0,
        fixes: safeFixes(current, ctx, finding),
        data: finding.data,
      });
    },
  };
  for (const rule of RULES) {
    const applies = rule.kinds === 'any' || (valid && isRecord(value) && rule.kinds.includes(resource.kind));
    if (!applies || !rule.check) continue;
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

function safeFixes(rule: Rule, ctx: RuleContext, finding: Finding): QuickFix[] | undefined {
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
