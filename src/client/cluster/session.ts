// One cluster command invocation in VS Code: the settings are read once, when the command starts,
// and every step (plan, confirmation, change, read-back) uses those same settings and tools. Steps
// run under a cancellable progress notification; failures become one message. Everything logged or
// shown passes the redactor first.

import * as vscode from 'vscode';
import {
  ClusterError,
  createClusterTools,
  isClusterError,
  type ClusterLog,
  type ClusterTools,
} from '../../cluster';
import { readClusterSettings } from './settings';
import { RESTRICTED_MODE_MESSAGE } from './trust';

export class ClusterSession {
  private constructor(
    readonly tools: ClusterTools,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** undefined (with a warning that offers Workspace Trust) when the workspace is not trusted. */
  static start(log: vscode.LogOutputChannel): ClusterSession | undefined {
    if (!vscode.workspace.isTrusted) {
      log.warn(RESTRICTED_MODE_MESSAGE);
      // Not awaited: a notification stays until dismissed, and the command should finish now.
      void vscode.window
        .showWarningMessage(RESTRICTED_MODE_MESSAGE, 'Manage Workspace Trust')
        .then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
        });
      return undefined;
    }
    let redact = (text: string) => text;
    const clusterLog: ClusterLog = {
      info: (message) => log.info(redact(message)),
      error: (message) => log.error(redact(message)),
      debug: (message) => log.debug(redact(message)),
    };
    const tools = createClusterTools(readClusterSettings(), clusterLog);
    redact = (text) => tools.redactor.redact(text);
    return new ClusterSession(tools, log);
  }

  redact(text: string): string {
    return this.tools.redactor.redact(text);
  }

  info(message: string): void {
    this.log.info(this.redact(message));
  }

  /** Runs one step with a cancellable progress notification; a failure is shown and gives undefined. */
  async step<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    try {
      return await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `EKS Networking: ${title}`,
          cancellable: true,
        },
        async (_progress, token) => {
          const controller = new AbortController();
          const subscription = token.onCancellationRequested(() => controller.abort());
          try {
            return await work(controller.signal);
          } finally {
            subscription.dispose();
          }
        },
      );
    } catch (error) {
      this.showError(error);
      return undefined;
    }
  }

  showError(error: unknown): void {
    if (isClusterError(error, 'cancelled')) {
      this.info(error.message);
      return;
    }
    const message = this.redact(
      error instanceof ClusterError ? error.message : `Unexpected error: ${(error as Error).message}`,
    );
    this.log.error(message);
    const offerSettings =
      error instanceof ClusterError &&
      ['tool-not-found', 'no-context', 'no-cluster-name', 'invalid-input', 'timeout'].includes(error.code);
    void vscode.window
      .showErrorMessage(`EKS Networking: ${message}`, 'Show Log', ...(offerSettings ? ['Open Settings'] : []))
      .then((choice) => {
        if (choice === 'Show Log') this.log.show(true);
        if (choice === 'Open Settings')
          void vscode.commands.executeCommand('workbench.action.openSettings', 'eksNetworking');
      });
  }
}
