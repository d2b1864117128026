// The VS Code client: starts the language server for YAML files and registers the commands.
// It stays light so activation is fast; the server does the work, and the cluster commands' code is
// loaded on first use (see client/cluster/index.ts).

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { registerExplain } from './client/explain';
import { registerClusterCommands } from './client/cluster';
import { registerConnectivity } from './client/connectivity';
import { registerWithRedHatYaml } from './client/redHatYaml';
import { registerWalkthrough } from './client/walkthrough';
import { hostIsDebugged, serverStarter, type ServerStarter } from './client/serverProcess';

let client: LanguageClient | undefined;
let servers: ServerStarter | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('EKS Networking', { log: true });
  context.subscriptions.push(log);
  // Before our server starts: Red Hat YAML must know to leave our documents alone when it first validates.
  registerWithRedHatYaml(context, log);

  // The server's process is started as soon as activation returns (see client/serverProcess.ts).
  servers = serverStarter({
    module: context.asAbsolutePath(path.join('dist', 'server.js')),
    cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    debug: hostIsDebugged(),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'eksNetworking' },
    outputChannel: log,
  };
  client = new LanguageClient('eksNetworking', 'EKS Networking', servers.start, clientOptions);
  context.subscriptions.push(client);
  registerExplain(context, client);
  registerConnectivity(context, client);
  const cluster = registerClusterCommands(context, log);
  registerWalkthrough(context);
  try {
    await client.start();
    log.info('EKS Networking language server started.');
  } finally {
    // The context status bar item needs the cluster code: loaded once the server is up, so it does
    // not slow down activation or the first diagnostics.
    cluster.load();
  }
}

export async function deactivate(): Promise<void> {
  try {
    await client?.stop();
  } finally {
    client = undefined;
    servers?.dispose();
    servers = undefined;
  }
}
