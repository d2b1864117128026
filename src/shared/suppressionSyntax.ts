// The in-file suppression comments, in one place for what reads them (the engine) and what writes
// them (the "Disable CODE for this line" fix, the rules page):
//   # eksnet-disable-next-line CODE[, CODE...]   hides those codes on the next content line
//   # eksnet-disable CODE[, CODE...]             hides those codes in the whole file
// Without codes, every code is hidden.

/** Every suppression comment contains this: a cheap test before looking closer. */
export const SUPPRESSION_MARK = 'eksnet-disable';
const NEXT_LINE_MARK = `${SUPPRESSION_MARK}-next-line`;

/**
 * `[^\n]*` runs to the end of the line in one way only, so the match is linear; the earlier
 * `\s+(...\s]+?)\s*$` could split a run of spaces many ways and took minutes on a long line.
 */
const COMMENT = /#[ \t]*eksnet-disable(-next-line)?([^\n]*)$/;
const CODE_LIST = /^[A-Za-z0-9_,\s]*$/;

export interface SuppressionComment {
  scope: 'file' | 'next-line';
  /** The codes it hides, or 'all' when it names none. */
  codes: string[] | 'all';
  /** Where the `#` is in the line. */
  start: number;
}

/** The suppression comment on one line (given without its line end), if it has one. */
export function parseSuppressionComment(line: string): SuppressionComment | undefined {
  if (!line.includes(SUPPRESSION_MARK)) return undefined;
  const match = COMMENT.exec(line);
  if (!match) return undefined;
  const rest = match[2];
  // `eksnet-disableX` is not our comment; the codes must be separated from it by whitespace.
  if (rest !== '' && !/^\s/.test(rest)) return undefined;
  if (!CODE_LIST.test(rest)) return undefined;
  const list = rest.split(/[\s,]+/).filter(Boolean);
  return {
    scope: match[1] ? 'next-line' : 'file',
    codes: list.length > 0 ? list : 'all',
    start: match.index,
  };
}

/** The comment that hides `codes` on the line after it. */
export function nextLineComment(codes: readonly string[]): string {
  return `# ${NEXT_LINE_MARK} ${codes.join(', ')}`;
}

/** The comment that hides `codes` in the whole file. */
export function fileComment(codes: readonly string[]): string {
  return `# ${SUPPRESSION_MARK} ${codes.join(', ')}`;
}
