// Puts the units' results together into the file's diagnostics and objects: offsets shifted from
// unit-relative to file offsets, and a List item's paths and messages given its place in the List
// (`items[3].spec…`), which its cached result leaves out so it stays valid when items move.

import type { Diagnostic, OffsetRange, Path, QuickFix } from '../types';
import type { LineIndex } from '../parse/lineIndex';
import { parseYaml, type ParsedYaml } from '../parse/parseYaml';
import type { FileObject, WorkspaceObject } from '../workspace/objects';
import type { UnitDiagnostic } from '../validate/validateChunk';
import type { Chunk, Unit } from './units';
import type { UnitView } from './manifestFile';

/** Enough to act on; a broken file should not produce thousands of entries per document. */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 200;

/** How an edit changed the chunks: `removed` of them from `first` on became `added` new ones. */
export interface ChunkSplice {
  first: number;
  removed: number;
  added: number;
  /** How far (characters, lines) the chunks after them moved. */
  delta: number;
  lineDelta: number;
}

/**
 * What each chunk puts in the file (its diagnostics, or its objects), kept per chunk: after an
 * edit only the new chunks are placed, and those after them are moved, so a keystroke in a file of
 * thousands of documents does not read every document's result again.
 */
export class ChunkPlacements<T> {
  private perChunk: (readonly T[] | undefined)[] = [];

  constructor(
    private readonly place: (chunk: Chunk, documentIndex: number) => readonly T[],
    private readonly move: (entries: readonly T[], splice: ChunkSplice, indexShift: number) => readonly T[],
  ) {}

  /** Follows an edit of the chunks (now `chunkCount`); without a splice, they were made anew. */
  follow(splice: ChunkSplice | undefined, chunkCount: number): void {
    if (!splice || this.perChunk.length !== chunkCount - splice.added + splice.removed) {
      this.perChunk = [];
      return;
    }
    const indexShift = splice.added - splice.removed;
    const after = this.perChunk.slice(splice.first + splice.removed);
    const still = splice.delta === 0 && splice.lineDelta === 0 && indexShift === 0;
    this.perChunk = [
      ...this.perChunk.slice(0, splice.first),
      ...new Array<undefined>(splice.added).fill(undefined),
      ...(still
        ? after
        : after.map((entries) =>
            entries === undefined || entries.length === 0 ? entries : this.move(entries, splice, indexShift),
          )),
    ];
  }

  /** Everything the chunks place, in file order (their units must have their results). */
  all(chunks: readonly Chunk[]): T[] {
    if (this.perChunk.length !== chunks.length)
      this.perChunk = new Array<undefined>(chunks.length).fill(undefined);
    const out: T[] = [];
    for (let index = 0; index < chunks.length; index++) {
      let entries = this.perChunk[index];
      if (entries === undefined) {
        entries = this.place(chunks[index], index);
        this.perChunk[index] = entries;
      }
      for (const entry of entries) out.push(entry);
    }
    return out;
  }
}

const NONE: readonly never[] = [];

/** The chunk's diagnostics in file offsets; in a List, the first ones up to the cap of a document read whole. */
export function placeChunkDiagnostics(chunk: Chunk, documentIndex: number): readonly Diagnostic[] {
  if (chunk.kind === 'document') {
    const found = chunk.unit.cell.result?.diagnostics ?? [];
    return found.length === 0
      ? NONE
      : found.map((diagnostic) => placed(diagnostic, chunk.unit.start, documentIndex));
  }
  const diagnostics: Diagnostic[] = [];
  chunk.items.forEach((item, itemIndex) => {
    for (const diagnostic of item.cell.result?.diagnostics ?? []) {
      if (diagnostics.length >= MAX_DIAGNOSTICS_PER_DOCUMENT) return;
      diagnostics.push(placed(diagnostic, item.start, documentIndex, itemIndex));
    }
  });
  return diagnostics.length === 0 ? NONE : diagnostics;
}

/** Placed diagnostics of a chunk that moved. */
export function moveDiagnostics(
  diagnostics: readonly Diagnostic[],
  splice: ChunkSplice,
  indexShift: number,
): Diagnostic[] {
  const by = splice.delta;
  return diagnostics.map((diagnostic) => ({
    ...diagnostic,
    documentIndex: diagnostic.documentIndex + indexShift,
    range: { start: diagnostic.range.start + by, end: diagnostic.range.end + by },
    fixes: diagnostic.fixes?.map((fix): QuickFix => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by })),
    })),
  }));
}

/** Placed objects of a chunk that moved. */
export function moveObjects<T extends FileObject>(
  objects: readonly T[],
  splice: ChunkSplice,
  indexShift: number,
): T[] {
  return objects.map((object) => ({
    ...object,
    documentIndex: object.documentIndex + indexShift,
    chunkStart: object.chunkStart + splice.delta,
    line: object.line + splice.lineDelta,
  }));
}

