// The pieces a file is validated in: each `---` document, or, for a `kind: List` document, each of
// its items. A unit's result is keyed by its text (and, for an item, what it takes from its List),
// so it is reused wherever the unit moves, and an edit re-validates only the units it touched.

import { parseYaml } from '../parse/parseYaml';
import { findListLayout, type ListLayout } from '../parse/listLayout';
import { isListKind, type FileObject, type ListContext } from '../workspace/objects';
import type { ChunkResult } from '../validate/validateChunk';
import { asRecord } from '../util/values';
import { SUPPRESSION_MARK } from '../../shared/suppressionSyntax';

/** A unit's validation result, shared by every copy of the unit (it moves when text before it changes). */
export class ResultCell {
  result: ChunkResult | undefined;
  /** Whether the text holds an `eksnet-disable` comment (the text-wide scan is skipped otherwise). */
  readonly mentionsSuppression: boolean;
  constructor(
    readonly key: string,
    readonly text: string,
    readonly list: ListContext | undefined,
  ) {
    this.mentionsSuppression = text.includes(SUPPRESSION_MARK);
  }
}

/** One validated piece of the file. Immutable except for its cell's result. */
export class Unit {
  /** The unit's objects as last placed in the file, reused while the unit stays where it was. */
  placed: PlacedObjects | undefined;

  constructor(
    /** Offset of the unit's first character in the file. */
    readonly start: number,
    readonly text: string,
    readonly cell: ResultCell,
  ) {}

  get end(): number {
    return this.start + this.text.length;
  }

  movedTo(start: number): Unit {
    return new Unit(start, this.text, this.cell);
  }
}

export interface PlacedObjects {
  documentIndex: number;
  itemIndex: number | undefined;
  /** Line of the unit's first character when the objects were placed. */
  line: number;
  file: string | undefined;
  objects: FileObject[];
}

export interface DocumentChunk {
  kind: 'document';
  start: number;
  unit: Unit;
}

/** A List read item by item: its own lines (head and tail) are not validated, only parsed for what items take. */
export interface ListChunk {
  kind: 'list';
  start: number;
  head: string;
  items: Unit[];
  tail: string;
  column: number;
  context: ListContext;
  /** Whether the head or tail holds an `eksnet-disable` comment. */
  ownLinesMentionSuppression: boolean;
}

export type Chunk = DocumentChunk | ListChunk;

export function chunkEnd(chunk: Chunk): number {
  if (chunk.kind === 'document') return chunk.unit.end;
  const last = chunk.items[chunk.items.length - 1];
  return last.end + chunk.tail.length;
}

/** Whether the chunk's text holds an `eksnet-disable` comment. */
export function chunkMentionsSuppression(chunk: Chunk): boolean {
  if (chunk.kind === 'document') return chunk.unit.cell.mentionsSuppression;
  return chunk.ownLinesMentionSuppression || chunk.items.some((item) => item.cell.mentionsSuppression);
}

/**
 * Results known from before an edit, by key, and the cells made during one update (so two equal
 * units share one validation).
 */
export class CellCache {
  private readonly cells = new Map<string, ResultCell>();

  remember(units: Iterable<Unit>): void {
    for (const unit of units) this.cells.set(unit.cell.key, unit.cell);
  }

  cell(text: string, list: ListContext | undefined): ResultCell {
    const key = list ? listKey(list, text) : text;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = new ResultCell(key, text, list);
      this.cells.set(key, cell);
    }
    return cell;
  }
}

function listKey(list: ListContext, text: string): string {
  return `${list.kind}\u0000${typeof list.apiVersion === 'string' ? list.apiVersion : JSON.stringify(list.apiVersion ?? null)}\u0000${text}`;
}

/** Reads one `---` chunk of text as a document or as a List of items. */
export function buildChunk(start: number, text: string, cache: CellCache): Chunk {
  const layout = findListLayout(text);
  const context = layout && listContext(text, layout);
  if (!layout || !context)
    return { kind: 'document', start, unit: new Unit(start, text, cache.cell(text, undefined)) };
  const head = copyString(text.slice(0, layout.headEnd));
  const tail = copyString(text.slice(layout.tailStart));
  return {
    kind: 'list',
    start,
    head,
    items: layout.items.map((span) => {
      const itemText = copyString(text.slice(span.start, span.end));
      return new Unit(start + span.start, itemText, cache.cell(itemText, context));
    }),
    tail,
    column: layout.column,
    context,
    ownLinesMentionSuppression: head.includes(SUPPRESSION_MARK) || tail.includes(SUPPRESSION_MARK),
  };
}

/**
 * What the items take from their List (its kind and apiVersion), read from the List's own lines;
 * undefined when those lines do not make a List (then the document is read whole).
 */
function listContext(text: string, layout: ListLayout): ListContext | undefined {
  const shell = text.slice(0, layout.headEnd) + text.slice(layout.tailStart);
  const documents = parseYaml(shell);
  if (documents.length !== 1 || documents[0].errors.length > 0) return undefined;
  const { value, problem } = documents[0].toValue();
  const root = asRecord(value);
  // The items' line holds nothing here; with a value of its own it was not the list of items.
  if (problem || !isListKind(root.kind) || 'items' in root) return undefined;
  return { kind: root.kind, apiVersion: root.apiVersion };
}

/**
 * A copy of `text` that does not point into a larger string: a slice of the whole file would keep
 * that version of the file alive for as long as the unit is cached.
 */
export function copyString(text: string): string {
  return (' ' + text).slice(1);
}
