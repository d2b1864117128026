// The editing features over a whole file, as the file model offers them: each finds the unit under
// the cursor (a `---` document or a List item), works on that unit's text alone, and gives its
// answer in file offsets. Callers never do unit-offset arithmetic themselves.

import type { EngineSettings } from '../settings';
import type { OffsetRange, Path } from '../types';
import type { FileObject } from '../workspace/objects';
import { completeAt, type CompletionCandidate, type CompletionOptions } from '../editing/completion';
import { hoverAt, type HoverOptions, type HoverResult } from '../editing/hover';
import { explainResource, type Explanation } from '../editing/explain';
import type { FileResource, ManifestFile, UnitView } from './manifestFile';
import { parsedUnit } from './assemble';

export interface ResourceExplanation extends Explanation {
  resource: FileResource;
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
): CompletionCandidate[] {
  const unit = file.unitAt(offset);
  if (!unit || !inUnit(unit, offset)) return [];
  return completeAt(unit.text, offset - unit.start, {
    ...options,
    listItem: unit.itemIndex !== undefined,
  }).map((candidate) => ({
    ...candidate,
    range: shifted(candidate.range, unit.start),
    additionalEdits: candidate.additionalEdits?.map((edit) => ({ ...edit, ...shifted(edit, unit.start) })),
  }));
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

/** Explanations of every resource in the file, in order. */
export function explainFile(file: ManifestFile, settings: EngineSettings): ResourceExplanation[] {
  return file
    .getResources()
    .map((resource) => ({ resource, ...explainResource(resource.kind, resource.value, settings) }));
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
