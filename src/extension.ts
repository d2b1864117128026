// The VS Code client: starts the language server for YAML files and registers the commands.
// It stays light so activation is fast; the server does the work, and the cluster commands' code is
// loaded on first use (see client/cluster/index.ts).

import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/node';
import { registerExplain } from './client/explain';
import { registerClusterCommands } from './client/cluster';
import { registerConnectivity } from './client/connectivity';
import { registerWithRedHatYaml } from './client/redHatYaml';
import { registerWalkthrough } from './client/walkthrough';
import type { ServerStarter } from './client/serverProcess';

/** When the cluster code is loaded if no diagnostics have come by then. */
const CLUSTER_LOAD_FALLBACK_MS = 3_000;

let client: LanguageClient | undefined;
let servers: ServerStarter | undefined;

/**
 * Called by dist/extension.js (src/client/loader.ts), which has already started the first server
 * process: `starter` hands it to the language client, and starts the next ones it asks for.
 */
export async function activate(context: vscode.ExtensionContext, starter: ServerStarter): Promise<void> {
  const log = vscode.window.createOutputChannel('EKS Networking', { log: true });
  context.subscriptions.push(log);
  // Before our client starts: Red Hat YAML must know to leave our documents alone when it first validates.
  registerWithRedHatYaml(context, log);

  servers = starter;
  const cluster = registerClusterCommands(context, log);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'eksNetworking' },
    outputChannel: log,
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        cluster.loadIn(0);
      },
    },
  };
  client = new LanguageClient('eksNetworking', 'EKS Networking', servers.start, clientOptions);
  context.subscriptions.push(client);
  registerExplain(context, client);
  registerConnectivity(context, client);
  registerWalkthrough(context);
  try {
    await client.start();
    log.info('EKS Networking language server started.');
  } finally {
    // The context status bar item needs the cluster code, which took 40-55 ms to load while VS Code
    // started. Loaded at once after the server was up, it held up the client's first messages to the
    // server, and so the first diagnostics; so it is loaded in the turn after the first diagnostics
    // are handed to VS Code (the middleware above), or after a pause if none come.
    cluster.loadIn(CLUSTER_LOAD_FALLBACK_MS);
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
