// Publishes diagnostics: at once when a document opens; while the user types, at once when
// re-validating is quick (an incremental update of the edited document usually is) and after a
// short pause otherwise; cleared on close.

import type { OpenDocument } from '../document';
import type { ServerState } from '../state';
import { toLspDiagnostic } from '../convert';
import { saveCodeCache } from '../codeCache';

const TYPING_DELAY_MS = 100;
/**
 * An update that costs less than this is not worth delaying: waiting would cost more than
 * validating. The cost is the lesser of its CPU time and its wall time: CPU time alone counts the
 * garbage collector's helper threads (after a large file opens they can double it), wall time
 * alone makes a cheap update look slow on a busy machine. Updates are delayed only after two slow
 * ones in a row: one can be slow for reasons of its own (a garbage collection, the first edit of a
 * large file), and delaying the next keystroke for it would cost that keystroke the whole pause.
 */
const QUICK_UPDATE_MS = 30;

export function registerDiagnostics(state: ServerState): { revalidateAll(): void } {
  const { connection, documents } = state;
  const timers = new Map<string, NodeJS.Timeout>();
  /** Cost of the last two publishes after an edit, per document (the last one first). */
  const updateMs = new Map<string, [number, number?]>();
  /** Documents just opened: the change event that comes with the open is the open itself. */
  const justOpened = new Set<string>();

  const publish = (document: OpenDocument, afterEdit = false): void => {
    timers.delete(document.uri);
    if (!state.settings.validateEnabled) {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    const started = { cpu: process.cpuUsage(), wall: performance.now() };
    state.scan?.refresh();
    state
      .validated(document)
      .then((file) => {
        // Only the diagnostics of the text the editor has now: an edit that came in meanwhile has
        // its own publish coming, and older results must not replace newer ones.
        const current = documents.get(document.uri);
        if (!file || !current || state.fileFor(current) !== file || !file.validated) return;
        const lines = file.getLines();
        const workspaceVersion = state.workspace.version;
        const diagnostics = file.diagnosticsIn(state.workspace, current.uri);
        void connection.sendDiagnostics({
          uri: current.uri,
          version: current.version,
          diagnostics: diagnostics.map((diagnostic) => toLspDiagnostic(lines, diagnostic)),
        });
        // What this document means changed for the others' cross-resource checks (another policy now
        // allows DNS, a name is now taken twice): bring the other open documents up to date too.
        if (state.workspace.version !== workspaceVersion) scheduleOthers(current.uri);
        // The code the first diagnostics needed is compiled now: the next server start can skip it.
        saveCodeCache();
        if (afterEdit) {
          const used = process.cpuUsage(started.cpu);
          const cost = Math.min((used.user + used.system) / 1000, performance.now() - started.wall);
          updateMs.set(current.uri, [cost, updateMs.get(current.uri)?.[0]]);
        }
      })
      .catch((error: unknown) => {
        connection.console.error(
          `Validation of ${document.uri} failed: ${(error as Error).stack ?? String(error)}`,
        );
      });
  };

  let othersTimer: NodeJS.Timeout | undefined;
  const pendingOthers = new Set<string>();
  /** Re-publishes every open document but `changed` after a short pause (edits come in bursts). */
  const scheduleOthers = (changed: string): void => {
    for (const document of documents.all()) if (document.uri !== changed) pendingOthers.add(document.uri);
    pendingOthers.delete(changed);
    clearTimeout(othersTimer);
    othersTimer = setTimeout(() => {
      const uris = [...pendingOthers];
      pendingOthers.clear();
      for (const uri of uris) {
        const document = documents.get(uri);
        if (document && !timers.has(uri)) publish(document);
      }
    }, TYPING_DELAY_MS);
  };

  documents.onDidOpen(({ document }) => {
    // The library fires that change event right after this one, in the same call.
    justOpened.add(document.uri);
    queueMicrotask(() => justOpened.delete(document.uri));
    publish(document);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    clearTimeout(timers.get(document.uri));
    const [last = 0, before = 0] = updateMs.get(document.uri) ?? [];
    const quick = last < QUICK_UPDATE_MS || before < QUICK_UPDATE_MS;
    timers.set(
      document.uri,
      setTimeout(
        () => {
          const current = documents.get(document.uri);
          if (current) publish(current, true);
        },
        quick ? 0 : TYPING_DELAY_MS,
      ),
    );
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    updateMs.delete(document.uri);
    justOpened.delete(document.uri);
    const workspaceVersion = state.workspace.version;
    state.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // Closed, the file counts as it is on disk (or not at all): the others' cross-resource checks
    // may read differently now.
    if (state.workspace.version !== workspaceVersion) scheduleOthers(document.uri);
  });

  return {
    revalidateAll() {
      for (const document of documents.all()) publish(document);
    },
  };
}
