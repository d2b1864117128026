// Runs the built `eksnet` (dist/cli.js) in a child process, as a terminal or CI does, and makes the
// throw-away folders the CLI tests lint.

import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, PROJECT_ROOT } from '../support/paths';

export const CLI = join(DIST, 'cli.js');

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  cwd?: string;
  /** Run as this user and group (only when the tests run as root). */
  uid?: number;
  /** Upper bound on the run, so a CLI that hangs fails the test instead of hanging it. */
  timeoutMs?: number;
}

export function eksnet(args: string[], options: RunOptions = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `eksnet` with piped streams, for tests that drive stdin or close stdout themselves. */
export function startEksnet(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, stdio: 'pipe' });
}

/** A fresh folder that every user can enter (the permission tests run the CLI as another user). */
export function scratchFolder(name: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `eksnet-${name}-`));
  chmodSync(path, 0o755);
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The user a permission test runs the CLI as: root reads everything, so drop to `nobody`. */
export const UNPRIVILEGED_UID = process.getuid?.() === 0 ? 65534 : undefined;

/** A NetworkPolicy with one error (SCH001 at line 7, `podSelecter`). */
export const POLICY_WITH_ERROR =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: y\nspec:\n  podSelecter: {}\n';

/** The files named in `eksnet lint --format json` output, in order, once each. */
export function filesIn(jsonOutput: string): string[] {
  const records = JSON.parse(jsonOutput) as Array<{ file: string }>;
  return [...new Set(records.map((record) => record.file))];
}
