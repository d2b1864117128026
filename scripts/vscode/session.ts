// One VS Code with our extension: a fresh state folder (test-results/vscode/<name>/ for tests), the
// extension installed from a .vsix, a workspace (a fresh copy of a fixture folder, or of examples/ for
// the demo: VS Code edits and saves the copy only), and code-server serving it on 127.0.0.1.

import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, startCodeServer, codeServerDirs, type CodeServer } from './codeServer';
import { ensureVsCodeTools, PROJECT_ROOT, type ToolPaths } from './tools';
import { packageExtension } from './vsix';

export const RESULTS_ROOT = join(PROJECT_ROOT, 'test-results', 'vscode');

export interface SessionOptions {
  /** Folder name under test-results/vscode/. */
  name: string;
  /** State folder to use instead of test-results/vscode/<name>/ (emptied first). */
  dir?: string;
  /** Folder copied as the workspace (the copy is what VS Code edits). */
  workspaceSource: string;
  trustWorkspace: boolean;
  /** The .vsix to install; see buildVsix(). */
  vsix: string;
  /** Other extensions (.vsix files) installed beside ours, such as the Red Hat YAML stand-in. */
  otherExtensions?: string[];
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Defaults to a free port. */
  port?: number;
}

export interface VsCodeSession {
  tools: ToolPaths;
  server: CodeServer;
  /** test-results/vscode/<name>/: logs, screenshots, the workspace copy. */
  dir: string;
  stop(): Promise<void>;
}

/** Installs the tools when missing and builds the .vsix with `npm run package` in a private copy. */
export function buildVsix(
  name: string,
  workDir = join(RESULTS_ROOT, `${name}-package`),
): { tools: ToolPaths; vsix: string } {
  const tools = ensureVsCodeTools();
  const vsix = packageExtension(workDir);
  return { tools, vsix };
}

export async function startSession(options: SessionOptions): Promise<VsCodeSession> {
  const tools = ensureVsCodeTools();
  const dir = options.dir ?? join(RESULTS_ROOT, options.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const workspace = join(dir, 'workspace');
  cpSync(options.workspaceSource, workspace, { recursive: true });
  for (const vsix of [options.vsix, ...(options.otherExtensions ?? [])]) installExtension(tools, dir, vsix);
  const server = await startCodeServer({
    tools,
    stateDir: dir,
    workspace,
    trustWorkspace: options.trustWorkspace,
    settings: options.settings,
    port: options.port,
    env: { EKS_VSCODE_EXTENSIONS_DIR: codeServerDirs(dir).extensionsDir, ...options.env },
  });
  return { tools, server, dir, stop: () => server.stop() };
}
