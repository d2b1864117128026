// Completion: translates the engine's candidates (offsets, snippet text) to an LSP completion list.

import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type InitializeParams,
  type WorkspaceFolder,
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

export interface CompletionFeature {
  setWorkspace(params: InitializeParams): void;
  /** After `initialized`: follows the client's workspace folder changes (each one restarts the scan). */
  initialized(): void;
  dispose(): void;
}

export function registerCompletion(state: ServerState): CompletionFeature {
  const { connection, documents } = state;
  const labelIndex = new LabelIndex(documents, (message) => connection.console.log(message));
  let folders: WorkspaceFolder[] = [];
  connection.onCompletion(async ({ textDocument, position }): Promise<CompletionList> => {
    const document = documents.get(textDocument.uri);
    if (!document) return { isIncomplete: false, items: [] };
    // Only the first request waits (briefly) for the first scan; later ones use the last finished one.
    await labelIndex.ready();
    const file = state.fileFor(document);
    const lines = file.getLines();
    const result = completeInFile(file, lines.offsetAt(position), { labels: () => labelIndex.sources() });
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
  let followFolders = false;
  return {
    setWorkspace(params) {
      folders =
        params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri }] : []);
      followFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
      labelIndex.setFolders(folders.map((folder) => folder.uri));
    },
    initialized() {
      if (!followFolders) return;
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folders = [...folders.filter((folder) => !removed.has(folder.uri)), ...event.added];
        labelIndex.setFolders(folders.map((folder) => folder.uri));
      });
    },
    dispose() {
      labelIndex.dispose();
    },
  };
}
