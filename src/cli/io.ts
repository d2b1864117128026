// What every `eksnet` subcommand receives: where to write, how to read stdin, and the environment.
// Subcommands return their exit code: 0 success, 1 findings or a failed action, 2 usage or I/O error.

export interface CliIO {
  stdout(text: string): void;
  /** Resolves once standard output has taken what was written (for long outputs); optional. */
  stdoutDrained?(): Promise<void>;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** A mistake in how the command was called; main prints its message and exits 2. */
export class UsageError extends Error {}

export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
