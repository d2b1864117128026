// Completion: translates the engine's candidates (offsets, snippet text) to LSP completion items.

import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type InitializeParams,
} from 'vscode-languageserver';
import { completeInFile, type CompletionCandidate } from '../../engine/editing';
import type { ServerState } from '../state';
import { toLspEdit, toRange } from '../convert';
import { LabelIndex } from './labelIndex';

const KINDS: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  snippet: CompletionItemKind.Snippet,
  label: CompletionItemKind.Text,
  module: CompletionItemKind.Module,
};

export const COMPLETION_TRIGGER_CHARACTERS = [':', ' ', '-'];

export function registerCompletion(state: ServerState): { setWorkspace(params: InitializeParams): void } {
  const { connection, documents } = state;
  const labelIndex = new LabelIndex(documents);
  connection.onCompletion(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const file = state.fileFor(document);
    const lines = file.getLines();
    const candidates = completeInFile(file, lines.offsetAt(position), {
      labels: () => labelIndex.labels(),
      lattice: { workspace: () => state.workspace, settings: state.settings.engine },
    });
    return candidates.map((candidate): CompletionItem => ({
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
    }));
  });
  return {
    setWorkspace(params) {
      const folders =
        params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
      labelIndex.setFolders(folders);
    },
  };
}
