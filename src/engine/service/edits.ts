// Helpers for incremental updates: turn a list of LSP-style edits into one replacement of the old
// text, and find the chunks that replacement can affect.

import type { TextEdit } from '../types';

/**
 * Folds edits applied one after another (each in the offsets of the text the earlier ones
 * produced) into one replacement in the offsets of the original text. `readOld` reads the original
 * text between two offsets. Returns undefined when an edit does not fit the text it applies to.
 */
export function composeEdits(
  edits: readonly TextEdit[],
  readOld: (start: number, end: number) => string,
  oldLength: number,
): TextEdit | undefined {
  let combined: TextEdit | undefined;
  let length = oldLength;
  for (const edit of edits) {
    if (!(edit.start >= 0 && edit.start <= edit.end && edit.end <= length)) return undefined;
    length += edit.newText.length - (edit.end - edit.start);
    if (!combined) {
      combined = { start: edit.start, end: edit.end, newText: edit.newText };
      continue;
    }
    // The current text of [start, currentEnd) is: old text before the combined replacement, its
    // new text, then old text after it (shifted by the replacement's change in length).
    const replacedEnd = combined.start + combined.newText.length;
    const start = Math.min(combined.start, edit.start);
    const extra = Math.max(0, edit.end - replacedEnd);
    const current =
      (start < combined.start ? readOld(start, combined.start) : '') +
      combined.newText +
      (extra > 0 ? readOld(combined.end, combined.end + extra) : '');
    combined = {
      start,
      end: combined.end + extra,
      newText: current.slice(0, edit.start - start) + edit.newText + current.slice(edit.end - start),
    };
  }
  return combined;
}

/**
 * The chunks `[first, afterLast)` that a replacement of `[start, end)` can change. The first one
 * starts at least four characters before the replacement, so its `---` marker survives and it is
 * still a document boundary afterwards; the chunk after the last one starts after the replacement,
 * so the newline before its marker survives too. Everything between is split again.
 */
export function replaceRegion(
  chunks: readonly { start: number }[],
  replacement: { start: number; end: number },
): { first: number; afterLast: number } {
  let first = 0;
  let low = 0;
  let high = chunks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (chunks[mid].start + 4 <= replacement.start) {
      first = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  let afterLast = chunks.length;
  low = first + 1;
  high = chunks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (chunks[mid].start > replacement.end) {
      afterLast = mid;
      high = mid - 1;
    } else {
      low = mid + 1;
    }
  }
  return { first, afterLast };
}
