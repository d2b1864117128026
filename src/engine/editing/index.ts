// Editing features over a whole file: they find the `---` document under the cursor and work on
// that chunk only, then shift offsets back to the file.

import type { ManifestFile, FileResource } from '../service/manifestFile';
import type { EngineSettings } from '../settings';
import { completeAt, type CompletionOptions, type CompletionResult } from './completion';
import { explainResource, type Explanation } from './explain';

export {
  completeAt,
  type CompletionCandidate,
  type CompletionOptions,
  type CompletionResult,
} from './completion';
export { MAX_LABEL_CANDIDATES } from './labelCompletion';
export { explainResource, type Explanation } from './explain';
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
}

/** Explanations of every resource in the file, in order. */
export function explainFile(file: ManifestFile, settings: EngineSettings): ResourceExplanation[] {
  return file
    .getResources()
    .map((resource) => ({ resource, ...explainResource(resource.kind, resource.value, settings) }));
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
