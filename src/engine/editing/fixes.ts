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

/**
 * Inserts `# eksnet-disable-next-line CODE` above the diagnostic's line with that line's
 * indentation, or adds the code to a disable comment that is already there.
 */
export function disableLineEdit(text: string, lines: LineIndex, diagnostic: Diagnostic): TextEdit {
  const line = lines.positionAt(diagnostic.range.start).line;
  const start = lines.lineStart(line);
  const lineText = lineAt(text, lines, line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  if (line > 0) {
    const previous = lineAt(text, lines, line - 1);
    const comment = parseSuppressionComment(previous);
    // Only a line that is nothing but the comment is extended; a trailing comment is left alone.
    if (comment?.scope === 'next-line' && previous.slice(0, comment.start).trim() === '') {
      const previousStart = lines.lineStart(line - 1);
      if (comment.codes === 'all' || comment.codes.includes(diagnostic.code)) {
        return { start: previousStart, end: previousStart, newText: '' };
      }
      return {
        start: previousStart,
        end: previousStart + previous.length,
        newText: `${previous.slice(0, comment.start)}${nextLineComment([...comment.codes, diagnostic.code])}`,
      };
    }
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { start, end: start, newText: `${indent}${nextLineComment([diagnostic.code])}${eol}` };
}

function lineAt(text: string, lines: LineIndex, line: number): string {
  const start = lines.lineStart(line);
  const newline = text.indexOf('\n', start);
  return text.slice(start, newline === -1 ? text.length : newline).replace(/\r$/, '');
}
