// What `eksnet lint` and `eksnet explain` write: bounded messages, escaped file names, and a quiet
// end when the reader of the output goes away (`eksnet lint … | head`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eksnet, POLICY_WITH_ERROR, scratchFolder, startEksnet } from './eksnetProcess';

const POSIX = process.platform !== 'win32';

test('messages cut a long value instead of repeating all of it', () => {
  const long = 'v'.repeat(100 * 1024);
  const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: y\n  labels:\n    app: ${long}\nspec:\n  podSelector: {}\n`;
  const run = eksnet(['lint', '--format', 'json', '-'], { input: text });
  const records = JSON.parse(run.stdout) as Array<{ code: string; message: string }>;
  const label = records.find((record) => record.message.includes('vvvv'));
  assert.ok(label, `no message quotes the label value: ${run.stdout.slice(0, 500)}`);
  assert.ok(label.message.length < 400, `message is ${label.message.length} characters long`);
  assert.match(label.message, /"v{80}…"/);
});

test('text output escapes control characters in file names', { skip: !POSIX }, () => {
  const folder = scratchFolder('names');
  try {
    const name = 'bad\u001b[31mname\nx.yaml';
    writeFileSync(join(folder.path, name), POLICY_WITH_ERROR);
    const run = eksnet(['lint', '.'], { cwd: folder.path });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(!run.stdout.includes('\u001b'), 'raw escape character in the output');
    assert.match(run.stdout, /^bad\\x1b\[31mname\\nx\.yaml:7:3: error SCH001 /m);
    // JSON keeps the real name: it is already escaped by JSON itself.
    const json = eksnet(['lint', '--format', 'json', '.'], { cwd: folder.path });
    assert.equal((JSON.parse(json.stdout) as Array<{ file: string }>)[0].file, name);
  } finally {
    folder.remove();
  }
});

/** Starts eksnet, reads the first chunk of its output, then closes the pipe like `head` does. */
async function closeOutputEarly(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = startEksnet(args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  await once(child.stdout, 'data');
  child.stdout.destroy();
  const [status] = await exited;
  return { status, stderr };
}

function manyPolicies(count: number): string {
  return Array.from({ length: count }, (_, index) =>
    POLICY_WITH_ERROR.replace('name: x', `name: p${index}`),
  ).join('---\n');
}

test('eksnet lint ends quietly when the reader closes the pipe', async () => {
  const folder = scratchFolder('epipe-lint');
  try {
    // About 1 MB of JSON: far more than a pipe holds, so writing is still going on when it closes.
    writeFileSync(join(folder.path, 'many.yaml'), manyPolicies(3000));
    const run = await closeOutputEarly(['lint', '--format', 'json', join(folder.path, 'many.yaml')]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  } finally {
    folder.remove();
  }
});

test('eksnet explain ends quietly when the reader closes the pipe', async () => {
  const folder = scratchFolder('epipe-explain');
  try {
    writeFileSync(join(folder.path, 'many.yaml'), manyPolicies(3000));
    const run = await closeOutputEarly(['explain', join(folder.path, 'many.yaml')]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  } finally {
    folder.remove();
  }
});
