// A plain LSP client for the benchmark: starts a language server over stdio, as an editor does,
// and times requests and diagnostics publishes. Works for our server and for yaml-language-server.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export interface LspSessionOptions {
  /** Answers `workspace/configuration` items by section name. */
  configuration?: (section: string | undefined) => unknown;
}

export interface Publish {
  params: PublishDiagnosticsParams;
  /** performance.now() when the notification arrived. */
  at: number;
  sequence: number;
}

export class LspSession {
  private readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly publishes: Publish[] = [];
  private readonly waiters: Array<() => void> = [];
  private configurationRequests = 0;
  stderr = '';

  constructor(
    command: readonly string[],
    private readonly options: LspSessionOptions = {},
  ) {
    this.process = spawn(command[0], command.slice(1), { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push({ params, at: performance.now(), sequence: this.publishes.length });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      this.wake();
      return params.items.map((item) => this.options.configuration?.(item.section) ?? null);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification((method, params) => {
      // BENCH_DEBUG=1 shows what the server logs, e.g. why a schema did not load.
      if (process.env.BENCH_DEBUG)
        process.stderr.write(`${method} ${JSON.stringify(params).slice(0, 500)}\n`);
    });
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  async initialize(initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: Boolean(this.options.configuration), didChangeConfiguration: {} },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Sends a configuration change and waits until the server has pulled the new settings. */
  async changeConfiguration(settings: unknown, timeoutMs = 10_000): Promise<void> {
    const before = this.configurationRequests;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    await this.until(
      () => this.configurationRequests > before,
      timeoutMs,
      'a workspace/configuration request',
    );
  }

  /** The sequence number the next publish will get; pass it to `waitForPublish` to skip older ones. */
  get nextSequence(): number {
    return this.publishes.length;
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  /** The first publish for `uri` from `fromSequence` on that satisfies `accept`. */
  async waitForPublish(
    uri: string,
    fromSequence: number,
    accept: (params: PublishDiagnosticsParams) => boolean,
    timeoutMs: number,
  ): Promise<Publish> {
    let found: Publish | undefined;
    await this.until(
      () => {
        found = this.publishes
          .slice(fromSequence)
          .find((publish) => publish.params.uri === uri && accept(publish.params));
        return found !== undefined;
      },
      timeoutMs,
      `diagnostics for ${uri}`,
    );
    return found as Publish;
  }

  /** Sends a request and returns its result with the round-trip time in milliseconds. */
  async timedRequest<R>(method: string, params: unknown): Promise<{ result: R; ms: number }> {
    const started = performance.now();
    const result = await this.connection.sendRequest<R>(method, params);
    return { result, ms: performance.now() - started };
  }

  /** Peak resident memory of the server process so far (VmHWM), in bytes. */
  peakMemoryBytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async shutdown(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    const stop = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill('SIGKILL');
    }
    await exited;
    clearTimeout(stop);
    this.connection.dispose();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no ${what} within ${timeoutMs} ms; server stderr: ${this.stderr}`));
      }, timeoutMs);
      const check = (): void => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }
}
