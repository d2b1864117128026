// One VS Code under test: a fresh state folder in test-results/vscode/<name>/, the extension installed
// from a .vsix, a copy of a fixture workspace, and code-server serving it on 127.0.0.1.

import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, startCodeServer, codeServerDirs, type CodeServer } from './codeServer';
import { ensureVsCodeTools, PROJECT_ROOT, type ToolPaths } from './tools';
import { packageExtension } from './vsix';

export const RESULTS_ROOT = join(PROJECT_ROOT, 'test-results', 'vscode');

export interface SessionOptions {
  /** Folder name under test-results/vscode/. */
  name: string;
  /** Folder copied as the workspace (the copy is what VS Code edits). */
  workspaceSource: string;
  trustWorkspace: boolean;
  /** The .vsix to install; see buildVsix(). */
  vsix: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface VsCodeSession {
  tools: ToolPaths;
  server: CodeServer;
  /** test-results/vscode/<name>/: logs, screenshots, the workspace copy. */
  dir: string;
  stop(): Promise<void>;
}

/** Installs the tools when missing and builds the .vsix with `npm run package` in a private copy. */
export function buildVsix(name: string): { tools: ToolPaths; vsix: string } {
  const tools = ensureVsCodeTools();
  const vsix = packageExtension(join(RESULTS_ROOT, `${name}-package`));
  return { tools, vsix };
}

export async function startSession(options: SessionOptions): Promise<VsCodeSession> {
  const tools = ensureVsCodeTools();
  const dir = join(RESULTS_ROOT, options.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspace = join(dir, 'workspace');
  cpSync(options.workspaceSource, workspace, { recursive: true });
  installExtension(tools, dir, options.vsix);
  const server = await startCodeServer({
    tools,
    stateDir: dir,
    workspace,
    trustWorkspace: options.trustWorkspace,
    settings: options.settings,
    env: { EKS_VSCODE_EXTENSIONS_DIR: codeServerDirs(dir).extensionsDir, ...options.env },
  });
  return { tools, server, dir, stop: () => server.stop() };
}
