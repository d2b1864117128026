// Dry-run / Diff / Apply Current File. The editor's text is taken once, when the command starts, and
// that exact text is what goes to kubectl; if the editor changes meanwhile, the confirmation (or the
// result) says so. Apply names the context, cluster and server, and whether the text is unsaved.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyManifest, dryRunManifest, ensureManifestText, liveAndMerged, wrapCommand } from '../../cluster';
import { DRY_RUN_ONLY } from './changeCommands';
import { ClusterSession } from './session';
import type { ReportDocuments } from './views';

export const DRY_RUN_SOURCE = 'kubectl (server dry run)';
export const APPLY = 'Apply';

/** The editor's text at the moment the command started. */
export interface DocumentSnapshot {
  document: vscode.TextDocument;
  text: string;
  version: number;
  name: string;
  unsaved: boolean;
}

function snapshotActiveYaml(): DocumentSnapshot | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage('EKS Networking: open a YAML manifest in the editor first.');
    return undefined;
  }
  return {
    document,
    text: document.getText(),
    version: document.version,
    name: path.basename(document.fileName),
    unsaved: document.isDirty || document.isUntitled,
  };
}

function changedSince(snapshot: DocumentSnapshot): boolean {
  return snapshot.document.version !== snapshot.version;
}

/** Sentence for messages when the editor no longer shows what was sent. */
function changedNote(snapshot: DocumentSnapshot): string {
  return changedSince(snapshot)
    ? ` ${snapshot.name} changed in the editor after you ran the command; this is about the text as it was then.`
    : '';
}

/** A zero-based offset into `text` as a position (the snapshot, not the possibly edited document). */
function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, before.length - (before.lastIndexOf('\n') + 1));
}

export function dryRunCurrentFile(log: vscode.LogOutputChannel, diagnostics: vscode.DiagnosticCollection) {
  return async (): Promise<unknown> => {
    const session = ClusterSession.start(log);
    if (!session) return undefined;
    const snapshot = snapshotActiveYaml();
    if (!snapshot) return undefined;
    const text = ensureText(session, snapshot);
    return text === undefined ? undefined : dryRunSnapshot(session, snapshot, text, diagnostics);
  };
}

async function dryRunSnapshot(
  session: ClusterSession,
  snapshot: DocumentSnapshot,
  text: string,
  diagnostics: vscode.DiagnosticCollection,
): Promise<unknown> {
  const result = await session.step('server dry run…', (signal) =>
    dryRunManifest(session.tools.kubectl, text, signal),
  );
  if (!result) return undefined;
  // Only place problems on the document when it still holds the text that was checked.
  diagnostics.set(
    snapshot.document.uri,
    changedSince(snapshot)
      ? []
      : result.problems.map((problem) => {
          const range = new vscode.Range(
            positionIn(text, problem.start),
            positionIn(text, Math.max(problem.end, problem.start)),
          );
          const diagnostic = new vscode.Diagnostic(
            range,
            session.redact(problem.message),
            vscode.DiagnosticSeverity.Error,
          );
          diagnostic.source = DRY_RUN_SOURCE;
          return diagnostic;
        }),
  );
  const where = `context "${result.target.context}"`;
  if (result.ok)
    void vscode.window.showInformationMessage(
      session.redact(
        `The API server of ${where} accepts ${snapshot.name}: ${result.output.trim()}${changedNote(snapshot)}`,
      ),
    );
  else
    void vscode.window.showErrorMessage(
      session.redact(
        changedSince(snapshot)
          ? `The API server of ${where} rejected ${snapshot.name}: ${result.problems.map((p) => p.message).join('; ')}.${changedNote(snapshot)}`
          : `The API server of ${where} rejected ${snapshot.name}; see the Problems view.`,
      ),
    );
  return { ...result, sentText: text, changedSince: changedSince(snapshot) };
}

export function diffCurrentFile(log: vscode.LogOutputChannel, reports: ReportDocuments) {
  return async (): Promise<unknown> => {
    const session = ClusterSession.start(log);
    if (!session) return undefined;
    const snapshot = snapshotActiveYaml();
    if (!snapshot) return undefined;
    const result = await session.step('kubectl diff…', (signal) =>
      liveAndMerged(session.tools.kubectl, ensureManifestText(snapshot.text), signal),
    );
    if (!result) return undefined;
    const stale = changedSince(snapshot) ? ' (editor changed since)' : '';
    await reports.showDiff(
      snapshot.name,
      session.redact(result.live),
      session.redact(result.merged),
      `${snapshot.name}: ${result.target.context} ↔ after apply${stale}`,
    );
    if (stale) void vscode.window.showWarningMessage(changedNote(snapshot).trim());
    return { ...result, sentText: snapshot.text, changedSince: changedSince(snapshot) };
  };
}

export function applyCurrentFile(log: vscode.LogOutputChannel, diagnostics: vscode.DiagnosticCollection) {
  return async (): Promise<unknown> => {
    const session = ClusterSession.start(log);
    if (!session) return undefined;
    const snapshot = snapshotActiveYaml();
    if (!snapshot) return undefined;
    const text = ensureText(session, snapshot);
    if (text === undefined) return undefined;
    const target = await session.step('reading the context…', (signal) =>
      session.tools.kubectl.resolveTarget(signal),
    );
    if (!target) return undefined;
    const command = session.tools.kubectl.at(target).commandArgv(['apply', '--filename=-']);
    const notes = [
      snapshot.unsaved
        ? `${snapshot.name} has unsaved changes: the editor's text is sent, not the file on disk.`
        : `${snapshot.name} is saved: its text in the editor and on disk are the same.`,
      ...(changedSince(snapshot)
        ? [
            `${snapshot.name} changed in the editor after you ran the command: the text as it was then is sent, not what the editor shows now.`,
          ]
        : []),
    ];
    const detail = [
      `Cluster: ${target.cluster}`,
      `Server: ${target.server}`,
      '',
      'Command:',
      `${wrapCommand(command)} < ${snapshot.name}`,
      ...(notes.length > 0 ? ['', ...notes] : []),
      '',
      'Run "Diff Current File" first to see what changes.',
    ].join('\n');
    // The safe choice first: it is the dialog's default button.
    const choice = await vscode.window.showWarningMessage(
      session.redact(`Apply ${snapshot.name} to context "${target.context}"?`),
      { modal: true, detail: session.redact(detail) },
      DRY_RUN_ONLY,
      APPLY,
    );
    if (choice === DRY_RUN_ONLY) return dryRunSnapshot(session, snapshot, text, diagnostics);
    if (choice !== APPLY) {
      session.info(`Not confirmed: ${snapshot.name} was not applied to context "${target.context}".`);
      return undefined;
    }
    const result = await session.step(`applying ${snapshot.name}…`, (signal) =>
      applyManifest(session.tools.kubectl, target, text, { signal, label: snapshot.name }),
    );
    if (!result) return undefined;
    const message = session.redact(result.output.trim() || `Applied ${snapshot.name}.`);
    if (result.interrupted) void vscode.window.showWarningMessage(message);
    else void vscode.window.showInformationMessage(`${message} (context "${target.context}")`);
    return { ...result, context: target.context, sentText: text };
  };
}

function ensureText(session: ClusterSession, snapshot: DocumentSnapshot): string | undefined {
  try {
    return ensureManifestText(snapshot.text);
  } catch (error) {
    session.showError(error);
    return undefined;
  }
}
