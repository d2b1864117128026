// Entry point of the extension (`main`: dist/extension.js). Two things happen as soon as VS Code
// loads it, before activate() is called:
// - the language server's process is started (in the microtask after loading). Between loading an
//   extension's code and calling its activate(), VS Code waits for the extension's storage from the
//   workbench, which took 100-300 ms in the benchmark's VS Code while the workbench started; the
//   server's process starts in that time instead of after it (see client/serverProcess.ts);
// - the client's bundle (dist/extensionMain.js, from src/extension.ts) is run with V8's code cache
//   (see src/shared/cachedBundle.ts), so that VS Code starting the extension again skips compiling
//   the language client. The cache is saved once activation is done, so it holds what that needed.

import { join } from 'node:path';
import * as vscode from 'vscode';
import { CachedBundle } from '../shared/cachedBundle';
import { hostIsDebugged, serverStarter, type ServerStarter } from './serverProcess';

/** What dist/extensionMain.js exports (src/extension.ts). */
export interface Extension {
  activate(context: vscode.ExtensionContext, servers: ServerStarter): Promise<void>;
  deactivate(): Promise<void>;
}

const bundle = new CachedBundle(join(__dirname, 'extensionMain.js'), 'client');
const extension = bundle.run() as Extension;
// After the bundle ran: if it failed, VS Code reports that and no process is left behind.
const servers = serverStarter({
  module: join(__dirname, 'server.js'),
  cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  debug: hostIsDebugged(),
});

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const activation = extension.activate(context, servers);
  activation.then(
    () => setImmediate(() => bundle.save()),
    // Nothing will use the process started for it; VS Code does not deactivate what failed.
    () => servers.dispose(),
  );
  return activation;
}

export function deactivate(): Promise<void> {
  return extension.deactivate();
}
