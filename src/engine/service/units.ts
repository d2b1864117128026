// The pieces a file is validated in: each `---` document, or, for a `kind: List` document, each of
// its items. A unit's result is keyed by its text (and, for an item, what it takes from its List),
// so it is reused wherever the unit moves, and an edit re-validates only the units it touched.

import { parseYaml } from '../parse/parseYaml';
import { findListLayout, type ListLayout } from '../parse/listLayout';
import { isListKind, type ListContext } from '../workspace/objects';
import type { ChunkResult } from '../validate/validateChunk';
import { asRecord } from '../util/values';
import { SUPPRESSION_MARK } from '../../shared/suppressionSyntax';

/** A unit's validation result, shared by every copy of the unit (it moves when text before it changes). */
export class ResultCell {
  result: ChunkResult | undefined;
  constructor(
    readonly key: string,
    readonly text: string,
    readonly list: ListContext | undefined,
  ) {}
}

/** One validated piece of the file. Immutable except for its cell's result. */
export class Unit {
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
}

export type Chunk = DocumentChunk | ListChunk;

export function chunkEnd(chunk: Chunk): number {
  if (chunk.kind === 'document') return chunk.unit.end;
  const last = chunk.items[chunk.items.length - 1];
  return last.end + chunk.tail.length;
}

/** Whether the chunk's text holds an `eksnet-disable` comment. */
export function chunkMentionsSuppression(chunk: Chunk): boolean {
  if (chunk.kind === 'document') return chunk.unit.text.includes(SUPPRESSION_MARK);
  return (
    chunk.head.includes(SUPPRESSION_MARK) ||
    chunk.tail.includes(SUPPRESSION_MARK) ||
    chunk.items.some((item) => item.text.includes(SUPPRESSION_MARK))
  );
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
  return {
    kind: 'list',
    start,
    head: copyString(text.slice(0, layout.headEnd)),
    items: layout.items.map((span) => {
      const itemText = copyString(text.slice(span.start, span.end));
      return new Unit(start + span.start, itemText, cache.cell(itemText, context));
    }),
    tail: copyString(text.slice(layout.tailStart)),
    column: layout.column,
    context,
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
