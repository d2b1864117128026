// What the file-reading commands read: the paths on the command line, with directories expanded
// into their YAML files, and each file read safely. Only regular files are read (checked on the
// opened descriptor, so a FIFO or a device named on the command line cannot hang or flood the
// run) and never more than the size limit. What cannot be read becomes one line for the user; the
// caller goes on with the rest.

import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { displayName } from './output/escape';

/** A path to read (as the user will see it), or a line saying why one cannot be. */
export type Input = { kind: 'file'; file: string } | { kind: 'stdin' } | { kind: 'problem'; message: string };

/** Why an input was not read; its message is one line that names the input. */
export class InputError extends Error {}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const YAML_NAME = /\.ya?ml$/i;

/** Words for the errors users meet; anything else is shown by its code. */
const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && ERRNO_WORDS[code]) ?? code ?? (error as Error).message;
}

function cannotRead(shown: string, error: unknown): Input {
  return { kind: 'problem', message: `cannot read ${displayName(shown)}: ${describeError(error)}` };
}

export interface CollectOptions {
  /**
   * Stop after this many files found in directories (the language server reads folders on its own
   * thread and must not walk a whole disk); one problem says where the walk stopped.
   */
  maxFiles?: number;
  /** Stop after walking this many folders (a folder such as `/` holds few manifests and many folders). */
  maxFolders?: number;
}

/**
 * Expands directories into their `*.yaml`/`*.yml` files, sorted for stable output, following
 * symbolic links to files and to folders (each real folder is walked once, so a link back up the
 * tree ends). Files named on the command line are kept whatever their name, in order.
 */
export function collectInputs(paths: string[], cwd: string, options: CollectOptions = {}): Input[] {
  const inputs: Input[] = [];
  const walked = new Set<string>();
  const shown = (full: string): string => relative(cwd, full) || full;
  let found = 0;
  let folders = 0;
  let stopped = false;

  const walk = (directory: string): void => {
    if (stopped) return;
    if (options.maxFolders !== undefined && ++folders > options.maxFolders) {
      stopped = true;
      inputs.push({
        kind: 'problem',
        message: `more than ${options.maxFolders} folders; the others (from ${displayName(shown(directory))} on) are not read`,
      });
      return;
    }
    let entries;
    try {
      const real = realpathSync(directory);
      if (walked.has(real)) return;
      walked.add(real);
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      inputs.push(cannotRead(shown(directory), error));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDirectory = statSync(full).isDirectory();
        } catch (error) {
          // A dangling link named like a manifest was meant to be checked: say so.
          if (YAML_NAME.test(entry.name)) inputs.push(cannotRead(shown(full), error));
          continue;
        }
      }
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (YAML_NAME.test(entry.name)) {
        if (options.maxFiles !== undefined && found >= options.maxFiles) {
          stopped = true;
          inputs.push({
            kind: 'problem',
            message: `more than ${options.maxFiles} YAML files; the others (from ${displayName(shown(full))} on) are not read`,
          });
          return;
        }
        found++;
        // FIFOs and devices named like manifests are refused when read, with their name.
        inputs.push({ kind: 'file', file: shown(full) });
      }
      if (stopped) return;
    }
  };

  for (const path of paths) {
    if (path === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    const absolute = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      inputs.push(cannotRead(path, error));
      continue;
    }
    if (isDirectory) walk(absolute);
    else inputs.push({ kind: 'file', file: path });
  }
  return inputs;
}

/** The size limit as the user set it, for messages. */
export function tooLargeMessage(what: string, limitMB: number): string {
  return `${what} larger than ${limitMB} MB; raise --max-file-size-mb to check it`;
}

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a regular file as UTF-8, at most `limitMB`. Throws an InputError naming the file when it
 * cannot be opened, is not a regular file or is too large.
 */
export function readInputFile(file: string, cwd: string, limitMB: number): string {
  let descriptor: number;
  try {
    // Non-blocking, so opening a FIFO without a writer returns at once instead of waiting for one.
    descriptor = openSync(resolve(cwd, file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(`cannot read ${displayName(file)}: ${describeError(error)}`);
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw new InputError(`cannot read ${displayName(file)}: is a directory`);
    if (!stats.isFile()) {
      throw new InputError(
        `skipped ${displayName(file)}: not a regular file; pipe it to standard input ("-") instead`,
      );
    }
    const limitBytes = Math.floor(limitMB * 1024 * 1024);
    const tooLarge = (): InputError =>
      new InputError(tooLargeMessage(`skipped ${displayName(file)}:`, limitMB));
    if (stats.size > limitBytes) throw tooLarge();
    // The size can change while reading (and is 0 for some kernel files): read until the end, but
    // never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limitBytes + 1 - total));
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limitBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${displayName(file)}: ${describeError(error)}`);
  } finally {
    closeSync(descriptor);
  }
}