export function collectDiagnostics(chunks: readonly Chunk[]): Diagnostic[] {
  return chunks.flatMap((chunk, documentIndex) => placeChunkDiagnostics(chunk, documentIndex));
}

/**
 * The objects in file order, placed: their List path, document, unit start and line. With `file`,
 * they are made as the workspace keeps them (it takes them without copying).
 */
export function collectObjects(
  chunks: readonly Chunk[],
  lines: LineIndex,
  file?: string,
): FileObject[] | WorkspaceObject[] {
  return chunks.flatMap((chunk, documentIndex) => placeChunkObjects(chunk, documentIndex, lines, file));
}

/** The chunk's objects, placed (see `collectObjects`). */
export function placeChunkObjects(
  chunk: Chunk,
  documentIndex: number,
  lines: LineIndex,
  file?: string,
): readonly FileObject[] {
  if (chunk.kind === 'document') return placeUnitObjects(chunk.unit, documentIndex, undefined, lines, file);
  const objects: FileObject[] = [];
  chunk.items.forEach((item, itemIndex) => {
    for (const object of placeUnitObjects(item, documentIndex, itemIndex, lines, file)) objects.push(object);
  });
  return objects;
}

function placeUnitObjects(
  unit: Unit,
  documentIndex: number,
  itemIndex: number | undefined,
  lines: LineIndex,
  file: string | undefined,
): readonly FileObject[] {
  const found = unit.cell.result?.objects ?? [];
  if (found.length === 0) return NONE;
  // A unit before the last edit is where it was: its placed objects are still right.
  const line = lines.positionAt(unit.start).line;
  const { placed } = unit;
  if (
    placed &&
    placed.line === line &&
    placed.documentIndex === documentIndex &&
    placed.itemIndex === itemIndex &&
    placed.file === file
  )
    return placed.objects;
  const own: FileObject[] = [];
  for (const object of found) {
    const placedObject: FileObject = {
      kind: object.kind,
      apiVersion: object.apiVersion,
      name: object.name,
      namespace: object.namespace,
      value: object.value,
      pathPrefix: itemIndex === undefined ? object.pathPrefix : ['items', itemIndex, ...object.pathPrefix],
      range: object.range,
      resource: object.resource,
      identity: object.identity,
      documentIndex,
      chunkStart: unit.start,
      line: lines.positionAt(unit.start + object.range.start).line,
    };
    if (file !== undefined) (placedObject as WorkspaceObject).file = file;
    own.push(placedObject);
  }
  unit.placed = { documentIndex, itemIndex, line, file, objects: own };
  return own;
}

/** A unit's diagnostic in file offsets; for a List item, with the item's place in its path and message. */
function placed(
  diagnostic: UnitDiagnostic,
  by: number,
  documentIndex: number,
  itemIndex?: number,
): Diagnostic {
  const { relative, ...rest } = diagnostic;
  let { path, message } = diagnostic;
  if (itemIndex !== undefined && relative) {
    const prefix = `items[${itemIndex}]`;
    path = path === '' ? prefix : path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
    message = relative.bare ? relative.message : `${path}: ${relative.message}`;
  }
  return {
    ...rest,
    path,
    message,
    documentIndex,
    range: { start: diagnostic.range.start + by, end: diagnostic.range.end + by },
    fixes: diagnostic.fixes?.map((fix): QuickFix => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by })),
    })),
  };
}

/** Parsed units, by text: the features that place things in a unit ask for the same few units again. */
const recentlyParsed = new Map<string, ParsedYaml[]>();
const RECENTLY_PARSED = 32;

/** The unit's text parsed (the last few are kept). */
export function parsedUnit(text: string): ParsedYaml[] {
  let parsed = recentlyParsed.get(text);
  if (parsed) {
    recentlyParsed.delete(text);
  } else {
    parsed = parseYaml(text);
    if (recentlyParsed.size >= RECENTLY_PARSED) recentlyParsed.delete(recentlyParsed.keys().next().value!);
  }
  recentlyParsed.set(text, parsed);
  return parsed;
}

/** Where `path` (inside `object`) is in the file: what a finding on it underlines. */
export function rangeInUnit(
  unit: UnitView | undefined,
  object: FileObject,
  path: Path,
  target: 'key' | 'value',
): OffsetRange {
  const objectStart = object.chunkStart + object.range.start;
  const fallback = { start: objectStart, end: objectStart + 1 };
  if (!unit || unit.start !== object.chunkStart) return fallback;
  const document = parsedUnit(unit.text).find(
    ({ range }) => range[0] <= object.range.start && object.range.start <= range[2],
  );
  if (!document) return fallback;
  // A List item's text holds the item alone, as the first entry of a sequence.
  const prefix = unit.itemIndex === undefined ? object.pathPrefix : [0];
  const range = document.rangeOf([...prefix, ...path], target);
  return { start: range.start + unit.start, end: range.end + unit.start };
}
