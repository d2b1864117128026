// Renders lint results as compiler-style text or as the stable JSON array other tools read.

import type { Severity } from '../../engine';

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

export function formatOutput(format: OutputFormat, records: LintRecord[]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(records, null, 2)}\n`;
    case 'text':
      return formatText(records);
  }
}

function formatText(records: LintRecord[]): string {
  const lines = records.map(
    (record) =>
      `${record.file}:${record.line}:${record.column}: ${record.severity} ${record.code} ${record.message}`,
  );
  const count = (severity: Severity): number =>
    records.filter((record) => record.severity === severity).length;
  const files = new Set(records.map((record) => record.file)).size;
  const summary =
    records.length === 0
      ? 'No problems found.'
      : `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info in ${files} file(s).`;
  return `${[...lines, summary].join('\n')}\n`;
}
