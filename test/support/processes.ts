// The child processes of a process that run a given script, read from Linux's /proc: for tests that
// check which language server processes an extension host, or our loader, has started.

import { readdirSync, readFileSync } from 'node:fs';

export interface ChildProcessInfo {
  pid: number;
  /** argv as the kernel holds it: the executable, its options, the script, the script's arguments. */
  commandLine: string[];
}

/** Children of `parent` with an argument ending in `script` (for example "dist/server.js"). */
export function childProcessesRunning(parent: number, script: string): ChildProcessInfo[] {
  const found: ChildProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the command name before it may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== parent) continue;
      // A process that has exited but is not yet reaped has an empty command line.
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (commandLine.some((arg) => arg.endsWith(script))) found.push({ pid: Number(entry), commandLine });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
