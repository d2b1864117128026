// Runs one of our bundles with V8's code cache, so that a process started again skips compiling
// what the last one compiled (the bundle itself and the functions its first work ran): the
// language server (src/server/loader.ts) and the VS Code client (src/client/loader.ts). The cache
// is the user's own: `$XDG_CACHE_HOME/eks-networking`, or `~/.cache/eks-networking`, or the
// directory EKSNET_CODE_CACHE_DIR names (none if it is empty); one file per bundle, bundle
// content and Node version. Without a usable cache the bundle runs all the same: V8 refuses a
// cache that does not fit, and any error reading or writing one is ignored.

import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export class CachedBundle {
  private readonly source: string;
  private readonly script: Script;
  private readonly directory: string | undefined;
  private readonly name: CacheName;
  private saved = false;

  /** `kind` names the bundle's cache files (`server`, `client`). */
  constructor(
    private readonly file: string,
    kind: string,
  ) {
    this.source = readFileSync(file, 'utf8');
    this.directory = cacheDirectory();
    this.name = cacheName(kind, this.source);
    const cachedData = this.directory ? readCache(join(this.directory, this.name.file)) : undefined;
    this.script = new Script(Module.wrap(this.source), { filename: file, cachedData });
    // A cache that was there and fit has nothing to add.
    if (cachedData && !this.script.cachedDataRejected) this.saved = true;
  }

  /** Runs the bundle as a CommonJS module; returns its exports. */
  run(): unknown {
    const wrapper = this.script.runInThisContext() as (
      exports: unknown,
      require: NodeJS.Require,
      module: { exports: unknown },
      filename: string,
      dirname: string,
    ) => void;
    const module = { exports: {} };
    wrapper.call(
      module.exports,
      module.exports,
      createRequire(this.file),
      module,
      this.file,
      dirname(this.file),
    );
    return module.exports;
  }

  /**
   * Writes the cache, once, if there was none that fit: called when the bundle's first work is done,
   * so that the cache holds what that work needed compiled too.
   */
  save(): void {
    if (this.saved || !this.directory) return;
    this.saved = true;
    writeCache(this.directory, this.name, this.script.createCachedData());
  }
}

function cacheDirectory(): string | undefined {
  const configured = process.env.EKSNET_CODE_CACHE_DIR;
  if (configured !== undefined) return configured === '' ? undefined : configured;
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    return join(base, 'eks-networking');
  } catch {
    return undefined;
  }
}

/** Far above any real cache (a few MB): something else has taken the file's place. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The cache file's bytes, if it is a regular file: not a link, and never waited on (a FIFO in its
 * place would otherwise hold the process before it has started).
 */
function readCache(file: string): Buffer | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(
      file,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0),
    );
    const info = fstatSync(descriptor);
    if (!info.isFile() || info.size > MAX_CACHE_BYTES) return undefined;
    return readFileSync(descriptor);
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/**
 * Written to a file of its own first, then renamed: a process starting meanwhile reads all or
 * nothing. The caches of other builds of the bundle go (those of other Node versions stay).
 */
function writeCache(directory: string, name: CacheName, data: Buffer): void {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const file = join(directory, name.file);
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, data, { mode: 0o600 });
    chmodSync(partial, 0o600);
    renameSync(partial, file);
    for (const other of readdirSync(directory)) {
      if (other.startsWith(name.kindPrefix) && !other.startsWith(name.bundlePrefix))
        unlinkSync(join(directory, other));
    }
  } catch {
    // No cache this time.
  }
}

interface CacheName {
  /** `<kind>-<bundle hash>-<node version hash>.v8cache` */
  file: string;
  kindPrefix: string;
  bundlePrefix: string;
}

function cacheName(kind: string, source: string): CacheName {
  const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);
  const kindPrefix = `${kind}-`;
  const bundlePrefix = `${kindPrefix}${hash(source)}-`;
  return {
    kindPrefix,
    bundlePrefix,
    file: `${bundlePrefix}${hash(`${process.version}\0${process.arch}`)}.v8cache`,
  };
}
