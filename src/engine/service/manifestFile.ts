// One open file, validated incrementally: the text is cut into `---` chunks and each chunk's result
// is cached by its text, so an edit re-validates only the chunks it touched and the others are
// just shifted to their new offsets. When the caller passes the edits (the language server does),
// only the chunks around them are even looked at: a keystroke in a file of thousands of documents
// costs about one document's parse, not a pass over the whole text.

import type { Diagnostic, OffsetRange, QuickFix, ResourceKind, TextEdit } from '../types';
import type { EngineSettings } from '../settings';
import { LineIndex } from '../parse/lineIndex';
import { splitDocuments, type DocumentChunk } from '../parse/splitDocuments';
import { validateChunk, type ChunkResult } from '../validate/validateChunk';
import type { ResourceType } from '../route/resourceTypes';
import type { FileObject } from '../workspace/objects';
import { RULES } from '../rules';
import { ruleApplies } from '../rules/types';
import { applySuppressions, findSuppressions } from './suppressions';
import { composeEdits, replaceRegion } from './edits';
import type { Workspace } from '../workspace/workspace';
import { applyWorkspaceChecks } from '../workspace/workspaceChecks';
import { SUPPRESSION_MARK } from '../../shared/suppressionSyntax';

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

/**
 * A chunk with its (chunk-relative) validation result. A class, so every chunk has the same shape:
 * the per-edit loops over thousands of chunks stay fast (spread copies were many times slower).
 */
class ValidatedChunk implements DocumentChunk {
  constructor(
    readonly start: number,
    readonly text: string,
    readonly result: ChunkResult,
    /** Whether the chunk holds an `eksnet-disable` comment (the text-wide scan is skipped otherwise). */
    readonly mentionsSuppression: boolean,
  ) {}

  movedTo(start: number): ValidatedChunk {
    return new ValidatedChunk(start, this.text, this.result, this.mentionsSuppression);
  }
}

export class ManifestFile {
  private chunks: ValidatedChunk[] = [];
  private text = '';
  private lines = new LineIndex('');
  /** In file offsets, before suppression comments; what the cross-resource checks start from. */
  private unsuppressed: Diagnostic[] = [];
  private diagnostics: Diagnostic[] = [];
  /** The last `diagnosticsIn` result, valid while neither this file nor the workspace changed. */
  private checked:
    { workspace: Workspace; version: number; file: string; diagnostics: Diagnostic[] } | undefined;
  private objects: FileObject[] | undefined = [];
  /** How many chunks the last update had to validate (the rest came from the cache). */
  lastValidatedChunks = 0;

  constructor(private settings: EngineSettings) {}

  setSettings(settings: EngineSettings): void {
    this.settings = settings;
    this.chunks = [];
    this.update(this.text);
  }

  /**
   * Brings the file up to date with `text`. `edits`, when given, are the changes that turned the
   * previous text into `text`, in order, each in the offsets of the text the earlier ones produced
   * (as LSP sends them); they let the update skip the unchanged parts of the file.
   */
  update(text: string, edits?: readonly TextEdit[]): Diagnostic[] {
    const previous = { text: this.text, chunks: this.chunks, lines: this.lines };
    this.text = text;
    this.objects = undefined;
    this.checked = undefined;
    const fileFindings = this.checkFile(text);
    if (fileFindings.length > 0) {
      this.lines = new LineIndex(text);
      this.chunks = [];
      this.unsuppressed = fileFindings;
      this.diagnostics = fileFindings;
      return this.diagnostics;
    }

    const incremental =
      edits !== undefined && edits.length > 0 && previous.chunks.length > 0
        ? this.updateChunks(previous.chunks, previous.text.length, edits, text.length)
        : undefined;
    if (incremental) {
      this.chunks = incremental;
      this.lines = LineIndex.afterEdits(previous.lines, edits ?? [], text);
    } else {
      this.chunks = this.validateAll(text, previous.chunks);
      this.lines = new LineIndex(text);
    }
    this.unsuppressed = this.collectDiagnostics();
    this.diagnostics = this.suppressed(this.unsuppressed);
    return this.diagnostics;
  }

