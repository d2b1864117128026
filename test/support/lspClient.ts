// A real LSP client for tests: starts `node dist/server.js --stdio` and talks JSON-RPC to it over
// its stdin/stdout, the same way an editor does. Waits on notifications, never on timers alone.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { DIST } from './paths';

export interface LspClientOptions {
  settings?: Record<string, unknown>;
  /** Answer workspace/configuration requests with these settings (as VS Code would). */
  pullSettings?: boolean;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export class LspTestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Every publish received, in order. */
  readonly publishes: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';
  initializeResult?: InitializeResult;

  constructor(private readonly options: LspClientOptions = {}) {
    this.process = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], {
      stdio: 'pipe',
      env: { ...process.env, ...options.env },
    });
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.publishes.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map(() => this.options.settings?.eksNetworking ?? null),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: Boolean(this.options.pullSettings) },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
      initializationOptions: { settings: this.options.settings?.eksNetworking },
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first diagnostics published for `uri` that satisfy `accept`. */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`),
          ),
        timeoutMs,
      );
      const check = (): void => {
        const params = this.published.get(uri);
        if (params && accept(params)) {
          clearTimeout(timer);
          resolve(params.diagnostics);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** Waits for the diagnostics of a given document version (after an edit). */
  waitForVersion(uri: string, version: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (params) => params.version === version);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async shutdown(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    await exited;
    this.connection.dispose();
  }
}
