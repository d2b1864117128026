// Editing features over a whole file: they find the `---` document under the cursor and work on
// that chunk only, then shift offsets back to the file.

import type { ManifestFile, FileResource } from '../service/manifestFile';
import type { EngineSettings } from '../settings';
import type { Diagnostic } from '../types';
import { ruleByCode } from '../rules';
import { isSemanticRule } from '../rules/types';
import { completeAt, type CompletionOptions, type CompletionResult } from './completion';
import { explainResource, type ExplainNote, type Explanation } from './explain';

export {
  completeAt,
  type CompletionCandidate,
  type CompletionOptions,
  type CompletionResult,
} from './completion';
export { MAX_LABEL_CANDIDATES } from './labelCompletion';
export { explainResource, type ExplainNote, type Explanation } from './explain';
export { WorkspaceLabels, collectLabels, addObjectLabels, MAX_LABEL_SOURCE_CHARS } from './workspaceLabels';
export { RESOURCE_SNIPPETS, expandSnippet, type ResourceSnippet } from './snippets';

export function completeInFile(
  file: ManifestFile,
  offset: number,
  options: CompletionOptions = {},
): CompletionResult {
  const found = file.chunkAt(offset);
  if (!found) return { items: [], isIncomplete: false };
  const { chunk } = found;
  const shift = (range: { start: number; end: number }) => ({
    start: range.start + chunk.start,
    end: range.end + chunk.start,
  });
  const result = completeAt(chunk.text, offset - chunk.start, options);
  const items = result.items.map((candidate) => ({
    ...candidate,
    range: shift(candidate.range),
    additionalEdits: candidate.additionalEdits?.map((edit) => ({ ...edit, ...shift(edit) })),
  }));
  return { items, isIncomplete: result.isIncomplete };
}

export interface ResourceExplanation extends Explanation {
  resource: FileResource;
  /** 1-based first and last line of the resource in the file. */
  line: number;
  endLine: number;
}

/**
 * Explanations of every resource in the file, in order. `diagnostics` are the file's diagnostics
 * as the editor or `eksnet lint` reports them (`ManifestFile.diagnosticsIn` with the workspace);
 * each explanation lists the semantic ones on its resource's lines as its notes.
 */
export function explainFile(
  file: ManifestFile,
  settings: EngineSettings,
  diagnostics: readonly Diagnostic[],
): ResourceExplanation[] {
  return file.getResources().map((resource) => explainOne(file, resource, settings, diagnostics));
}

/** The explanation of one resource of the file, with its notes taken from `diagnostics`. */
export function explainOne(
  file: ManifestFile,
  resource: FileResource,
  settings: EngineSettings,
  diagnostics: readonly Diagnostic[],
): ResourceExplanation {
  const { line, endLine } = resourceLines(file, resource);
  const notes = semanticNotes(file, diagnostics, line, endLine);
  return { resource, line, endLine, ...explainResource(resource.kind, resource.value, settings, notes) };
}

/** The 1-based lines the resource's mapping spans. */
export function resourceLines(file: ManifestFile, resource: FileResource): { line: number; endLine: number } {
  const lines = file.getLines();
  const start = resource.chunkStart + resource.range.start;
  const end = resource.chunkStart + Math.max(resource.range.end - 1, resource.range.start);
  return { line: lines.positionAt(start).line + 1, endLine: lines.positionAt(end).line + 1 };
}

/** The diagnostics of the semantic categories that start on lines `line`–`endLine` (1-based), in order. */
function semanticNotes(
  file: ManifestFile,
  diagnostics: readonly Diagnostic[],
  line: number,
  endLine: number,
): ExplainNote[] {
  const lines = file.getLines();
  return diagnostics.flatMap((diagnostic) => {
    const rule = ruleByCode(diagnostic.code);
    if (!rule || !isSemanticRule(rule)) return [];
    const at = lines.positionAt(diagnostic.range.start).line + 1;
    if (at < line || at > endLine) return [];
    return [{ code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message }];
  });
}

/** The resource whose document contains `offset` (the first one of a List). */
export function resourceAt(file: ManifestFile, offset: number): FileResource | undefined {
  const resources = file.getResources();
  return (
    resources.find(
      (resource) =>
        offset >= resource.chunkStart + resource.range.start &&
        offset <= resource.chunkStart + resource.range.end,
    ) ?? resources.find((resource) => resource.documentIndex === file.chunkAt(offset)?.documentIndex)
  );
}

export { hoverAt, type HoverResult, type HoverOptions } from './hover';
export { fixAllEdits, disableLineEdit } from './fixes';
export { documentSymbols, type OutlineSymbol } from './symbols';