  /**
   * The diagnostics once the cross-resource checks have seen the rest of `workspace`, where this
   * file is `file` (its objects are put there first). What the editor and `eksnet lint` show.
   */
  diagnosticsIn(workspace: Workspace, file: string): Diagnostic[] {
    workspace.setFile(file, this.getObjects());
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
        { file, diagnostics: this.unsuppressed, chunk: (index) => this.chunks[index] },
        workspace,
        this.settings,
      ),
    );
    this.checked = { workspace, version: workspace.version, file, diagnostics };
    return diagnostics;
  }

  getText(): string {
    return this.text;
  }

  getLines(): LineIndex {
    return this.lines;
  }

  getDiagnostics(): Diagnostic[] {
    return this.diagnostics;
  }

  /** Every Kubernetes object in the file, whatever its kind. */
  getObjects(): FileObject[] {
    this.objects ??= this.chunks.flatMap((chunk, documentIndex) =>
      chunk.result.objects.map((object) => ({
        ...object,
        documentIndex,
        chunkStart: chunk.start,
        line: this.lines.positionAt(chunk.start + object.range.start).line,
      })),
    );
    return this.objects;
  }

  /** Documents that could not be read as data, whatever their kind, with a 0-based line. */
  getUnreadable(): FileUnreadable[] {
    return this.chunks.flatMap((chunk, documentIndex) =>
      (chunk.result.unreadable ?? []).map((document) => ({
        documentIndex,
        range: { start: chunk.start + document.range.start, end: chunk.start + document.range.end },
        // An unclosed flow is reported at the end of the chunk: show the line it is on, not the next.
        line: this.lines.positionAt(chunk.start + Math.min(document.at, chunk.text.trimEnd().length)).line,
        message: document.message,
      })),
    );
  }

  /** The objects of the kinds this tool validates. */
  getResources(): FileResource[] {
    return this.getObjects().filter(isResource);
  }

  /** The chunk containing `offset`, for features that work on the document under the cursor. */
  chunkAt(offset: number): { chunk: DocumentChunk; documentIndex: number } | undefined {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.chunks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    const chunk = this.chunks[low];
    return chunk ? { chunk: { start: chunk.start, text: chunk.text }, documentIndex: low } : undefined;
  }

  private checkFile(text: string): Diagnostic[] {
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

  /** Splits the whole text; chunks whose text was already in the file keep their result. */
  private validateAll(text: string, previous: readonly ValidatedChunk[]): ValidatedChunk[] {
    const known = new Map<string, ChunkResult>();
    for (const chunk of previous) known.set(chunk.text, chunk.result);
    let validated = 0;
    const chunks = splitDocuments(text).map((chunk): ValidatedChunk => {
      let result = known.get(chunk.text);
      if (!result) {
        result = validateChunk(chunk.text, this.settings);
        known.set(chunk.text, result);
        validated++;
      }
      return new ValidatedChunk(chunk.start, chunk.text, result, chunk.text.includes(SUPPRESSION_MARK));
    });
    this.lastValidatedChunks = validated;
    return chunks;
  }

  /**
   * Re-splits only the chunks the edits touch and shifts the ones after them. Returns undefined
   * when the edits do not fit the previous text (then the caller splits the whole text).
   */
  private updateChunks(
    previous: readonly ValidatedChunk[],
    previousLength: number,
    edits: readonly TextEdit[],
    newLength: number,
  ): ValidatedChunk[] | undefined {
    const combined = composeEdits(edits, (start, end) => readChunks(previous, start, end), previousLength);
    // Edits that do not add up to the new text's length did not produce it: split it all instead.
    if (!combined || previousLength + combined.newText.length - (combined.end - combined.start) !== newLength)
      return undefined;
    const region = replaceRegion(previous, combined);
    const oldRegionText = previous
      .slice(region.first, region.afterLast)
      .map((chunk) => chunk.text)
      .join('');
    const regionStart = previous[region.first].start;
    const newRegionText = copyString(
      oldRegionText.slice(0, combined.start - regionStart) +
        combined.newText +
        oldRegionText.slice(combined.end - regionStart),
    );
    let regionChunks = splitDocuments(newRegionText);
    // An emptied region before further chunks is no chunk at all (a full split would not make one).
    if (newRegionText === '' && region.afterLast < previous.length) regionChunks = [];

    const known = new Map<string, ChunkResult>();
    for (const chunk of previous.slice(region.first, region.afterLast)) known.set(chunk.text, chunk.result);
    let validated = 0;
    const replaced = regionChunks.map((chunk): ValidatedChunk => {
      let result = known.get(chunk.text);
      if (!result) {
        result = validateChunk(chunk.text, this.settings);
        known.set(chunk.text, result);
        validated++;
      }
      return new ValidatedChunk(
        chunk.start + regionStart,
        chunk.text,
        result,
        chunk.text.includes(SUPPRESSION_MARK),
      );
    });
    this.lastValidatedChunks = validated;
    const delta = combined.newText.length - (combined.end - combined.start);
    const after = previous
      .slice(region.afterLast)
      .map((chunk) => (delta === 0 ? chunk : chunk.movedTo(chunk.start + delta)));
    return [...previous.slice(0, region.first), ...replaced, ...after];
  }

  private collectDiagnostics(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    this.chunks.forEach((chunk, documentIndex) => {
      for (const diagnostic of chunk.result.diagnostics)
        diagnostics.push(shift(diagnostic, chunk.start, documentIndex));
    });
    return diagnostics;
  }

  private suppressed(diagnostics: Diagnostic[]): Diagnostic[] {
    if (!this.chunks.some((chunk) => chunk.mentionsSuppression)) return diagnostics;
    return applySuppressions(diagnostics, findSuppressions(this.text, this.lines), this.lines);
  }
}

function isResource(object: FileObject): object is FileResource {
  return object.resource !== undefined;
}

/** Text of the old file between two offsets, read from its chunks (they cover the file in order). */
function readChunks(chunks: readonly DocumentChunk[], start: number, end: number): string {
  let out = '';
  for (let i = chunkIndexAt(chunks, start); i < chunks.length && chunks[i].start < end; i++) {
    const chunk = chunks[i];
    out += chunk.text.slice(Math.max(0, start - chunk.start), Math.max(0, end - chunk.start));
  }
  return out;
}

function chunkIndexAt(chunks: readonly DocumentChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (chunks[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A copy of `text` that does not point into a larger string: a slice of the whole file would keep
 * that version of the file alive for as long as this chunk is cached.
 */
function copyString(text: string): string {
  return (' ' + text).slice(1);
}

function shift(diagnostic: Diagnostic, by: number, documentIndex: number): Diagnostic {
  return {
    ...diagnostic,
    documentIndex,
    range: { start: diagnostic.range.start + by, end: diagnostic.range.end + by },
    fixes: diagnostic.fixes?.map((fix): QuickFix => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by })),
    })),
  };
}
