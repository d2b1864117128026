// In-file suppression comments (the syntax is in src/shared/suppressionSyntax.ts): which codes
// they hide, in the whole file and on which lines.

import type { Diagnostic } from '../types';
import type { LineIndex } from '../parse/lineIndex';
import { parseSuppressionComment, SUPPRESSION_MARK } from '../../shared/suppressionSyntax';

interface Suppressions {
  file: Set<string> | 'all' | undefined;
  byLine: Map<number, Set<string> | 'all'>;
}

/**
 * One pass over the lines: a `-next-line` comment waits for the next line that is neither blank
 * nor only a comment. (Looking ahead from each comment was quadratic in a file of many comments.)
 */
export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const found: Suppressions = { file: undefined, byLine: new Map() };
  if (!text.includes(SUPPRESSION_MARK)) return found;
  let waiting: Set<string> | 'all' | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    const content = text.slice(start, end);
    const trimmed = content.trim();
    if (waiting !== undefined && trimmed !== '' && !trimmed.startsWith('#')) {
      found.byLine.set(line, merge(found.byLine.get(line), waiting));
      waiting = undefined;
    }
    if (!content.includes(SUPPRESSION_MARK)) continue;
    const comment = parseSuppressionComment(content.replace(/\r?\n$/, ''));
    if (!comment) continue;
    const codes = comment.codes === 'all' ? 'all' : new Set(comment.codes);
    if (comment.scope === 'next-line') waiting = merge(waiting, codes);
    else found.file = merge(found.file, codes);
  }
  return found;
}

export function applySuppressions(
  diagnostics: Diagnostic[],
  suppressions: Suppressions,
  lines: LineIndex,
): Diagnostic[] {
  if (suppressions.file === undefined && suppressions.byLine.size === 0) return diagnostics;
  return diagnostics.filter((diagnostic) => {
    if (matches(suppressions.file, diagnostic.code)) return false;
    const line = lines.positionAt(diagnostic.range.start).line;
    return !matches(suppressions.byLine.get(line), diagnostic.code);
  });
}

function matches(codes: Set<string> | 'all' | undefined, code: string): boolean {
  return codes === 'all' || (codes !== undefined && codes.has(code));
}

function merge(a: Set<string> | 'all' | undefined, b: Set<string> | 'all'): Set<string> | 'all' {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...(a ?? []), ...b]);
}
