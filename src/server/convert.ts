// Translates between engine records (offsets) and LSP types (line/character).

import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import {
  ruleByCode,
  ruleDocsUrl,
  type Diagnostic,
  type LineIndex,
  type OffsetRange,
  type TextEdit,
} from '../engine';

export const SOURCE = 'eks-networking';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(lines: LineIndex, range: OffsetRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toLspDiagnostic(lines: LineIndex, diagnostic: Diagnostic): LspDiagnostic {
  const rule = ruleByCode(diagnostic.code);
  return {
    range: toRange(lines, diagnostic.range),
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    codeDescription: rule ? { href: ruleDocsUrl(rule) } : undefined,
    source: SOURCE,
    message: diagnostic.message,
    data: { path: diagnostic.path, documentIndex: diagnostic.documentIndex },
  };
}

export function toLspEdit(lines: LineIndex, edit: TextEdit): LspTextEdit {
  return { range: toRange(lines, edit), newText: edit.newText };
}
