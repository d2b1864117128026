// The server's copy of an open document. Its text is kept in pieces of a few kilobytes: editing a
// JavaScript string copies the whole string, so a keystroke in a file of several megabytes would
// copy megabytes (and leave them to the garbage collector); here it copies one piece. The whole
// text is joined only when someone asks for it, and kept until the next change.
// Positions follow LSP's rules as the protocol library's own TextDocument applies them: a line
// ends at `\n`, `\r\n` or a lone `\r`, and a character past the end of a line means the end of
// that line (before its line break).

import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../engine';
import { lowerBound, upperBound } from '../engine/util/arrays';

/** Pieces are cut to this many characters, and an edited piece is cut again past twice that. */
const PIECE_CHARS = 16 * 1024;

const LF = 10;
const CR = 13;

export class OpenDocument implements TextDocument {
  private pieces: string[] = [];
  /** Offset of each piece's first character. */
  private pieceStarts: number[] = [];
  private textLength = 0;
  /** Offset of each line's first character (the first is 0). */
  private lineStarts = new Uint32Array(1);
  /** The whole text, once joined (or as created), until the next change. */
  private whole: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
    /** Smaller pieces for tests; the default suits the editor. */
    private readonly pieceChars = PIECE_CHARS,
  ) {
    this.replaceAll(text);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text's length in UTF-16 code units, without joining it. */
  get length(): number {
    return this.textLength;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  getText(range?: Range): string {
    if (range) {
      // As `substring` does: a range given end first is read start to end.
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    this.whole ??= this.pieces.join('');
    return this.whole;
  }

  /** The whole text (what the engine reads when it cannot follow the edits). */
  toString(): string {
    return this.getText();
  }

  /** The text from `start` to `end` (offsets, clamped to the text). */
  slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, this.textLength));
    const to = Math.max(from, Math.min(end, this.textLength));
    if (this.whole !== undefined) return this.whole.slice(from, to);
    if (from === to) return '';
    let index = this.pieceAt(from);
    let out = '';
    for (let at = from; at < to; index++) {
      const piece = this.pieces[index];
      const pieceStart = this.pieceStarts[index];
      const pieceEnd = pieceStart + piece.length;
      out += piece.slice(at - pieceStart, Math.min(to, pieceEnd) - pieceStart);
      at = pieceEnd;
    }
    return out;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.textLength));
    const line = upperBound(this.lineStarts, clamped) - 1;
    const lineStart = this.lineStarts[line];
    return { line, character: this.beforeLineBreak(clamped, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    const { lineStarts } = this;
    if (position.line >= lineStarts.length) return this.textLength;
    if (position.line < 0) return 0;
    const lineStart = lineStarts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : this.textLength;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const { lineStarts } = this;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= lineStarts.length) {
      const last = lineStarts.length - 1;
      return {
        start: { line: last, character: 0 },
        end: { line: last, character: this.textLength - lineStarts[last] },
      };
    }
    const { start, end } = this.lineBounds(line);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    const { end, next } = this.lineBounds(line);
    return this.slice(end, next);
  }

  /**
   * Applies one change of a `didChange` notification and returns what it replaced, in offsets of
   * the text before it; undefined for a change of the whole text.
   */
  apply(change: TextDocumentContentChangeEvent): TextEdit | undefined {
    if (!('range' in change)) {
      this.replaceAll(change.text);
      return undefined;
    }
    const a = this.offsetAt(change.range.start);
    const b = this.offsetAt(change.range.end);
    const edit = { start: Math.min(a, b), end: Math.max(a, b), newText: change.text };
    this.replace(edit);
    return edit;
  }

  setVersion(version: number): void {
    this.currentVersion = version;
  }

  private replaceAll(text: string): void {
    this.pieces = [];
    for (let at = 0; at < text.length; at += this.pieceChars)
      this.pieces.push(text.slice(at, at + this.pieceChars));
    if (this.pieces.length === 0) this.pieces.push('');
    this.pieceStarts = this.pieces.map((_piece, index) => index * this.pieceChars);
    this.textLength = text.length;
    this.whole = text;
    const starts = [0];
    if (text.includes('\r')) {
      for (let offset = 1; offset <= text.length; offset++) {
        if (isLineStart(text.charCodeAt(offset - 1), text.charCodeAt(offset))) starts.push(offset);
      }
    } else {
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    this.lineStarts = Uint32Array.from(starts);
  }

  private replace(edit: TextEdit): void {
    const { start, end, newText } = edit;
    if (start === end && newText === '') return;
    // The pieces the edit touches become one, then are cut again if it grew large.
    const first = this.pieceAt(start);
    const last = Math.max(first, this.pieceAt(end, true));
    const merged =
      this.pieces[first].slice(0, start - this.pieceStarts[first]) +
      newText +
      this.pieces[last].slice(end - this.pieceStarts[last]);
    const replacement: string[] = [];
    if (merged.length > 2 * this.pieceChars) {
      for (let at = 0; at < merged.length; at += this.pieceChars)
        replacement.push(merged.slice(at, at + this.pieceChars));
    } else if (merged !== '' || this.pieces.length === last - first + 1) {
      // A copy, so the piece does not keep the strings it was cut from alive.
      replacement.push((' ' + merged).slice(1));
    }
    this.pieces.splice(first, last - first + 1, ...replacement);
    this.pieceStarts.length = this.pieces.length;
    let at = first === 0 ? 0 : this.pieceStarts[first - 1] + this.pieces[first - 1].length;
    for (let index = first; index < this.pieces.length; index++) {
      this.pieceStarts[index] = at;
      at += this.pieces[index].length;
    }
    const delta = newText.length - (end - start);
    this.textLength += delta;
    this.whole = undefined;
    this.updateLineStarts(start, end, start + newText.length, delta);
  }

  /**
   * Whether a line starts at an offset depends on the two characters around it. Those of the old
   * text up to `start` and from `end` on are unchanged, so only offsets `start` to `newEnd` of the
   * new text are looked at again; the line starts after them move by `delta`.
   */
  private updateLineStarts(start: number, end: number, newEnd: number, delta: number): void {
    const old = this.lineStarts;
    // The first line's start is not the edit's to change.
    const keptBefore = lowerBound(old, Math.max(1, start));
    const keptAfter = upperBound(old, end);
    const aroundStart = Math.max(0, start - 1);
    const around = this.slice(aroundStart, newEnd + 1);
    const found: number[] = [];
    for (let offset = Math.max(1, start); offset <= newEnd; offset++) {
      const before = around.charCodeAt(offset - 1 - aroundStart);
      if (isLineStart(before, around.charCodeAt(offset - aroundStart))) found.push(offset);
    }
    // As many lines as before (most keystrokes): changed in place.
    const next =
      found.length === keptAfter - keptBefore
        ? old
        : new Uint32Array(keptBefore + found.length + old.length - keptAfter);
    if (next !== old) next.set(old.subarray(0, keptBefore));
    next.set(found, keptBefore);
    const movedTo = keptBefore + found.length;
    if (next !== old || delta !== 0) {
      for (let index = keptAfter, to = movedTo; index < old.length; index++) next[to++] = old[index] + delta;
    }
    this.lineStarts = next;
  }

  /** A line's first offset, where its line break starts, and where the next line starts. */
  private lineBounds(line: number): { start: number; end: number; next: number } {
    const start = this.lineStarts[line];
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.textLength;
    return { start, end: this.beforeLineBreak(next, start), next };
  }

  /** `offset` moved back over the line break it may be inside or after, but not before `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.charCodeAt(at - 1))) at--;
    return at;
  }

  private charCodeAt(offset: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(offset);
    if (offset < 0 || offset >= this.textLength) return Number.NaN;
    const index = this.pieceAt(offset);
    return this.pieces[index].charCodeAt(offset - this.pieceStarts[index]);
  }

  /**
   * The piece holding the character at `offset` (the last piece for the end of the text); with
   * `endOfRange`, an offset where a piece ends belongs to that piece.
   */
  private pieceAt(offset: number, endOfRange = false): number {
    const { pieceStarts } = this;
    let low = 0;
    let high = pieceStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      const starts = pieceStarts[mid];
      if (starts < offset || (starts === offset && !endOfRange)) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

/** Whether a line starts between a character `before` and one `after` (NaN past the end). */
function isLineStart(before: number, after: number): boolean {
  return before === LF || (before === CR && after !== LF);
}
