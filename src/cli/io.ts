// What every `eksnet` subcommand receives: where to write, how to read stdin, and the environment.
// Subcommands return their exit code: 0 success, 1 findings or a failed action, 2 usage or I/O error.

import { DEFAULT_SETTINGS } from '../engine/settings';
import { describeError, InputError, tooLargeMessage } from './inputs';

export interface CliIO {
  stdout(text: string): void;
  /** Resolves once standard output has taken what was written (for long outputs); optional. */
  stdoutDrained?(): Promise<void>;
  stderr(text: string): void;
  /** Standard input as UTF-8; rejects with an InputError past `limitMB` (default: the engine's). */
  readStdin(limitMB?: number): Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A mistake in how the command was called; main prints its message and exits 2. */
export class UsageError extends Error {}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** The real process streams. */
export function processIO(): CliIO {
  // `eksnet lint … | head`: once the reader is gone, the rest of the output has nowhere to go.
  // That is the reader's choice, not an error: stop writing and end with the command's own status.
  let outputGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    outputGone = true;
    if (error.code === 'EPIPE') return;
    process.stderr.write(`eksnet: cannot write the output: ${describeError(error)}\n`);
    process.exitCode = EXIT_USAGE;
  });
  // Nothing useful can be said when stderr itself is closed.
  process.stderr.on('error', () => undefined);
  return {
    stdout: (text) => {
      if (!outputGone) process.stdout.write(text);
    },
    // A long output waits for a slow reader; a reader that went away ends the wait too.
    stdoutDrained: () =>
      outputGone || !process.stdout.writableNeedDrain
        ? Promise.resolve()
        : new Promise((resolve) => {
            const done = (): void => {
              process.stdout.off('drain', done);
              process.stdout.off('error', done);
              process.stdout.off('close', done);
              resolve();
            };
            process.stdout.once('drain', done);
            process.stdout.once('error', done);
            process.stdout.once('close', done);
          }),
    stderr: (text) => {
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
    readStdin: (limitMB = DEFAULT_SETTINGS.maxFileSizeMB) => readStream(process.stdin, limitMB),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Reads a stream to its end as UTF-8, but stops (and rejects) once it passes `limitMB`. */
export function readStream(
  stream: NodeJS.ReadableStream & { destroy(): void },
  limitMB: number,
): Promise<string> {
  const limitBytes = Math.floor(limitMB * 1024 * 1024);
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    stream.on('data', (part: Buffer) => {
      size += part.length;
      if (size > limitBytes) {
        stream.removeAllListeners('data');
        stream.destroy();
        reject(new InputError(tooLargeMessage('standard input is', limitMB)));
        return;
      }
      parts.push(part);
    });
    stream.on('end', () => resolve(Buffer.concat(parts, size).toString('utf8')));
    stream.on('error', (error: unknown) =>
      reject(new InputError(`cannot read standard input: ${describeError(error)}`)),
    );
  });
}
