// In-file suppression comments:
//   # eksnet-disable-next-line CODE[, CODE...]   hides those codes on the next line
//   # eksnet-disable CODE[, CODE...]             hides those codes in the whole file
// Without codes, every code is hidden.

import type { Diagnostic } from '../types';
import type { LineIndex } from '../parse/lineIndex';

/**
 * `[^\n]*` runs to the end of the line in one way only, so the match is linear; the earlier
 * `\s+(...\s]+?)\s*$` could split a run of spaces many ways and took minutes on a long line.
 */
const COMMENT = /#[ \t]*eksnet-disable(-next-line)?([^\n]*)$/;
const CODE_LIST = /^[A-Za-z0-9_,\s]*$/;

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
  if (!text.includes('eksnet-disable')) return found;
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
    if (!content.includes('eksnet-disable')) continue;
    const match = COMMENT.exec(content.replace(/\r?\n$/, ''));
    if (!match) continue;
    const rest = match[2];
    // `eksnet-disableX` is not our comment; the codes must be separated from it by whitespace.
    if (rest !== '' && !/^\s/.test(rest)) continue;
    if (!CODE_LIST.test(rest)) continue;
    const list = rest.split(/[\s,]+/).filter(Boolean);
    const codes = list.length > 0 ? new Set(list) : 'all';
    if (match[1]) waiting = merge(waiting, codes);
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
