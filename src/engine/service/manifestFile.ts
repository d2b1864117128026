// One open file, validated incrementally. The text is cut into units — each `---` document, and
// each item of a `kind: List` document — and each unit's result is cached by its text, so an edit
// re-validates only the units it touched and the others are just shifted to their new offsets.
// When the caller passes the edits (the language server does), only the units around them are
// even looked at: a keystroke in a file of thousands of documents, or in a List of thousands of
// items, costs about one unit's parse.
//
// Updating is two steps: `sync` brings the units up to date with the text (cheap, no validation),
// and the units it could not take from the cache are then validated — all at once by `update`,
// or a few at a time by whoever schedules the work (the language server, so requests are answered
// in between, possibly in worker threads). Results only depend on a unit's text and the settings,
// so they are the same whichever way they were computed.

import type { Diagnostic, ResourceKind, TextEdit, TextSource } from '../types';
import type { EngineSettings } from '../settings';
import { LineIndex } from '../parse/lineIndex';
import { splitDocuments } from '../parse/splitDocuments';
import { splitListItems } from '../parse/listLayout';
import type { ChunkResult } from '../validate/validateChunk';
import { validateJob, type ValidationJob } from '../validate/validateJob';
import type { ResourceType } from '../route/resourceTypes';
import type { FileObject } from '../workspace/objects';
import { RULES } from '../rules';
import { ruleApplies } from '../rules/types';
import { applySuppressions, findSuppressions } from './suppressions';
import { composeEdits, replaceRegion } from './edits';
import type { Workspace } from '../workspace/workspace';
import { applyWorkspaceChecks } from '../workspace/workspaceChecks';
import {
  buildChunk,
  CellCache,
  chunkEnd,
  chunkMentionsSuppression,
  copyString,
  Unit,
  type Chunk,
  type ListChunk,
  type ResultCell,
} from './units';
import {
  ChunkPlacements,
  collectObjects,
  moveDiagnostics,
  moveObjects,
  placeChunkDiagnostics,
  placeChunkObjects,
  rangeInUnit,
  type ChunkSplice,
} from './assemble';
import type { WorkspaceObject } from '../workspace/objects';
import {
  completeInFile,
  explainFile,
  hoverInFile,
  nodeRangeInObject,
  objectRange,
  resourceAt,
  type ResourceExplanation,
} from './fileFeatures';
import { documentSymbols, type OutlineSymbol } from '../editing/symbols';
import type { CompletionOptions, CompletionResult } from '../editing/completion';
import type { HoverOptions, HoverResult } from '../editing/hover';
import type { OffsetRange, Path } from '../types';

/** A document that could not be read, in file offsets. */
export interface FileUnreadable {
  documentIndex: number;
  range: OffsetRange;
  /** 0-based line of its first problem. */
  line: number;
  message: string;
}

/** An object of one of the kinds this tool validates. */
export interface FileResource extends FileObject {
  kind: ResourceKind;
  resource: ResourceType;
}

/** The unit under a position, for features that work on the document or item under the cursor. */
export interface UnitView {
  /** Offset of the unit in the file; offsets in `text` are relative to it. */
  start: number;
  text: string;
  /** The `---` document the unit is in. */
  documentIndex: number;
  /** Set for an item of a List: its index in `items`. */
  itemIndex?: number;
}

