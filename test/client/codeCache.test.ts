// The extension's `main` (dist/extension.js, src/client/loader.ts) runs the client's bundle with
// V8's code cache, as the server's loader does: the first activation writes the cache for the user
// alone once it is done, the next one uses it unchanged, a damaged cache is refused and replaced,
// and no directory means no cache. Activation is the same in every case: it starts the real server.
// Run with a stand-in `vscode` module (the benchmark's activation probe), in a process of its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, PROJECT_ROOT } from '../support/paths';

const PROBE = join(PROJECT_ROOT, 'out', 'scripts', 'bench', 'activationProbe.js');
const TYPINGS = join(PROJECT_ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts');

/** Activates the extension with EKSNET_CODE_CACHE_DIR=`directory`; what the probe reports. */
async function activate(directory: string): Promise<{ activateResolvedMs?: number; note?: string }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [PROBE, join(DIST, 'extension.js'), TYPINGS],
    {
      env: { ...process.env, EKSNET_CODE_CACHE_DIR: directory },
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
    activateResolvedMs?: number;
    note?: string;
  };
}

const clientCaches = (directory: string): string[] =>
  readdirSync(directory).filter((name) => name.startsWith('client-') && name.endsWith('.v8cache'));

test('the first activation writes the client code cache for the user alone; the next uses it unchanged', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-client-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const directory = join(root, 'cache');

  const first = await activate(directory);
  assert.equal(first.note, undefined);
  assert.ok(
    first.activateResolvedMs !== undefined,
    'activation finished: the language client started the server',
  );
  const [file] = clientCaches(directory);
  assert.ok(file, 'a client cache file was written');
  assert.equal(statSync(directory).mode & 0o777, 0o700);
  assert.equal(statSync(join(directory, file)).mode & 0o777, 0o600);
  const written = statSync(join(directory, file));

  const second = await activate(directory);
  assert.ok(second.activateResolvedMs !== undefined);
  const after = statSync(join(directory, file));
  assert.deepEqual(
    [after.ino, after.mtimeMs],
    [written.ino, written.mtimeMs],
    'the cache was used, not written again',
  );
});

test('a damaged client cache is refused and replaced; an empty EKSNET_CODE_CACHE_DIR means no cache', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-client-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const directory = join(root, 'cache');
  await activate(directory);
  const [file] = clientCaches(directory);
  writeFileSync(join(directory, file), Buffer.alloc(4096, 0x5a));
  // The client's caches of other builds go; the server's stay.
  const oldClient = 'client-000000000000000000000000-000000000000000000000000.v8cache';
  writeFileSync(join(directory, oldClient), 'old');
  const server = 'server-000000000000000000000000-000000000000000000000000.v8cache';
  writeFileSync(join(directory, server), 'the server keeps its own');

  const again = await activate(directory);
  assert.ok(again.activateResolvedMs !== undefined, 'activation finished with the damaged cache');
  assert.deepEqual(clientCaches(directory), [file]);
  assert.ok(statSync(join(directory, file)).size > 4096, 'a real cache replaced the damaged one');
  assert.ok(statSync(join(directory, server)).isFile(), 'the server cache was left alone');

  const none = await activate('');
  assert.ok(none.activateResolvedMs !== undefined, 'activation finished without a cache');
});
