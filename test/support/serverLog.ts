// The language server's log messages (window/logMessage), for tests that wait on what it reports.

import type { LogMessageParams } from 'vscode-languageserver-protocol';
import type { LspTestClient } from './lspClient';

/** Collects the server's log messages and resolves waits on them (no timers). */
export class ServerLog {
  readonly messages: string[] = [];
  private waiters: Array<() => void> = [];

  constructor(client: LspTestClient) {
    client.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.messages.push(params.message);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** The first message (from index `from` on) that matches. */
  waitFor(pattern: RegExp, from = 0): Promise<string> {
    return new Promise((resolve) => {
      const check = (): void => {
        const found = this.messages.slice(from).find((message) => pattern.test(message));
        if (found) resolve(found);
        else this.waiters.push(check);
      };
      check();
    });
  }
}