export class ManifestFile {
  private chunks: Chunk[] = [];
  /** The whole text: as given, or joined from the units when asked for (see `getText`). */
  private text: string | undefined = '';
  private textLength = 0;
  private lines = new LineIndex('');
  /** Whole-file findings (a file too large to check); when set, nothing else is reported. */
  private fileFindings: Diagnostic[] = [];
  /** Computed on demand once every unit has its result; cleared by every change. */
  private assembled: { unsuppressed: Diagnostic[]; diagnostics: Diagnostic[] } | undefined;
  private objects: FileObject[] | undefined;
  /** The objects as the workspace keeps them, for the file key they were made for. */
  private workspaceObjects: { file: string; objects: FileObject[] } | undefined;
  /** Each chunk's diagnostics and (for one file key) workspace objects, following the edits. */
  private readonly diagnosticPlacements = new ChunkPlacements<Diagnostic>(
    placeChunkDiagnostics,
    moveDiagnostics,
  );
  private objectPlacements: { file: string; placements: ChunkPlacements<WorkspaceObject> } | undefined;
  /** The last `diagnosticsIn` result, valid while neither this file nor the workspace changed. */
  private checked:
    { workspace: Workspace; version: number; file: string; diagnostics: Diagnostic[] } | undefined;
  /** Cells still waiting for a result, by key. */
  private pending = new Map<string, ResultCell>();
  /** Bumped by every change of text or settings. */
  revision = 0;
  /** Bumped by every change of settings: results computed under other settings are refused. */
  settingsGeneration = 0;
  /** How many units the last update had to validate (the rest came from the cache). */
  lastValidatedChunks = 0;

  constructor(private settings: EngineSettings) {}

  /** New settings: every unit is validated again (by `update`, or by whoever runs `pendingJobs`). */
  setSettings(settings: EngineSettings): void {
    this.settings = settings;
    this.settingsGeneration++;
    const text = this.getText();
    this.chunks = [];
    this.text = '';
    this.sync(text);
  }

  getSettings(): EngineSettings {
    return this.settings;
  }

  /**
   * Brings the file up to date with `text` and validates what changed. `edits`, when given, are the
   * changes that turned the previous text into `text`, in order, each in the offsets of the text the
   * earlier ones produced (as LSP sends them); they let the update skip the unchanged parts.
   */
  update(text: TextSource, edits?: readonly TextEdit[]): Diagnostic[] {
    this.sync(text, edits);
    this.validatePending();
    return this.getDiagnostics();
  }

  /**
   * Brings the units up to date with `source` without validating them (see `pendingJobs`). With
   * edits that the units can follow, only `source.length` is read: the units take the text around
   * the edits from the text they already hold.
   */
  sync(source: TextSource, edits?: readonly TextEdit[]): void {
    const previous = { text: this.text, length: this.textLength, chunks: this.chunks, lines: this.lines };
    const hasEdits = edits !== undefined && edits.length > 0;
    // (Comparing two large texts costs a scan; with edits the text is known to have changed.)
    if (!hasEdits && this.chunks.length > 0 && String(source) === this.getText()) return;
    this.revision++;
    this.textLength = source.length;
    this.objects = undefined;
    this.workspaceObjects = undefined;
    this.checked = undefined;
    this.assembled = undefined;
    this.fileFindings = this.checkFile(source);
    if (this.fileFindings.length > 0) {
      this.text = String(source);
      this.lines = new LineIndex(this.text);
      this.chunks = [];
      this.pending = new Map();
      this.lastValidatedChunks = 0;
      this.followPlacements(undefined);
      return;
    }
    const slicePrevious = (start: number, end: number): string =>
      previous.text !== undefined
        ? previous.text.slice(start, end)
        : sliceChunks(previous.chunks, start, end);
    const incremental =
      hasEdits && previous.chunks.length > 0
        ? this.updateChunks(previous.chunks, slicePrevious, previous.length, edits, source.length)
        : undefined;
    if (incremental) {
      this.chunks = incremental.chunks;
      this.lines = LineIndex.afterEdits(previous.lines, edits ?? [], source.length);
      this.text = undefined;
    } else {
      const text = String(source);
      this.text = text;
      const cache = new CellCache();
      for (const chunk of previous.chunks) cache.remember(unitsOf(chunk));
      this.chunks = splitDocuments(text).map((chunk) => buildChunk(chunk.start, chunk.text, cache));
      this.lines = new LineIndex(text);
    }
    const splice = incremental && {
      ...incremental.splice,
      lineDelta: this.lines.lineCount - previous.lines.lineCount,
    };
    this.followPlacements(splice);
    // Only new chunks can wait for a result when none did before.
    const waiting =
      splice && this.pending.size === 0
        ? this.chunks.slice(splice.first, splice.first + splice.added)
        : this.chunks;
    this.pending = new Map();
    const wait = (unit: Unit) => {
      if (!unit.cell.result) this.pending.set(unit.cell.key, unit.cell);
    };
    for (const chunk of waiting) {
      if (chunk.kind === 'document') wait(chunk.unit);
      else for (const item of chunk.items) wait(item);
    }
    this.lastValidatedChunks = this.pending.size;
  }

