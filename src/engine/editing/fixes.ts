// Edits behind the code actions: "Fix all" (every safe fix at once, never two overlapping edits)
// and "Disable CODE for this line" (a suppression comment above the line).

import type { LineIndex } from '../parse/lineIndex';
import type { Diagnostic, TextEdit } from '../types';
import { nextLineComment, parseSuppressionComment } from '../../shared/suppressionSyntax';

/**
 * The edits of the first safe fix of each diagnostic, skipping any fix that would touch text an
 * earlier accepted fix already changes, so the result can be applied in one go.
 */
export function fixAllEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const accepted: TextEdit[] = [];
  const ordered = [...diagnostics].sort((a, b) => a.range.start - b.range.start);
  for (const diagnostic of ordered) {
    const fix = diagnostic.fixes?.find((candidate) => candidate.safe);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    if (fix.edits.some((edit, i) => fix.edits.some((other, j) => i !== j && overlaps(edit, other)))) continue;
    accepted.push(...fix.edits);
  }
  return accepted.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Two edits conflict when their ranges intersect, or both insert at the same place. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** What the disable edit reads of the file's text: its length and slices (a string will do). */
export interface TextSlices {
  readonly length: number;
  slice(start: number, end: number): string;
}

/**
 * Inserts `# eksnet-disable-next-line CODE` above the diagnostic's line with that line's
 * indentation, or adds the code to a disable comment that is already there. It reads only those
 * two lines of the text.
 */
export function disableLineEdit(text: TextSlices, lines: LineIndex, diagnostic: Diagnostic): TextEdit {
  const line = lines.positionAt(diagnostic.range.start).line;
  const start = lines.lineStart(line);
  const { content: lineText, crlf } = lineAt(text, lines, line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const previous = line > 0 ? lineAt(text, lines, line - 1) : undefined;
  if (previous) {
    const comment = parseSuppressionComment(previous.content);
    // Only a line that is nothing but the comment is extended; a trailing comment is left alone.
    if (comment?.scope === 'next-line' && previous.content.slice(0, comment.start).trim() === '') {
      const previousStart = lines.lineStart(line - 1);
      if (comment.codes === 'all' || comment.codes.includes(diagnostic.code)) {
        return { start: previousStart, end: previousStart, newText: '' };
      }
      return {
        start: previousStart,
        end: previousStart + previous.content.length,
        newText: `${previous.content.slice(0, comment.start)}${nextLineComment([...comment.codes, diagnostic.code])}`,
      };
    }
  }
  // The line break the line has (the last line has none: the one before it).
  const eol = (crlf ?? previous?.crlf) ? '\r\n' : '\n';
  return { start, end: start, newText: `${indent}${nextLineComment([diagnostic.code])}${eol}` };
}

/** A line without its line break, and whether that break is `\r\n` (undefined when it has none). */
function lineAt(text: TextSlices, lines: LineIndex, line: number): { content: string; crlf?: boolean } {
  const start = lines.lineStart(line);
  const newline = lines.newlineAfter(start);
  const raw = text.slice(start, newline === -1 ? text.length : newline);
  if (newline === -1) return { content: raw.replace(/\r$/, '') };
  const crlf = raw.endsWith('\r');
  return { content: crlf ? raw.slice(0, -1) : raw, crlf };
}
