// Publishes diagnostics: at once when a document opens, debounced while the user types, cleared on close.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../state';
import { toLspDiagnostic } from '../convert';

const TYPING_DELAY_MS = 100;

export function registerDiagnostics(state: ServerState): { revalidateAll(): void } {
  const { connection, documents } = state;
  const timers = new Map<string, NodeJS.Timeout>();

  const publish = (document: TextDocument): void => {
    timers.delete(document.uri);
    if (!state.settings.validateEnabled) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    try {
      const file = state.fileFor(document);
      const lines = file.getLines();
      void connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: file.getDiagnostics().map((diagnostic) => toLspDiagnostic(lines, diagnostic)),
      });
    } catch (error) {
      connection.console.error(
        `Validation of ${document.uri} failed: ${(error as Error).stack ?? String(error)}`,
      );
    }
  };

  documents.onDidOpen(({ document }) => publish(document));
  documents.onDidChangeContent(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        const current = documents.get(document.uri);
        if (current) publish(current);
      }, TYPING_DELAY_MS),
    );
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    state.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  return {
    revalidateAll() {
      for (const document of documents.all()) publish(document);
    },
  };
}
