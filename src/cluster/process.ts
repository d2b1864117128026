// Runs an executable with an argument array (never a shell), with stdin, an overall timeout and
// cancellation, and records the command and its output in the log with secrets removed.

import { spawn } from 'node:child_process';
import { ClusterError } from './errors';
import type { Redactor } from './redact';

/** Commands, results and errors at info/error; what kubectl and aws print (response bodies) at debug. */
export interface ClusterLog {
  info(message: string): void;
  error(message: string): void;
  debug?(message: string): void;
}

export const SILENT_LOG: ClusterLog = { info: () => undefined, error: () => undefined };

export interface RunOptions {
  executable: string;
  args: string[];
  stdin?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  log: ClusterLog;
  redactor: Redactor;
  /** Shown in messages: "kubectl" or "aws". */
  toolName: string;
  /** Where the user changes the executable path, for the not-found message. */
  pathHint: string;
  /** Logged instead of stdout, for output that can hold credentials (kubectl config view). */
  stdoutNotLogged?: string;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The command as a person would type it (quoted for a POSIX shell), secrets removed. */
  commandLine: string;
}

const MAX_LOGGED_OUTPUT = 20_000;

export function runProcess(options: RunOptions): Promise<RunResult> {
  const { executable, args, redactor, log } = options;
  const commandLine = redactor.redact(quoteCommand([executable, ...args]));
  log.info(`$ ${commandLine}${options.stdin !== undefined ? ' < (stdin)' : ''}`);
  if (options.signal?.aborted) return Promise.reject(cancelled(options.toolName));

  return new Promise<RunResult>((resolve, reject) => {
    // Its own process group (POSIX), so a timeout or cancel also stops what the child started
    // (credential plugins, a wrapper's children) instead of leaving them to hold the pipes open.
    const ownGroup = process.platform !== 'win32';
    const child = spawn(executable, args, {
      env: options.env ?? process.env,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
      detached: ownGroup,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    let reason: 'timeout' | 'cancelled' | undefined;

    const signalChild = (signal: NodeJS.Signals) => {
      try {
        if (ownGroup && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    };
    const stop = (why: 'timeout' | 'cancelled') => {
      if (reason) return;
      reason = why;
      signalChild('SIGTERM');
      // kubectl normally exits on SIGTERM; make sure a stuck child does not outlive us.
      setTimeout(() => signalChild('SIGKILL'), 2000).unref();
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };

    child.stdout.on('data', (part: Buffer) => stdout.push(part));
    child.stderr.on('data', (part: Buffer) => stderr.push(part));
    child.stdin.on('error', () => undefined); // the child may exit before reading stdin
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish();
      if (settled) return;
      settled = true;
      const message =
        error.code === 'ENOENT' || error.code === 'EACCES'
          ? `${options.toolName} was not found at "${executable}"${error.code === 'EACCES' ? ' (not executable)' : ''}; install it or set ${options.pathHint} to its full path.`
          : `Could not start ${options.toolName} ("${executable}"): ${error.message}.`;
      log.error(redactor.redact(message));
      reject(new ClusterError('tool-not-found', redactor.redact(message)));
    });
    const settle = (code: number | null) => {
      finish();
      if (settled) return;
      settled = true;
      const out = Buffer.concat(stdout).toString('utf8');
      const err = Buffer.concat(stderr).toString('utf8');
      logOutput(log, redactor, options.stdoutNotLogged ?? out, err, code);
      if (reason === 'cancelled') return reject(cancelled(options.toolName));
      if (reason === 'timeout') {
        const seconds = Math.round(options.timeoutMs / 1000);
        return reject(
          new ClusterError(
            'timeout',
            `${options.toolName} did not finish within ${seconds} s; the cluster or network may be slow or unreachable — try again or raise the timeout.`,
          ),
        );
      }
      resolve({ exitCode: code ?? 1, stdout: out, stderr: err, commandLine });
    };
    child.on('close', settle);
    // Something outside our process group may still hold the pipes: once the child itself has
    // exited, give its output a moment to drain, then stop waiting for them.
    child.on('exit', (code) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        settle(code);
      }, 1000).unref();
    });
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    else child.stdin.end();
  });
}

function logOutput(
  log: ClusterLog,
  redactor: Redactor,
  stdout: string,
  stderr: string,
  code: number | null,
): void {
  const clip = (text: string) =>
    text.length > MAX_LOGGED_OUTPUT
      ? `${text.slice(0, MAX_LOGGED_OUTPUT)}\n… (${text.length - MAX_LOGGED_OUTPUT} more characters)`
      : text;
  if (stdout.trim()) (log.debug ?? log.info).call(log, redactor.redact(clip(stdout.trimEnd())));
  if (stderr.trim()) (code === 0 ? log.info : log.error).call(log, redactor.redact(clip(stderr.trimEnd())));
  log.info(`(exit code ${code ?? 'none'})`);
}

function cancelled(toolName: string): ClusterError {
  return new ClusterError('cancelled', `Cancelled: ${toolName} was stopped before it finished.`);
}

/** Quotes argv for display (POSIX shell rules), so the log shows exactly what ran. */
export function quoteCommand(argv: string[]): string {
  return argv.map(quoteArgument).join(' ');
}

export function quoteArgument(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The same command over several lines (`\` continuations) for narrow places such as a dialog:
 * lines break only between arguments, and a flag stays on the line of the value that follows it.
 */
export function wrapCommand(argv: string[], width = 64): string {
  const units: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = quoteArgument(argv[index]);
    const next = argv[index + 1];
    const takesValue = argv[index].startsWith('-') && !argv[index].includes('=') && next !== undefined;
    if (takesValue && (argv[index] === '--' || !next.startsWith('-'))) {
      units.push(`${arg} ${quoteArgument(next)}`);
      index++;
    } else units.push(arg);
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    if (line && line.length + 1 + unit.length > width) {
      lines.push(line);
      line = `  ${unit}`;
    } else line = line ? `${line} ${unit}` : unit;
  }
  if (line) lines.push(line);
  return lines.join(' \\\n');
}
