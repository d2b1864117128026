// Renders lint results as compiler-style text or as the stable JSON array other tools read.

import type { Severity } from '../../engine';
import { escapeControls } from './escape';

export type OutputFormat = 'text' | 'json';

/** One finding, with 1-based lines and columns. Its fields are a stable interface: add, never rename. */
export interface LintRecord {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  path: string;
}

/** `unchecked`: how many paths could not be read (each already named on stderr). */
export function formatOutput(format: OutputFormat, records: LintRecord[], unchecked = 0): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(records, null, 2)}\n`;
    case 'text':
      return formatText(records, unchecked);
  }
}

/**
 * `FILE:LINE:COLUMN: SEVERITY CODE MESSAGE`, one finding a line (the problem matcher in
 * package.json reads this), then a summary. Names and messages are escaped for the terminal.
 */
function formatText(records: LintRecord[], unchecked: number): string {
  const lines = records.map(
    (record) =>
      `${escapeControls(record.file)}:${record.line}:${record.column}: ${record.severity} ${record.code} ${escapeControls(record.message)}`,
  );
  const count = (severity: Severity): number =>
    records.filter((record) => record.severity === severity).length;
  const files = new Set(records.map((record) => record.file)).size;
  const found =
    records.length === 0
      ? 'No problems found'
      : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info in ${files} file(s)`;
  const summary =
    unchecked > 0 ? `${found}; ${unchecked} path(s) could not be checked (see above).` : `${found}.`;
  return `${[...lines, summary].join('\n')}\n`;
}
