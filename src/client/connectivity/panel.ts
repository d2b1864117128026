// The connectivity panel: a webview that shows the language server's connectivity answers. The
// page runs one bundled script with a nonce under a Content-Security-Policy that allows nothing
// else (no remote resources, no inline code), and loads files only from dist/. It follows edits:
// a change to a YAML document or file refreshes it after a short pause.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CONNECTIVITY_REQUEST,
  EXPLAIN_FLOW_REQUEST,
  POLICY_FLOWS_REQUEST,
  type CanReachResult,
  type ConnectivityParams,
  type ConnectivityResult,
  type ExplainFlowParams,
  type ExplainFlowResult,
  type PolicyFlowsParams,
  type PolicyFlowsResult,
} from '../../shared/protocol';
import { isFromView, type FromView, type ToView } from './messages';

const VIEW_TYPE = 'eksNetworking.connectivity';
const REFRESH_DELAY_MS = 400;

export interface Scope {
  /** Folder URIs whose files on disk are read too. */
  folders: string[];
  /** Shown in the heading: `the workspace`, a folder's name. */
  label: string;
  /** Highlight the NetworkPolicy at this place (opened from its CodeLens). */
  policy?: { uri: string; position: { line: number; character: number } };
}

export class ConnectivityPanel {
  private static current: ConnectivityPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private latest: ConnectivityResult | undefined;
  private pendingAnswer: CanReachResult | undefined;
  /** Resolved with each refresh's result (for the command's return value and tests). */
  private waiters: ((result: ConnectivityResult) => void)[] = [];

  static show(
    context: vscode.ExtensionContext,
    client: LanguageClient,
    scope: Scope,
    onAsk: (src?: string, dst?: string) => void,
  ): ConnectivityPanel {
    if (ConnectivityPanel.current) {
      ConnectivityPanel.current.scope = scope;
      // Beside the editor the command came from, so the policy being read stays in view.
      ConnectivityPanel.current.panel.reveal(
        vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : undefined,
        false,
      );
      ConnectivityPanel.current.refresh();
      return ConnectivityPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Connectivity', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')],
    });
    ConnectivityPanel.current = new ConnectivityPanel(context, client, panel, scope, onAsk);
    return ConnectivityPanel.current;
  }

  static get open(): ConnectivityPanel | undefined {
    return ConnectivityPanel.current;
  }

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    private readonly panel: vscode.WebviewPanel,
    private scope: Scope,
    private readonly onAsk: (src?: string, dst?: string) => void,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isFromView(message)) void this.handle(message);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === 'yaml' && event.contentChanges.length > 0) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.languageId === 'yaml') this.scheduleRefresh();
      }),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.scheduleRefresh();
      }),
    );
    // Files changed on disk (a checkout, another tool): only those under the folders in scope matter.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const onDisk = (uri: vscode.Uri) => {
      if (this.scope.folders.some((folder) => uri.toString().startsWith(`${folder.replace(/\/$/, '')}/`)))
        this.scheduleRefresh();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete(onDisk),
    );
  }

  /** The next refresh's result. */
  nextResult(): Promise<ConnectivityResult> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Shows an answer to "can A reach B?" in the details pane (once the page is ready). */
  showAnswer(result: CanReachResult): void {
    this.panel.reveal(undefined, false);
    if (this.ready) this.post({ type: 'answer', result });
    else this.pendingAnswer = result;
  }

  get folders(): string[] {
    return this.scope.folders;
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.ready) return;
    void this.load();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel.visible) void this.load();
    }, REFRESH_DELAY_MS);
  }

  private async load(): Promise<void> {
    this.post({ type: 'busy' });
    try {
      const params: ConnectivityParams = { folders: this.scope.folders };
      const result = await this.client.sendRequest<ConnectivityResult>(CONNECTIVITY_REQUEST, params);
      let highlight: PolicyFlowsResult | undefined;
      if (this.scope.policy) {
        highlight =
          (await this.client.sendRequest<PolicyFlowsResult>(POLICY_FLOWS_REQUEST, {
            ...this.scope.policy,
            folders: this.scope.folders,
          } satisfies PolicyFlowsParams)) ?? undefined;
      }
      this.latest = result;
      this.panel.title = highlight ? `Connectivity: ${highlight.policy}` : 'Connectivity';
      this.post({ type: 'data', scope: this.scope.label, result, highlight });
      if (this.pendingAnswer) {
        this.post({ type: 'answer', result: this.pendingAnswer });
        this.pendingAnswer = undefined;
      }
      for (const resolve of this.waiters.splice(0)) resolve(result);
    } catch (error) {
      this.post({
        type: 'failed',
        message: `The connectivity could not be computed: ${(error as Error).message}`,
      });
    }
  }

  private async handle(message: FromView): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.load();
        return;
      case 'refresh':
        await this.load();
        return;
      case 'explainFlow': {
        const params: ExplainFlowParams = { src: message.src, dst: message.dst, folders: this.scope.folders };
        try {
          const explanation = await this.client.sendRequest<ExplainFlowResult>(EXPLAIN_FLOW_REQUEST, params);
          this.post({ type: 'explanation', explanation, src: message.src, dst: message.dst });
        } catch (error) {
          this.post({
            type: 'failed',
            message: `The flow could not be explained: ${(error as Error).message}`,
          });
        }
        return;
      }
      case 'open': {
        const { uri, line } = message.location;
        if (typeof uri !== 'string' || !Number.isInteger(line)) return;
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        const position = new vscode.Position(line, 0);
        await vscode.window.showTextDocument(document, {
          // Next to the view, never over it: the user goes on reading it.
          viewColumn:
            this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One,
          selection: new vscode.Range(position, position),
        });
        return;
      }
      case 'canReach':
        this.onAsk(message.src, message.dst);
        return;
      case 'clearHighlight':
        this.scope = { ...this.scope, policy: undefined };
        await this.load();
        return;
    }
  }

  /** The workloads of the last result (for the question's quick picks). */
  get result(): ConnectivityResult | undefined {
    return this.latest;
  }

  private post(message: ToView): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'connectivityView.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'connectivityView.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Connectivity</title>
</head>
<body>
<header class="top">
  <h1 id="title">Connectivity</h1>
  <p id="summary" aria-live="polite">Reading the workspace…</p>
  <div class="actions">
    <button id="ask" type="button">Can A reach B?</button>
    <button id="refresh" type="button">Refresh</button>
  </div>
</header>
<div id="highlight" class="banner" role="status" hidden></div>
<details id="warnings" hidden></details>
<div role="tablist" aria-label="Views">
  <button role="tab" id="tab-graph" aria-controls="graph-panel" aria-selected="true" type="button">Graph</button>
  <button role="tab" id="tab-table" aria-controls="table-panel" aria-selected="false" type="button">Table</button>
</div>
<div class="split">
  <div>
    <section id="graph-panel" role="tabpanel" aria-labelledby="tab-graph">
      <p id="graph-note" class="note" hidden></p>
      <div id="graph"></div>
      <p class="legend">Green bar and border: isolated by a NetworkPolicy (only what is allowed gets through). Dashed orange: IP ranges outside the cluster. Arrows are labelled with what they allow; select one for its rules.</p>
    </section>
    <section id="table-panel" role="tabpanel" aria-labelledby="tab-table" hidden>
      <input id="filter" type="search" placeholder="Filter flows (name, port…)" aria-label="Filter flows">
      <div id="table"></div>
    </section>
  </div>
  <aside id="details" aria-label="Details" aria-live="polite"></aside>
</div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  private dispose(): void {
    ConnectivityPanel.current = undefined;
    clearTimeout(this.timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
