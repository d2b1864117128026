// Red Hat's yaml-language-server (a devDependency) over stdio, driven the way the Red Hat YAML
// extension drives it: `yaml` settings answered from workspace/configuration and, once registered,
// the custom schema requests its schema-contributor API answers. For tests of how we live beside it.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { PROJECT_ROOT } from './paths';

export interface CustomSchemaProvider {
  /** `custom/schema/request`: the schema URIs for a file (as Red Hat YAML's contributors answer). */
  request(resource: string): string[];
  /** `custom/schema/content`: the text of a contributed schema. */
  content(uri: string): string | undefined;
}

export class YamlLanguageServer {
  private readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>();
  private readonly hasProvider: boolean;

  constructor(
    private readonly yamlSettings: Record<string, unknown>,
    provider?: CustomSchemaProvider,
  ) {
    const server = join(PROJECT_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    this.process = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
    this.process.stderr.resume();
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'yaml' ? this.yamlSettings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      for (const wake of this.waiters.get(params.uri)?.splice(0) ?? []) wake(params);
    });
    if (provider) {
      this.connection.onRequest('custom/schema/request', (resource: string) => provider.request(resource));
      this.connection.onRequest('custom/schema/content', (uri: string) => provider.content(uri) ?? '');
    }
    this.connection.listen();
    this.hasProvider = Boolean(provider);
  }

  async start(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    await this.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { yaml: this.yamlSettings },
    });
    if (this.hasProvider) await this.connection.sendNotification('yaml/registerCustomSchemaRequest');
  }

  /** Opens a document and resolves with the diagnostics the server publishes for it. */
  async open(uri: string, text: string): Promise<PublishDiagnosticsParams['diagnostics']> {
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), resolve]);
    });
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    return (await published).diagnostics;
  }

  async hover(uri: string, line: number, character: number): Promise<string> {
    const hover = await this.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
    const contents = hover?.contents;
    if (!contents) return '';
    if (typeof contents === 'string') return contents;
    if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    return contents.value;
  }

  async completionLabels(uri: string, line: number, character: number): Promise<string[]> {
    const result = await this.connection.sendRequest<CompletionList | CompletionItem[] | null>(
      'textDocument/completion',
      { textDocument: { uri }, position: { line, character } },
    );
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    return items.map((item) => item.label);
  }

  /** The titles of the CodeLenses (Red Hat YAML names each document's schema in one). */
  async codeLensTitles(uri: string): Promise<string[]> {
    const lenses = await this.connection.sendRequest<Array<{ command?: { title: string } }> | null>(
      'textDocument/codeLens',
      { textDocument: { uri } },
    );
    return (lenses ?? []).map((lens) => lens.command?.title ?? '');
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    this.connection.dispose();
    this.process.kill();
  }
}
