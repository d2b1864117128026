// Entry point of the extension (`main`: dist/extension.js): runs the client's bundle
// (dist/extensionMain.js, from src/extension.ts) with V8's code cache (see
// src/shared/cachedBundle.ts), so that VS Code starting the extension again skips compiling the
// language client. The cache is saved once activation is done, so it holds what that needed too.

import { join } from 'node:path';
import type * as vscode from 'vscode';
import { CachedBundle } from '../shared/cachedBundle';

interface Extension {
  activate(context: vscode.ExtensionContext): Promise<void>;
  deactivate(): Promise<void>;
}

const bundle = new CachedBundle(join(__dirname, 'extensionMain.js'), 'client');
const extension = bundle.run() as Extension;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const activation = extension.activate(context);
  activation.then(
    () => setImmediate(() => bundle.save()),
    () => undefined,
  );
  return activation;
}

export function deactivate(): Promise<void> {
  return extension.deactivate();
}
