// Read-only documents for reports and diffs (a virtual scheme, so closing them never asks to save).

import * as vscode from 'vscode';

export const REPORT_SCHEME = 'eks-networking';

export class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.path) ?? '';
  }

  set(path: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path });
    this.contents.set(uri.path, content);
    this.changed.fire(uri);
    return uri;
  }

  /** Shows Markdown as a rendered preview. */
  async showMarkdown(name: string, markdown: string): Promise<void> {
    const uri = this.set(`/${name}.md`, markdown);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }

  async showDiff(name: string, left: string, right: string, title: string): Promise<void> {
    const leftUri = this.set(`/${name}.live.yaml`, left);
    const rightUri = this.set(`/${name}.merged.yaml`, right);
    await vscode.commands.executeCommand('vscode.diff', leftUri, rightUri, title);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
