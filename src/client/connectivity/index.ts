// "EKS Networking: Show Connectivity" (palette, a folder's context menu in the Explorer, the
// CodeLens above each NetworkPolicy) and "EKS Networking: Can A Reach B?". Both only read
// manifests through the language server, so they work in Restricted Mode too.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EDITOR_COMMAND_IDS } from '../../shared/commands';
import {
  CAN_REACH_REQUEST,
  CONNECTIVITY_REQUEST,
  type CanReachParams,
  type CanReachResult,
  type ConnectivityResult,
} from '../../shared/protocol';
import { askQuestion, type Question } from './canReach';
import { ConnectivityPanel, type Scope } from './panel';

export function registerConnectivity(context: vscode.ExtensionContext, client: LanguageClient): void {
  const show = (scope: Scope): ConnectivityPanel =>
    ConnectivityPanel.show(context, client, scope, (src, dst) => {
      void vscode.commands.executeCommand(EDITOR_COMMAND_IDS.canReach, { src, dst });
    });

  context.subscriptions.push(
    vscode.commands.registerCommand(
      EDITOR_COMMAND_IDS.showConnectivity,
      async (target?: unknown, position?: unknown): Promise<ConnectivityResult> => {
        const panel = show(scopeOf(target, position));
        return panel.nextResult();
      },
    ),
    vscode.commands.registerCommand(
      EDITOR_COMMAND_IDS.canReach,
      async (preset?: Partial<Question>): Promise<CanReachResult | undefined> => {
        const folders = ConnectivityPanel.open?.folders ?? workspaceFolders();
        const complete =
          preset &&
          typeof preset.src === 'string' &&
          typeof preset.dst === 'string' &&
          typeof preset.protocol === 'string' &&
          typeof preset.port === 'number';
        let question: Question | undefined;
        if (complete) question = preset as Question;
        else {
          const result =
            ConnectivityPanel.open?.result ??
            (await client.sendRequest<ConnectivityResult>(CONNECTIVITY_REQUEST, { folders }));
          question = await askQuestion(result, preset ?? {});
        }
        if (!question) return undefined;
        const answer = await client.sendRequest<CanReachResult>(CAN_REACH_REQUEST, {
          ...question,
          folders,
        } satisfies CanReachParams);
        // Asked from the palette or from the view: the answer goes to the view, with its rules.
        if (!complete || ConnectivityPanel.open) {
          const panel = ConnectivityPanel.open ?? show({ folders, label: scopeLabel(folders) });
          panel.showAnswer(answer);
        }
        if (answer.problem) void vscode.window.showWarningMessage(`EKS Networking: ${answer.problem}`);
        return answer;
      },
    ),
  );
}

/** Folders as the commands are given them: a folder (Explorer), a policy's place (CodeLens), nothing. */
function scopeOf(target: unknown, position: unknown): Scope {
  if (target instanceof vscode.Uri) {
    const name = target.path.slice(target.path.lastIndexOf('/') + 1) || target.fsPath;
    return { folders: [target.toString()], label: `folder ${name}` };
  }
  const folders = workspaceFolders();
  const raw = position as { line?: unknown; character?: unknown } | undefined;
  if (typeof target === 'string' && raw && typeof raw.line === 'number') {
    return {
      folders,
      label: scopeLabel(folders),
      policy: { uri: target, position: { line: raw.line, character: Number(raw.character) || 0 } },
    };
  }
  return { folders, label: scopeLabel(folders) };
}

function workspaceFolders(): string[] {
  return (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => folder.uri.toString());
}

function scopeLabel(folders: readonly string[]): string {
  if (folders.length === 0) return 'the open files';
  const names = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.name);
  return names.length === 1 ? `folder ${names[0]}` : 'the workspace';
}
