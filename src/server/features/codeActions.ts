// Quick fixes: the fixes the engine computed for each diagnostic, matched by code and range (never by message text).

import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { ServerState } from '../state';
import { SOURCE, toLspDiagnostic, toLspEdit } from '../convert';

export function registerCodeActions(state: ServerState): void {
  const { connection, documents } = state;
  connection.onCodeAction(({ textDocument, range, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const file = state.fileFor(document);
    const lines = file.getLines();
    const start = lines.offsetAt(range.start);
    const end = lines.offsetAt(range.end);
    const wanted = context.diagnostics.filter((d: LspDiagnostic) => d.source === SOURCE);
    const actions: CodeAction[] = [];
    for (const diagnostic of file.getDiagnostics()) {
      if (!diagnostic.fixes || diagnostic.range.end < start || diagnostic.range.start > end) continue;
      const lspDiagnostic = toLspDiagnostic(lines, diagnostic);
      const matching = wanted.find(
        (d) =>
          d.code === diagnostic.code &&
          d.range.start.line === lspDiagnostic.range.start.line &&
          d.range.start.character === lspDiagnostic.range.start.character,
      );
      for (const fix of diagnostic.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [matching ?? lspDiagnostic],
          isPreferred: fix.safe && diagnostic.fixes.length === 1,
          edit: { changes: { [document.uri]: fix.edits.map((edit) => toLspEdit(lines, edit)) } },
        });
      }
    }
    return actions;
  });
}
