// Runs code-server (VS Code 1.99 served to a browser) on 127.0.0.1 for tests and the demo.

import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { spawnGroup, type ProcessGroup } from './processGroups';
import { toolEnv, type ToolPaths } from './tools';

export interface CodeServerOptions {
  tools: ToolPaths;
  /** Holds user-data/, extensions/ and code-server.log. */
  stateDir: string;
  /** Folder opened in the workbench. */
  workspace: string;
  /** false starts code-server with Workspace Trust on, so the folder opens in Restricted Mode. */
  trustWorkspace: boolean;
  /** User settings written to settings.json before start. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and the extension hosts it starts. */
  env?: Record<string, string>;
  /** Defaults to a free port. */
  port?: number;
}

export interface CodeServer {
  url: string;
  host: string;
  port: number;
  workspace: string;
  extensionsDir: string;
  userDataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

export function codeServerDirs(stateDir: string): { userDataDir: string; extensionsDir: string } {
  return { userDataDir: join(stateDir, 'user-data'), extensionsDir: join(stateDir, 'extensions') };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `code-server --install-extension file.vsix` into the state folder's own extensions dir. */
export function installExtension(tools: ToolPaths, stateDir: string, vsix: string): void {
  const { userDataDir, extensionsDir } = codeServerDirs(stateDir);
  const result = spawnSync(
    tools.codeServerBin,
    [
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
      '--force',
    ],
    { encoding: 'utf8', env: toolEnv(tools), timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed:\n${result.stdout}\n${result.stderr}`);
  }
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(`${url}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.setTimeout(2000, () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

async function waitUntilHealthy(url: string, group: ProcessGroup, logFile: string, timeoutMs: number) {
  let exitedWith: number | string | undefined;
  void group.exited.then((code) => (exitedWith = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) break;
    if (await healthy(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval, not a wait for readiness
  }
  const log = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  const why =
    exitedWith !== undefined ? `exited (${exitedWith})` : `did not answer /healthz within ${timeoutMs} ms`;
  throw new Error(`code-server ${why}. Last lines of ${logFile}:\n${log}`);
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { tools, stateDir, workspace } = options;
  const { userDataDir, extensionsDir } = codeServerDirs(stateDir);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'security.workspace.trust.startupPrompt': 'never',
        // The test workspaces sit inside this project's git repository; do not offer to open it.
        'git.openRepositoryInParentFolders': 'never',
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const url = `http://${host}`;
  const logFile = join(stateDir, 'code-server.log');
  const log = openSync(logFile, 'a');
  const args = [
    '--bind-addr',
    host,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--config',
    '/dev/null',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(options.trustWorkspace ? ['--disable-workspace-trust'] : []),
    workspace,
  ];
  const group = spawnGroup(tools.codeServerBin, args, {
    stdio: ['ignore', log, log],
    env: toolEnv(tools, options.env),
  });
  closeSync(log);
  try {
    await waitUntilHealthy(url, group, logFile, 60_000);
  } catch (error) {
    await group.stop();
    throw error;
  }
  return { url, host, port, workspace, extensionsDir, userDataDir, logFile, stop: () => group.stop() };
}
