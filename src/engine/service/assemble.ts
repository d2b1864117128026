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

export function collectDiagnostics(chunks: readonly Chunk[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  chunks.forEach((chunk, documentIndex) => {
    if (chunk.kind === 'document') {
      for (const diagnostic of chunk.unit.cell.result?.diagnostics ?? [])
        diagnostics.push(placed(diagnostic, chunk.unit.start, documentIndex));
      return;
    }
    // The same cap as for a document read whole: the first ones in the List.
    let count = 0;
    chunk.items.forEach((item, itemIndex) => {
      for (const diagnostic of item.cell.result?.diagnostics ?? []) {
        if (count++ >= MAX_DIAGNOSTICS_PER_DOCUMENT) return;
        diagnostics.push(placed(diagnostic, item.start, documentIndex, itemIndex));
      }
    });
  });
  return diagnostics;
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
  const objects: FileObject[] = [];
  const add = (unit: Unit, documentIndex: number, itemIndex: number | undefined) => {
    const found = unit.cell.result?.objects ?? [];
    if (found.length === 0) return;
    // A unit before the last edit is where it was: its placed objects are still right.
    const line = lines.positionAt(unit.start).line;
    const { placed } = unit;
    if (
      placed &&
      placed.line === line &&
      placed.documentIndex === documentIndex &&
      placed.itemIndex === itemIndex &&
      placed.file === file
    ) {
      for (const object of placed.objects) objects.push(object);
      return;
    }
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
      objects.push(placedObject);
    }
    unit.placed = { documentIndex, itemIndex, line, file, objects: own };
  };
  chunks.forEach((chunk, documentIndex) => {
    if (chunk.kind === 'document') add(chunk.unit, documentIndex, undefined);
    else chunk.items.forEach((item, itemIndex) => add(item, documentIndex, itemIndex));
  });
  return objects;
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
