// `node dist/server.js` runs the server's bundle with V8's code cache (src/server/loader.ts): the
// first server writes the cache once its first diagnostics are out, in a directory only the user
// can read; the next one uses it as it is; a damaged cache is refused and replaced; no directory
// means no cache. The server's answers are the same in every case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient } from '../support/lspClient';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - protocol: tcp
          port: 80
`;

/** Starts a server with EKSNET_CODE_CACHE_DIR=`directory`, gets its diagnostics and a hover, stops it. */
async function serve(directory: string): Promise<string[]> {
  const client = new LspTestClient({ env: { EKSNET_CODE_CACHE_DIR: directory } });
  try {
    await client.initialize();
    const uri = 'file:///work/cache.yaml';
    await client.open(uri, POLICY);
    const diagnostics = await client.waitForDiagnostics(uri);
    // Answered after the turn in which the cache is written (it follows the first publish).
    await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 6, character: 4 },
    });
    return diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.range.start.line}`);
  } finally {
    await client.shutdown();
  }
}

const cacheFiles = (directory: string): string[] =>
  readdirSync(directory).filter((name) => name.endsWith('.v8cache'));

test('the first server writes the code cache for the user alone, and the next one uses it unchanged', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-code-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const directory = join(root, 'cache');

  const first = await serve(directory);
  assert.deepEqual(first, ['NP204 6', 'SCH003 10']);
  const [file] = cacheFiles(directory);
  assert.ok(file, 'a cache file was written');
  assert.equal(statSync(directory).mode & 0o777, 0o700);
  assert.equal(statSync(join(directory, file)).mode & 0o777, 0o600);
  const written = statSync(join(directory, file));

  assert.deepEqual(await serve(directory), first);
  const after = statSync(join(directory, file));
  assert.deepEqual(
    [after.ino, after.mtimeMs],
    [written.ino, written.mtimeMs],
    'the cache was used, not written again',
  );
  assert.deepEqual(cacheFiles(directory), [file]);
});

test('a damaged cache is refused and replaced, and an empty EKSNET_CODE_CACHE_DIR means no cache', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-code-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const directory = join(root, 'cache');
  const expected = await serve(directory);
  const [file] = cacheFiles(directory);
  writeFileSync(join(directory, file), Buffer.alloc(4096, 0x5a));
  // A cache of another build of the server goes when this one writes its own.
  writeFileSync(join(directory, 'server-000000000000000000000000-000000000000000000000000.v8cache'), 'old');

  assert.deepEqual(await serve(directory), expected);
  assert.deepEqual(cacheFiles(directory), [file]);
  assert.ok(statSync(join(directory, file)).size > 4096, 'a real cache replaced the damaged one');

  const none = join(root, 'none');
  assert.deepEqual(await serve(''), expected);
  assert.throws(() => readdirSync(none), 'nothing is written anywhere');
});

test(
  'a FIFO or a link in place of the cache is not read: the server starts and writes a real cache',
  { timeout: 60_000 },
  async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'eksnet-code-cache-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    const directory = join(root, 'cache');
    const expected = await serve(directory);
    const [file] = cacheFiles(directory);

    // Reading a FIFO without a writer would wait for ever: the server would never answer.
    rmSync(join(directory, file));
    execFileSync('mkfifo', [join(directory, file)]);
    assert.deepEqual(await serve(directory), expected);
    assert.ok(statSync(join(directory, file)).isFile(), 'a real cache replaced the FIFO');

    const elsewhere = join(root, 'elsewhere.v8cache');
    writeFileSync(elsewhere, Buffer.alloc(4096, 0x5a));
    rmSync(join(directory, file));
    symlinkSync(elsewhere, join(directory, file));
    assert.deepEqual(await serve(directory), expected);
    assert.ok(
      !lstatSync(join(directory, file)).isSymbolicLink(),
      'the link was replaced by a cache of its own',
    );
    assert.equal(statSync(elsewhere).size, 4096, 'the link target was left alone');
  },
);
