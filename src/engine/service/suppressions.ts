// In-file suppression comments:
//   # eksnet-disable-next-line CODE[, CODE...]   hides those codes on the next line
//   # eksnet-disable CODE[, CODE...]             hides those codes in the whole file
// Without codes, every code is hidden.

import type { Diagnostic } from '../types';
import type { LineIndex } from '../parse/lineIndex';

const COMMENT = /#\s*eksnet-disable(-next-line)?(?:\s+([A-Za-z0-9_,\s]+?))?\s*$/gm;

interface Suppressions {
  file: Set<string> | 'all' | undefined;
  byLine: Map<number, Set<string> | 'all'>;
}

export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const found: Suppressions = { file: undefined, byLine: new Map() };
  if (!text.includes('eksnet-disable')) return found;
  for (const match of text.matchAll(COMMENT)) {
    const codes = match[2] ? new Set(match[2].split(/[\s,]+/).filter(Boolean)) : 'all';
    if (match[1]) {
      found.byLine.set(nextContentLine(text, lines, lines.positionAt(match.index ?? 0).line), codes);
    } else {
      found.file = merge(found.file, codes);
    }
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

/** The line the comment applies to: the next line that is not blank and not only a comment. */
function nextContentLine(text: string, lines: LineIndex, commentLine: number): number {
  for (let line = commentLine + 1; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    const content = text.slice(start, end).trim();
    if (content !== '' && !content.startsWith('#')) return line;
  }
  return commentLine + 1;
}
