// Entry point of `dist/server.js`: runs the language server's bundle (dist/serverMain.js, from
// main.ts) with V8's code cache, so that a server started again skips compiling what the last one
// compiled (the bundle itself and the engine code its first validation ran). The cache is the
// user's own (`$XDG_CACHE_HOME/eks-networking`, or `~/.cache/eks-networking`; the directory
// EKSNET_CODE_CACHE_DIR names, or none if it is empty), one file per bundle content and Node
// version. Without a usable cache the server runs all the same: V8 refuses a cache that does not
// fit, and any error reading or writing one is ignored.

import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
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
import { SAVE_CODE_CACHE } from './codeCache';

const BUNDLE = join(__dirname, 'serverMain.js');

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

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written to a file of its own first, then renamed: a server starting meanwhile reads all or
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
      if (other.startsWith('server-') && !other.startsWith(name.bundlePrefix))
        unlinkSync(join(directory, other));
    }
  } catch {
    // No cache this time.
  }
}

interface CacheName {
  /** `server-<bundle hash>-<node version hash>.v8cache` */
  file: string;
  bundlePrefix: string;
}

function cacheName(source: string): CacheName {
  const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);
  const bundlePrefix = `server-${hash(source)}-`;
  return { bundlePrefix, file: `${bundlePrefix}${hash(`${process.version}\0${process.arch}`)}.v8cache` };
}

function run(): void {
  const source = readFileSync(BUNDLE, 'utf8');
  const directory = cacheDirectory();
  const name = cacheName(source);
  const cachedData = directory ? readCache(join(directory, name.file)) : undefined;
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  if (directory && (!cachedData || script.cachedDataRejected)) {
    // Saved once the first diagnostics are out, so that it holds what they needed compiled too.
    let saved = false;
    (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = (): void => {
      if (saved) return;
      saved = true;
      writeCache(directory, name, script.createCachedData());
    };
  }
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
}

run();
