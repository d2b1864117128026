// The editing features over a whole file, as the file model offers them: each finds the unit under
// the cursor (a `---` document or a List item), works on that unit's text alone, and gives its
// answer in file offsets. Callers never do unit-offset arithmetic themselves.

import type { EngineSettings } from '../settings';
import type { Diagnostic, OffsetRange, Path } from '../types';
import type { FileObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';
import { ruleByCode } from '../rules';
import { isSemanticRule } from '../rules/types';
import { completeAt, type CompletionOptions, type CompletionResult } from '../editing/completion';
import { hoverAt, type HoverOptions, type HoverResult } from '../editing/hover';
import { explainResource, type ExplainNote, type Explanation } from '../editing/explain';
import type { FileResource, ManifestFile, UnitView } from './manifestFile';
import { parsedUnit } from './assemble';

export interface ResourceExplanation extends Explanation {
  resource: FileResource;
  /** 1-based first and last line of the resource in the file. */
  line: number;
  endLine: number;
}

/** Hover at a file offset; the range is in file offsets. */
export function hoverInFile(
  file: ManifestFile,
  offset: number,
  options: Omit<HoverOptions, 'listItem'>,
): HoverResult | undefined {
  const unit = file.unitAt(offset);
  if (!unit || !inUnit(unit, offset)) return undefined;
  const result = hoverAt(unit.text, offset - unit.start, {
    ...options,
    listItem: unit.itemIndex !== undefined,
  });
  return result && { markdown: result.markdown, range: shifted(result.range, unit.start) };
}

/** Completion at a file offset; ranges and edits are in file offsets. */
export function completeInFile(
  file: ManifestFile,
  offset: number,
  options: Omit<CompletionOptions, 'listItem'> = {},
): CompletionResult {
  const unit = file.unitAt(offset);
  if (!unit || !inUnit(unit, offset)) return { items: [], isIncomplete: false };
  const result = completeAt(unit.text, offset - unit.start, {
    ...options,
    listItem: unit.itemIndex !== undefined,
  });
  const items = result.items.map((candidate) => ({
    ...candidate,
    range: shifted(candidate.range, unit.start),
    additionalEdits: candidate.additionalEdits?.map((edit) => ({ ...edit, ...shifted(edit, unit.start) })),
  }));
  return { items, isIncomplete: result.isIncomplete };
}

/** The resource whose text contains `offset` (in a List, the item under it). */
export function resourceAt(file: ManifestFile, offset: number): FileResource | undefined {
  const resources = file.getResources();
  const unit = file.unitAt(offset);
  return (
    resources.find((resource) => {
      const range = objectRange(resource);
      return offset >= range.start && offset <= range.end;
    }) ??
    resources.find(
      (resource) => resource.documentIndex === unit?.documentIndex && resource.chunkStart === unit.start,
    ) ??
    resources.find((resource) => resource.documentIndex === unit?.documentIndex)
  );
}

/**
 * Explanations of every resource in the file, in order. `workspace` holds the other objects that
 * give some kinds their meaning (a route's Gateway, Services and policies). `diagnostics` are the file's diagnostics
 * as the editor or `eksnet lint` reports them (`ManifestFile.diagnosticsIn` with the workspace);
 * each explanation lists the semantic ones on its resource's lines as its notes.
 */
export function explainFile(
  file: ManifestFile,
  settings: EngineSettings,
  diagnostics: readonly Diagnostic[],
  workspace?: Workspace,
): ResourceExplanation[] {
  const notes = semanticNotes(file, diagnostics);
  return file.getResources().map((resource) => explained(file, resource, settings, notes, workspace));
}

/** The explanation of one resource of the file, with its notes taken from `diagnostics`. */
export function explainOne(
  file: ManifestFile,
  resource: FileResource,
  settings: EngineSettings,
  diagnostics: readonly Diagnostic[],
  workspace?: Workspace,
): ResourceExplanation {
  return explained(file, resource, settings, semanticNotes(file, diagnostics), workspace);
}

/** The 1-based lines the resource's mapping spans. */
export function resourceLines(file: ManifestFile, resource: FileResource): { line: number; endLine: number } {
  const lines = file.getLines();
  const { start, end } = objectRange(resource);
  return {
    line: lines.positionAt(start).line + 1,
    endLine: lines.positionAt(Math.max(end - 1, start)).line + 1,
  };
}

interface LineNote {
  line: number;
  note: ExplainNote;
}

function explained(
  file: ManifestFile,
  resource: FileResource,
  settings: EngineSettings,
  notes: readonly LineNote[],
  workspace: Workspace | undefined,
): ResourceExplanation {
  const { line, endLine } = resourceLines(file, resource);
  // Notes are sorted by line: find the first on the resource's lines, then take them while inside.
  let low = 0;
  let high = notes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (notes[middle].line < line) low = middle + 1;
    else high = middle;
  }
  const own: ExplainNote[] = [];
  for (let i = low; i < notes.length && notes[i].line <= endLine; i++) own.push(notes[i].note);
  return {
    resource,
    line,
    endLine,
    ...explainResource(resource.kind, resource.value, settings, own, workspace),
  };
}

/**
 * The diagnostics of the semantic categories with their 1-based lines, sorted by line (stable, so
 * diagnostics of one line keep their order). Computed once per file, whatever its number of resources.
 */
function semanticNotes(file: ManifestFile, diagnostics: readonly Diagnostic[]): LineNote[] {
  const lines = file.getLines();
  const notes: LineNote[] = [];
  for (const diagnostic of diagnostics) {
    const rule = ruleByCode(diagnostic.code);
    if (!rule || !isSemanticRule(rule)) continue;
    notes.push({
      line: lines.positionAt(diagnostic.range.start).line + 1,
      note: { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message },
    });
  }
  return notes.sort((a, b) => a.line - b.line);
}

/** The object's mapping in file offsets. */
export function objectRange(object: FileObject): OffsetRange {
  return shifted(object.range, object.chunkStart);
}

/** The range of the value at `path` inside `object` (start to end of the value), in file offsets. */
export function nodeRangeInObject(
  file: ManifestFile,
  object: FileObject,
  path: Path,
): OffsetRange | undefined {
  const unit = file.unitAt(object.chunkStart);
  if (!unit || unit.start !== object.chunkStart) return undefined;
  const document = parsedUnit(unit.text).find(
    ({ range }) => range[0] <= object.range.start && object.range.start <= range[2],
  );
  const prefix = unit.itemIndex === undefined ? object.pathPrefix : [0];
  const range = document?.nodeRangeAt([...prefix, ...path]);
  return range && shifted(range, unit.start);
}

/** Whether `offset` is in the unit's own text (a List's own lines are no unit's). */
function inUnit(unit: UnitView, offset: number): boolean {
  return offset >= unit.start && offset <= unit.start + unit.text.length;
}

function shifted(range: OffsetRange, by: number): OffsetRange {
  return { start: range.start + by, end: range.end + by };
}
