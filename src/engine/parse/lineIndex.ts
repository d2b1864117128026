// Converts between offsets and zero-based line/character positions (UTF-16, as LSP counts them).

import type { TextEdit } from '../types';
import { upperBound } from '../util/arrays';

export interface LineCharacter {
  line: number;
  character: number;
}

export class LineIndex {
  /** A typed array: copying and shifting it after an edit is a memory move, not object work. */
  private readonly lineStarts: Uint32Array;
  private readonly length: number;

  /** `known`: the length and line starts of a text already indexed (see `afterEdits`). */
  constructor(text: string, known?: { length: number; lineStarts: Uint32Array }) {
    this.length = known ? known.length : text.length;
    if (known) {
      this.lineStarts = known.lineStarts;
      return;
    }
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = Uint32Array.from(starts);
  }

  /**
   * The index of the text `edits` made (of `length` characters), from the index of the text before
   * them (applied in order, each in the offsets of the text the previous ones produced), without
   * reading the text itself.
   */
  static afterEdits(previous: LineIndex, edits: readonly TextEdit[], length: number): LineIndex {
    let starts = previous.lineStarts;
    for (const edit of edits) {
      const delta = edit.newText.length - (edit.end - edit.start);
      // Line starts within (start, end] follow a newline the edit removes.
      const firstRemoved = upperBound(starts, edit.start);
      const firstKept = upperBound(starts, edit.end);
      const inserted: number[] = [];
      for (let i = edit.newText.indexOf('\n'); i !== -1; i = edit.newText.indexOf('\n', i + 1)) {
        inserted.push(edit.start + i + 1);
      }
      const next = new Uint32Array(firstRemoved + inserted.length + starts.length - firstKept);
      next.set(starts.subarray(0, firstRemoved));
      next.set(inserted, firstRemoved);
      let to = firstRemoved + inserted.length;
      for (let i = firstKept; i < starts.length; i++) next[to++] = starts[i] + delta;
      starts = next;
    }
    return new LineIndex('', { length, lineStarts: starts });
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = upperBound(this.lineStarts, clamped) - 1;
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: LineCharacter): number {
    if (position.line >= this.lineStarts.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const next =
      position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  /** Where the first `\n` at or after `offset` is (-1 if none): `text.indexOf('\n', offset)` without the text. */
  newlineAfter(offset: number): number {
    const line = upperBound(this.lineStarts, Math.max(0, offset)) - 1;
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : -1;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}
