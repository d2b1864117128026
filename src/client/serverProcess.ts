// Starts the language server's process for the language client. Left to itself, the client starts
// a server only once activate() has run and the extension host has come back to it; while VS Code
// starts up, other extensions keep the host busy. So the first process is started at once, in the
// microtask after dist/extension.js is loaded (src/client/loader.ts): VS Code then still fetches
// the extension's storage before calling activate(), and the server starts in that time. The client
// is handed that process; later ones (after a crash) are started when the client asks.

import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { SERVER_NODE_OPTIONS } from '../shared/serverLaunch';

export interface ServerProcessOptions {
  /** dist/server.js */
  module: string;
  /** Where the server runs (the first workspace folder), if there is one. */
  cwd: string | undefined;
  /** Whether the server should wait for a debugger (the extension host is being debugged). */
  debug: boolean;
}

export interface ServerStarter {
  /** What the language client calls for each server it starts (its `ServerOptions` function). */
  start(): Promise<ChildProcess>;
  /**
   * Stops what is still running of the processes started: the client stops its server itself,
   * but does not know a process it was handed, so one that would not exit stays no longer.
   */
  dispose(): void;
}

export function serverStarter(options: ServerProcessOptions): ServerStarter {
  const started: ChildProcess[] = [];
  let disposed = false;
  const startOne = (): ChildProcess => {
    const server = startServer(options);
    started.push(server);
    return server;
  };
  // Not started when disposed first: nothing would stop it.
  let first: Promise<ChildProcess | undefined> | undefined = Promise.resolve().then(() =>
    disposed ? undefined : startOne(),
  );
  return {
    async start() {
      const early = first;
      first = undefined;
      const server = (await early) ?? (disposed ? undefined : startOne());
      if (!server) throw new Error('EKS Networking is shutting down: no language server is started.');
      return server;
    },
    dispose() {
      disposed = true;
      first = undefined;
      for (const server of started.splice(0)) {
        if (server.exitCode === null && server.signalCode === null) server.kill();
      }
    },
  };
}

function startServer({ module, cwd, debug }: ServerProcessOptions): ChildProcess {
  const nodeOptions = [...SERVER_NODE_OPTIONS, ...(debug ? ['--nolazy', '--inspect=6010'] : [])];
  return spawn(process.execPath, [...nodeOptions, module, '--stdio', `--clientProcessId=${process.pid}`], {
    cwd: cwd !== undefined && isDirectory(cwd) ? cwd : undefined,
    // In VS Code the host's executable is Electron's: these make it run as Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
    stdio: 'pipe',
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether the extension host runs under a debugger (as VS Code's language client tells it). */
export function hostIsDebugged(): boolean {
  return process.execArgv.some((arg) => /^--(?:inspect|debug)(?:-brk)?(?:=|$)/.test(arg));
}
