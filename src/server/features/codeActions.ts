// Quick fixes: the fixes the engine computed for each diagnostic, matched by code and range (never by
// message text), plus "Disable CODE for this line" for every diagnostic and the "Fix all" source action.

import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleByCode } from '../../engine';
import { disableLineEdit } from '../../engine/editing';
import type { ServerState } from '../state';
import { SOURCE, toLspDiagnostic, toLspEdit } from '../convert';
import { fixAllAction, wantsFixAll } from './fixAll';

export function registerCodeActions(state: ServerState): void {
  const { connection, documents } = state;
  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    // Fixes come from the validation results: wait for them (without holding the thread).
    const file = await state.validated(document);
    if (!file) return [];
    const only = context.only;
    const actions: CodeAction[] = [];
    if (wantsFixAll(only)) {
      const fixAll = fixAllAction(state, document, file);
      if (fixAll) actions.push(fixAll);
    }
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return actions;

    const lines = file.getLines();
    const start = lines.offsetAt(range.start);
    const end = lines.offsetAt(range.end);
    const wanted = context.diagnostics.filter((d: LspDiagnostic) => d.source === SOURCE);
    const disables: CodeAction[] = [];
    for (const diagnostic of file.diagnosticsIn(state.workspace, document.uri)) {
      if (diagnostic.range.end < start || diagnostic.range.start > end) continue;
      const lspDiagnostic = toLspDiagnostic(lines, diagnostic);
      const matching = wanted.find(
        (d) =>
          d.code === diagnostic.code &&
          d.range.start.line === lspDiagnostic.range.start.line &&
          d.range.start.character === lspDiagnostic.range.start.character,
      );
      const fixes = diagnostic.fixes ?? [];
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [matching ?? lspDiagnostic],
          isPreferred: fix.safe && fixes.length === 1,
          edit: { changes: { [document.uri]: fix.edits.map((edit) => toLspEdit(lines, edit)) } },
        });
      }
      // Whole-file findings (a file too large to check) and engine errors cannot be suppressed per line.
      if (!canDisableForLine(diagnostic.code)) continue;
      const title = `Disable ${diagnostic.code} for this line`;
      if (disables.some((action) => action.title === title && sameLine(action, lspDiagnostic))) continue;
      disables.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [matching ?? lspDiagnostic],
        edit: { changes: { [document.uri]: [toLspEdit(lines, disableLineEdit(file, lines, diagnostic))] } },
      });
    }
    // Suppressions come after the real fixes, so the fix stays the first choice.
    return [...actions, ...disables];
  });
}

function canDisableForLine(code: string): boolean {
  const rule = ruleByCode(code);
  return rule !== undefined && !rule.checkFile;
}

function sameLine(action: CodeAction, diagnostic: LspDiagnostic): boolean {
  return action.diagnostics?.[0]?.range.start.line === diagnostic.range.start.line;
}
