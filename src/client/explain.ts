// "EKS Networking: Explain Resource": asks the language server to explain the resource under the
// cursor (or the one a CodeLens points at) and shows the Markdown in a preview beside the editor.
// The view follows edits while it is open: to the manifest, and to the other YAML documents, whose
// policies can change its notes (another policy allowing DNS for the same pods).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMAND_IDS } from '../shared/commands';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../shared/protocol';

const SCHEME = 'eks-networking-explain';
const REFRESH_DELAY_MS = 300;

interface OpenView {
  source: string;
  position: vscode.Position;
  markdown: string;
}

class ExplanationViews implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly views = new Map<string, OpenView>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.views.get(uri.toString())?.markdown ?? '';
  }

  update(uri: vscode.Uri, view: OpenView): void {
    this.views.set(uri.toString(), view);
    this.changed.fire(uri);
  }
}

export function registerExplain(context: vscode.ExtensionContext, client: LanguageClient): void {
  const views = new ExplanationViews();
  const ask = async (source: string, position: vscode.Position): Promise<ExplainResult> =>
    client.sendRequest<ExplainResult>(EXPLAIN_REQUEST, {
      uri: source,
      position: { line: position.line, character: position.character },
    } satisfies ExplainParams);

  const explain = async (uriArg?: unknown, positionArg?: unknown): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const source = typeof uriArg === 'string' ? uriArg : editor?.document.uri.toString();
    if (!source) {
      void vscode.window.showInformationMessage(
        'Open a YAML file with a NetworkPolicy, SecurityGroupPolicy or ENIConfig to explain it.',
      );
      return;
    }
    const raw = positionArg as { line?: number; character?: number } | undefined;
    const position =
      raw && typeof raw.line === 'number'
        ? new vscode.Position(raw.line, raw.character ?? 0)
        : (editor?.selection.active ?? new vscode.Position(0, 0));
    const result = await ask(source, position);
    if (!result.markdown) {
      void vscode.window.showInformationMessage(
        'No NetworkPolicy, SecurityGroupPolicy or ENIConfig here to explain.',
      );
      return;
    }
    const name = (result.title || 'Explanation').replace(/[\\/:*?"<>|]/g, '-');
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md`, query: source });
    views.update(uri, { source, position, markdown: result.markdown });
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  };

  const timers = new Map<string, NodeJS.Timeout>();
  const refreshFor = (changed: vscode.TextDocument): void => {
    if (changed.languageId !== 'yaml' || changed.uri.scheme === SCHEME) return;
    for (const [key, view] of views.views) {
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          void ask(view.source, view.position).then(
            (result) => views.update(vscode.Uri.parse(key), { ...view, markdown: result.markdown }),
            () => undefined,
          );
        }, REFRESH_DELAY_MS),
      );
    }
  };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, views),
    vscode.commands.registerCommand(COMMAND_IDS.explainPolicy, explain),
    vscode.workspace.onDidChangeTextDocument((event) => refreshFor(event.document)),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
}
