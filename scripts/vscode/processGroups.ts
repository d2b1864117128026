// Starts long-running helpers (code-server) in their own process group and makes sure the whole group
// is stopped: explicitly via stop(), and as a fallback when this Node process exits or is interrupted.

import { spawn, type SpawnOptions } from 'node:child_process';

const liveGroups = new Set<number>();
let handlersInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // 'exit' also runs after an uncaught exception; only synchronous work is possible there.
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const pid of liveGroups) killGroup(pid, 'SIGTERM');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

export interface ProcessGroup {
  pid: number;
  /** Resolves with the exit code (or signal name) when the group leader exits. */
  exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after the grace period; resolves when the leader has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `command` as the leader of a new session and process group (`detached: true` is setsid(2)),
 * so stop() reaches every process it starts, e.g. code-server's extension hosts and language servers.
 */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ProcessGroup {
  installExitHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`Could not start ${command}.`);
  const pid = child.pid;
  liveGroups.add(pid);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolve(error.message));
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    killGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    // Children that ignored SIGTERM must not outlive the leader.
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
  };
  return { pid, exited, stop };
}
