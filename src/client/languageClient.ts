// The language client: starts dist/server.js for YAML documents. A bundle of its own
// (dist/languageClient.js): vscode-languageclient is most of the client's code, so extension.ts
// loads it just after activation returns (see startServerClient there), and activation stays short.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export async function startLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'eksNetworking' },
    outputChannel: log,
  };
  const client = new LanguageClient('eksNetworking', 'EKS Networking', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  log.info('EKS Networking language server started.');
  return client;
}
