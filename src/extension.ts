// The VS Code client: starts the language server for YAML files and registers the commands.
// Activation only registers: the language client (dist/languageClient.js) is loaded and started
// just after activate() returns, and the cluster commands' code on first use (client/cluster/index.ts).
// Commands that ask the server wait for it to be up.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExplain } from './client/explain';
import { registerClusterCommands } from './client/cluster';
import { registerConnectivity } from './client/connectivity';
import { registerWithRedHatYaml } from './client/redHatYaml';
import { registerWalkthrough } from './client/walkthrough';
import type { ServerRequests } from './client/serverRequests';

/** Next to dist/extension.js in the package; scripts/build.mjs writes it. */
const LANGUAGE_CLIENT_BUNDLE = 'languageClient.js';

let client: Promise<LanguageClient | undefined> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('EKS Networking', { log: true });
  context.subscriptions.push(log);
  // Before our server starts: Red Hat YAML must know to leave our documents alone when it first validates.
  registerWithRedHatYaml(context, log);

  const cluster = registerClusterCommands(context, log);
  const started = startServerClient(context, log);
  client = started.catch(() => undefined);
  const requests: ServerRequests = {
    sendRequest: async <R>(method: string, params: unknown): Promise<R> =>
      (await started).sendRequest<R>(method, params),
  };
  registerExplain(context, requests);
  registerConnectivity(context, requests);
  registerWalkthrough(context);
  // The context status bar item needs the cluster code: loaded once the server is up (or failed to
  // start), so it does not slow down activation or the first diagnostics.
  void started.then(
    () => cluster.load(),
    (error: unknown) => {
      log.error(`EKS Networking language server did not start: ${String(error)}`);
      cluster.load();
    },
  );
}

/** Loads the language client's bundle in the turn after activation, and starts it. */
async function startServerClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): Promise<LanguageClient> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  // A plain require at run time: esbuild leaves it alone, so the bundle stays separate.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(
    path.join(__dirname, LANGUAGE_CLIENT_BUNDLE),
  ) as typeof import('./client/languageClient');
  return bundle.startLanguageClient(context, log);
}

export async function deactivate(): Promise<void> {
  const running = await client;
  client = undefined;
  await running?.stop();
}
