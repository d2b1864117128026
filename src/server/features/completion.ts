// Completion: translates the engine's candidates (offsets, snippet text) to an LSP completion list.

import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver';
import type { CompletionCandidate } from '../../engine/editing';
import type { ServerState } from '../state';
import { toLspEdit, toRange } from '../convert';
import type { LabelIndex } from './labelIndex';

const KINDS: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  label: CompletionItemKind.Text,
  module: CompletionItemKind.Module,
};

export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '-'];

export function registerCompletion(state: ServerState, labelIndex: LabelIndex): void {
  const { connection, documents } = state;
  connection.onCompletion(async ({ textDocument, position }): Promise<CompletionList> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { isIncomplete: false, items: [] };
    // Only the first request waits (briefly) for the first scan; later ones use the last finished one.
    await labelIndex.ready();
    const file = state.fileFor(document);
    const lines = file.getLines();
    const result = file.completeAt(lines.offsetAt(position), {
      labels: () => labelIndex.sources(),
      lattice: { workspace: () => state.workspace, settings: state.settings.engine },
    });
    return {
      isIncomplete: result.isIncomplete,
      items: result.items.map((candidate): CompletionItem => ({
        label: candidate.label,
        kind: KINDS[candidate.kind],
        detail: candidate.detail,
        documentation: candidate.documentation
          ? { kind: 'markdown', value: candidate.documentation }
          : undefined,
        insertTextFormat: candidate.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range: toRange(lines, candidate.range), newText: candidate.insertText },
        additionalTextEdits: candidate.additionalEdits?.map((edit) => toLspEdit(lines, edit)),
        sortText: candidate.sortText,
        filterText: candidate.filterText,
        preselect: candidate.preselect || undefined,
      })),
    };
  });
}
