// Editing features over a whole file: they find the `---` document under the cursor and work on
// that chunk only, then shift offsets back to the file.

import type { ManifestFile, FileResource } from '../service/manifestFile';
import type { EngineSettings } from '../settings';
import type { Workspace } from '../workspace/workspace';
import { completeAt, type CompletionCandidate, type CompletionOptions } from './completion';
import { explainResource, type Explanation } from './explain';

export { completeAt, type CompletionCandidate, type CompletionOptions } from './completion';
export { explainResource, type Explanation } from './explain';
export { WorkspaceLabels, collectLabels } from './workspaceLabels';
export { RESOURCE_SNIPPETS, expandSnippet, type ResourceSnippet } from './snippets';

export function completeInFile(
  file: ManifestFile,
  offset: number,
  options: CompletionOptions = {},
): CompletionCandidate[] {
  const found = file.chunkAt(offset);
  if (!found) return [];
  const { chunk } = found;
  const shift = (range: { start: number; end: number }) => ({
    start: range.start + chunk.start,
    end: range.end + chunk.start,
  });
  return completeAt(chunk.text, offset - chunk.start, options).map((candidate) => ({
    ...candidate,
    range: shift(candidate.range),
    additionalEdits: candidate.additionalEdits?.map((edit) => ({ ...edit, ...shift(edit) })),
  }));
}

export interface ResourceExplanation extends Explanation {
  resource: FileResource;
}

/**
 * Explanations of every resource in the file, in order. `workspace` holds the other objects that
 * give some kinds their meaning (a route's Gateway, Services and policies).
 */
export function explainFile(
  file: ManifestFile,
  settings: EngineSettings,
  workspace?: Workspace,
): ResourceExplanation[] {
  return file
    .getResources()
    .map((resource) => ({
      resource,
      ...explainResource(resource.kind, resource.value, settings, workspace),
    }));
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