  private followPlacements(splice: ChunkSplice | undefined): void {
    this.diagnosticPlacements.follow(splice, this.chunks.length);
    this.objectPlacements?.placements.follow(splice, this.chunks.length);
  }

  /** Whether every unit has its result (diagnostics and objects can be read without validating). */
  get validated(): boolean {
    return this.pending.size === 0;
  }

  /** The units that still need validating, each once, in file order. */
  *pendingJobs(): Generator<ValidationJob> {
    for (const cell of this.pending.values()) yield cell;
  }

  /** How many units still need validating. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Takes a result computed elsewhere (a worker thread) for a pending unit. Ignored when no unit
   * waits for it any more, or when it was computed under other settings (`generation`).
   */
  complete(key: string, result: ChunkResult, generation = this.settingsGeneration): void {
    const cell = this.pending.get(key);
    if (!cell || generation !== this.settingsGeneration) return;
    cell.result = result;
    this.pending.delete(key);
    if (this.pending.size === 0) {
      this.objects = undefined;
      this.workspaceObjects = undefined;
    }
  }

  /**
   * Validates pending units on this thread (those `accept` takes, all by default); with a deadline
   * (a performance.now() time) it stops once that has passed. Returns whether all are done.
   */
  validatePending(deadline = Infinity, accept?: (job: ValidationJob) => boolean): boolean {
    for (const cell of this.pending.values()) {
      if (accept && !accept(cell)) continue;
      this.complete(cell.key, validateJob(cell, this.settings));
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    return this.pending.size === 0;
  }

  /** The diagnostics before cross-resource checks (see `diagnosticsIn`). Validates what is pending. */
  getDiagnostics(): Diagnostic[] {
    return this.assemble().diagnostics;
  }

  /**
   * The diagnostics once the cross-resource checks have seen the rest of `workspace`, where this
   * file is `file` (its objects are put there first). What the editor and `eksnet lint` show.
   */
  diagnosticsIn(workspace: Workspace, file: string): Diagnostic[] {
    const { unsuppressed } = this.assemble();
    if (this.workspaceObjects?.file !== file) {
      if (this.objectPlacements?.file !== file) {
        const place = (chunk: Chunk, documentIndex: number) =>
          placeChunkObjects(chunk, documentIndex, this.lines, file) as readonly WorkspaceObject[];
        this.objectPlacements = { file, placements: new ChunkPlacements(place, moveObjects) };
      }
      this.workspaceObjects = { file, objects: this.objectPlacements.placements.all(this.chunks) };
    }
    workspace.setFile(file, this.workspaceObjects.objects);
    const { checked } = this;
    if (
      checked &&
      checked.workspace === workspace &&
      checked.version === workspace.version &&
      checked.file === file
    )
      return checked.diagnostics;
    const diagnostics = this.suppressed(
      applyWorkspaceChecks(
        {
          file,
          diagnostics: unsuppressed,
          rangeOf: (object, path, target) => this.rangeInObject(object, path, target),
        },
        workspace,
        this.settings,
      ),
    );
    this.checked = { workspace, version: workspace.version, file, diagnostics };
    return diagnostics;
  }

  /** The whole text (joined from the units after an edit, then kept until the next one). */
  getText(): string {
    this.text ??= joinChunks(this.chunks);
    return this.text;
  }

  /** The text from `start` to `end` (clamped to the text), without joining the whole text. */
  slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, this.textLength));
    const to = Math.max(from, Math.min(end, this.textLength));
    return this.text !== undefined ? this.text.slice(from, to) : sliceChunks(this.chunks, from, to);
  }

  /** The text's length. */
  get length(): number {
    return this.textLength;
  }

  getLines(): LineIndex {
    return this.lines;
  }

  /** Every Kubernetes object in the file, whatever its kind. Validates what is pending. */
  getObjects(): FileObject[] {
    if (!this.validated) this.validatePending();
    this.objects ??= collectObjects(this.chunks, this.lines);
    return this.objects;
  }

  /** Documents that could not be read as data, whatever their kind, with a 0-based line. */
  getUnreadable(): FileUnreadable[] {
    if (!this.validated) this.validatePending();
    const out: FileUnreadable[] = [];
    const add = (unit: Unit, documentIndex: number): void => {
      for (const document of unit.cell.result?.unreadable ?? []) {
        out.push({
          documentIndex,
          range: { start: unit.start + document.range.start, end: unit.start + document.range.end },
          // An unclosed flow is reported at the end of the unit: show the line it is on, not the next.
          line: this.lines.positionAt(unit.start + Math.min(document.at, unit.text.trimEnd().length)).line,
          message: document.message,
        });
      }
    };
    this.chunks.forEach((chunk, documentIndex) => {
      if (chunk.kind === 'document') add(chunk.unit, documentIndex);
      else for (const item of chunk.items) add(item, documentIndex);
    });
    return out;
  }

  /** The objects of the kinds this tool validates. */
  getResources(): FileResource[] {
    return this.getObjects().filter(isResource);
  }

  /** The unit containing `offset`; in a List read item by item, its own lines are a view of their own. */
  unitAt(offset: number): UnitView | undefined {
    const documentIndex = indexAt(this.chunks, offset);
    const chunk = this.chunks[documentIndex];
    if (!chunk) return undefined;
    if (chunk.kind === 'document') return { start: chunk.unit.start, text: chunk.unit.text, documentIndex };
    const { items } = chunk;
    if (offset < items[0].start) return { start: chunk.start, text: chunk.head, documentIndex };
    const last = items[items.length - 1];
    if (offset >= last.end && chunk.tail !== '') return { start: last.end, text: chunk.tail, documentIndex };
    const itemIndex = indexAt(items, offset);
    return { start: items[itemIndex].start, text: items[itemIndex].text, documentIndex, itemIndex };
  }

  /** The units of the file in order (for the file-model features). */
  units(): UnitView[] {
    return this.chunks.flatMap((chunk, documentIndex): UnitView[] =>
      chunk.kind === 'document'
        ? [{ start: chunk.unit.start, text: chunk.unit.text, documentIndex }]
        : chunk.items.map((item, itemIndex) => ({
            start: item.start,
            text: item.text,
            documentIndex,
            itemIndex,
          })),
    );
  }

  // The editing features over the whole file; every offset in and out is a file offset.

  /** Hover at `offset` (field docs, CIDR and AWS ID facts, selectors in words). */
  hoverAt(offset: number, options: Omit<HoverOptions, 'listItem'>): HoverResult | undefined {
    return hoverInFile(this, offset, options);
  }

  /** Completion candidates at `offset`. */
  completeAt(offset: number, options: Omit<CompletionOptions, 'listItem'> = {}): CompletionResult {
    return completeInFile(this, offset, options);
  }

  /** The outline: one symbol per resource, with its rules. */
  symbols(): OutlineSymbol[] {
    return documentSymbols(this);
  }

  /** The resource under `offset` (in a List, the item under it). */
  resourceAt(offset: number): FileResource | undefined {
    return resourceAt(this, offset);
  }

  /**
   * "Explain Resource" for every resource of the file, in order; each lists the semantic findings
   * of `diagnostics` (the file's, as `diagnosticsIn` gives them) on its lines as its notes.
   */
  explain(diagnostics: readonly Diagnostic[], workspace?: Workspace): ResourceExplanation[] {
    return explainFile(this, this.settings, diagnostics, workspace);
  }

  /** The object's mapping, in file offsets. */
  objectRange(object: FileObject): OffsetRange {
    return objectRange(object);
  }

  /** What a finding on `path` inside `object` underlines, in file offsets. */
  rangeInObject(object: FileObject, path: Path, target: 'key' | 'value'): OffsetRange {
    return rangeInUnit(this.unitAt(object.chunkStart), object, path, target);
  }

  /** The value at `path` inside `object` (start to end of the value), in file offsets, if it is there. */
  nodeRangeInObject(object: FileObject, path: Path): OffsetRange | undefined {
    return nodeRangeInObject(this, object, path);
  }

  private checkFile(text: TextSource): Diagnostic[] {
    return RULES.flatMap((rule) => {
      const level = this.settings.rules[rule.code];
      if (!rule.checkFile || level === 'off' || !ruleApplies(rule, this.settings)) return [];
      return rule.checkFile(text, this.settings).map((finding): Diagnostic => ({
        range: finding.range,
        severity: level ?? rule.defaultSeverity,
        code: rule.code,
        message: finding.message,
        path: '',
        documentIndex: 0,
      }));
    });
  }

  /**
   * Re-splits only the chunks (or List items) the edits touch and shifts the ones after them, and
   * says which chunks it replaced. Returns undefined when the edits do not fit the previous text
   * (the caller splits it all).
   */
  private updateChunks(
    previous: readonly Chunk[],
    slicePrevious: (start: number, end: number) => string,
    previousLength: number,
    edits: readonly TextEdit[],
    newLength: number,
  ): { chunks: Chunk[]; splice: Omit<ChunkSplice, 'lineDelta'> } | undefined {
    const combined = composeEdits(edits, slicePrevious, previousLength);
    // Edits that do not add up to the new text's length did not produce it: split it all instead.
    if (!combined || previousLength + combined.newText.length - (combined.end - combined.start) !== newLength)
      return undefined;
    const delta = combined.newText.length - (combined.end - combined.start);
    const region = replaceRegion(previous, combined);
    const shiftedAfter = (from: number) =>
      previous.slice(from).map((chunk) => (delta === 0 ? chunk : moveChunk(chunk, delta)));

    // Inside one List's items: re-split only the items the edit touched.
    if (region.afterLast === region.first + 1 && previous[region.first].kind === 'list') {
      const list = this.updateItems(previous[region.first] as ListChunk, slicePrevious, combined, delta);
      if (list) {
        return {
          chunks: [...previous.slice(0, region.first), list, ...shiftedAfter(region.afterLast)],
          splice: { first: region.first, removed: 1, added: 1, delta },
        };
      }
    }

    const regionStart = previous[region.first].start;
    const regionEnd = chunkEnd(previous[region.afterLast - 1]);
    const newRegionText = copyString(
      slicePrevious(regionStart, combined.start) + combined.newText + slicePrevious(combined.end, regionEnd),
    );
    let regionChunks = splitDocuments(newRegionText);
    // An emptied region before further chunks is no chunk at all (a full split would not make one).
    if (newRegionText === '' && region.afterLast < previous.length) regionChunks = [];
    const cache = new CellCache();
    for (const chunk of previous.slice(region.first, region.afterLast)) cache.remember(unitsOf(chunk));
    const replaced = regionChunks.map((chunk) => buildChunk(chunk.start + regionStart, chunk.text, cache));
    return {
      chunks: [...previous.slice(0, region.first), ...replaced, ...shiftedAfter(region.afterLast)],
      splice: {
        first: region.first,
        removed: region.afterLast - region.first,
        added: replaced.length,
        delta,
      },
    };
  }

  /** The List with the items around `edit` re-split, or undefined when the edit changes the List's structure. */
  private updateItems(
    list: ListChunk,
    slicePrevious: (start: number, end: number) => string,
    edit: TextEdit,
    delta: number,
  ): ListChunk | undefined {
    const { items, column } = list;
    const itemsStart = items[0].start;
    const itemsEnd = items[items.length - 1].end;
    // The first touched item keeps its `- ` marker; the one after the last keeps the newline before it.
    let first = -1;
    for (let low = 0, high = items.length - 1; low <= high;) {
      const mid = (low + high) >> 1;
      if (items[mid].start + column + 2 <= edit.start) {
        first = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (first === -1 || edit.end >= itemsEnd || edit.start < itemsStart) return undefined;
    let afterLast = first + 1;
    while (afterLast < items.length && items[afterLast].start <= edit.end) afterLast++;
    const regionStart = items[first].start;
    const regionEnd = items[afterLast - 1].end;
    const regionText =
      slicePrevious(regionStart, edit.start) + edit.newText + slicePrevious(edit.end, regionEnd);
    const spans = splitListItems(regionText, column);
    if (!spans || spans.length === 0) return undefined;
    const cache = new CellCache();
    cache.remember(items.slice(first, afterLast));
    const replaced = spans.map((span) => {
      const text = copyString(regionText.slice(span.start, span.end));
      return new Unit(regionStart + span.start, text, cache.cell(text, list.context));
    });
    const after = items
      .slice(afterLast)
      .map((item) => (delta === 0 ? item : item.movedTo(item.start + delta)));
    return { ...list, items: [...items.slice(0, first), ...replaced, ...after] };
  }

  private assemble(): { unsuppressed: Diagnostic[]; diagnostics: Diagnostic[] } {
    if (this.assembled) return this.assembled;
    if (!this.validated) this.validatePending();
    const unsuppressed =
      this.fileFindings.length > 0 ? this.fileFindings : this.diagnosticPlacements.all(this.chunks);
    this.assembled = { unsuppressed, diagnostics: this.suppressed(unsuppressed) };
    return this.assembled;
  }

  private suppressed(diagnostics: Diagnostic[]): Diagnostic[] {
    if (!this.chunks.some(chunkMentionsSuppression)) return diagnostics;
    return applySuppressions(diagnostics, findSuppressions(this.getText(), this.lines), this.lines);
  }
}

function isResource(object: FileObject): object is FileResource {
  return object.resource !== undefined;
}

/** The chunk's text in order, in pieces that start where the previous one ends. */
function piecesOf(chunk: Chunk): readonly { start: number; text: string }[] {
  if (chunk.kind === 'document') return [chunk.unit];
  const last = chunk.items[chunk.items.length - 1];
  return [{ start: chunk.start, text: chunk.head }, ...chunk.items, { start: last.end, text: chunk.tail }];
}

/** The text the chunks make, whole. */
function joinChunks(chunks: readonly Chunk[]): string {
  const parts: string[] = [];
  for (const chunk of chunks) for (const piece of piecesOf(chunk)) parts.push(piece.text);
  return parts.join('');
}

/** The text from `start` to `end` of the file the chunks make. */
function sliceChunks(chunks: readonly Chunk[], start: number, end: number): string {
  let out = '';
  for (let index = indexAt(chunks, start); index < chunks.length && chunks[index].start < end; index++) {
    for (const piece of piecesOf(chunks[index])) {
      const pieceEnd = piece.start + piece.text.length;
      if (pieceEnd <= start || piece.start >= end) continue;
      out += piece.text.slice(Math.max(0, start - piece.start), Math.min(end, pieceEnd) - piece.start);
    }
  }
  return out;
}

function unitsOf(chunk: Chunk): readonly Unit[] {
  return chunk.kind === 'document' ? [chunk.unit] : chunk.items;
}

function moveChunk(chunk: Chunk, delta: number): Chunk {
  if (chunk.kind === 'document')
    return { ...chunk, start: chunk.start + delta, unit: chunk.unit.movedTo(chunk.start + delta) };
  return {
    ...chunk,
    start: chunk.start + delta,
    items: chunk.items.map((item) => item.movedTo(item.start + delta)),
  };
}

/** The index of the last entry starting at or before `offset` (0 when none does). */
function indexAt(entries: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (entries[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
