// What `eksnet lint` reads and what it says about what it could not read: standard input once,
// symbolic links, unreadable entries, FIFOs and devices, oversized input, and `--`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eksnet,
  filesIn,
  POLICY_WITH_ERROR,
  scratchFolder,
  startEksnet,
  UNPRIVILEGED_UID,
} from './eksnetProcess';
import { spawnSync } from 'node:child_process';
import { collectInputs } from '../../src/cli/inputs';

const POSIX = process.platform !== 'win32';

test('standard input named twice is a usage error, not an empty pass', () => {
  const run = eksnet(['lint', '-', '-'], { input: POLICY_WITH_ERROR });
  assert.equal(run.status, 2, run.stdout);
  assert.equal(run.stderr, 'eksnet lint: "-" (standard input) can be given only once\n');
  assert.equal(run.stdout, '');
});

test('a directory walk follows symlinked files and folders, each folder once', { skip: !POSIX }, () => {
  const folder = scratchFolder('symlinks');
  try {
    mkdirSync(join(folder.path, 'real'));
    mkdirSync(join(folder.path, 'dir'));
    writeFileSync(join(folder.path, 'real', 'np.yaml'), POLICY_WITH_ERROR);
    symlinkSync(join('..', 'real', 'np.yaml'), join(folder.path, 'dir', 'link.yaml'));
    symlinkSync(join('..', 'real'), join(folder.path, 'dir', 'linked-folder'));
    // A loop back to the folder itself, and a second link to a folder already seen.
    symlinkSync('.', join(folder.path, 'dir', 'loop'));
    symlinkSync(join('..', 'real'), join(folder.path, 'dir', 'same-folder-again'));
    const run = eksnet(['lint', '--format', 'json', 'dir'], { cwd: folder.path });
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(filesIn(run.stdout), [
      join('dir', 'link.yaml'),
      join('dir', 'linked-folder', 'np.yaml'),
    ]);
    assert.equal(run.stderr, '');
  } finally {
    folder.remove();
  }
});

test('a broken symlinked YAML file is named, the rest is linted, and the exit is 2', { skip: !POSIX }, () => {
  const folder = scratchFolder('broken-link');
  try {
    writeFileSync(join(folder.path, 'a.yaml'), POLICY_WITH_ERROR);
    symlinkSync('gone.yaml', join(folder.path, 'b.yaml'));
    const run = eksnet(['lint', '--format', 'json', '.'], { cwd: folder.path });
    assert.equal(run.status, 2);
    assert.deepEqual(filesIn(run.stdout), ['a.yaml']);
    assert.equal(run.stderr, 'eksnet lint: cannot read "b.yaml": no such file or directory\n');
  } finally {
    folder.remove();
  }
});

test(
  'unreadable files and folders are named in one line each; the rest is linted; exit 2',
  { skip: !POSIX },
  () => {
    const folder = scratchFolder('unreadable');
    try {
      writeFileSync(join(folder.path, 'a-readable.yaml'), POLICY_WITH_ERROR);
      writeFileSync(join(folder.path, 'b-secret.yaml'), POLICY_WITH_ERROR);
      chmodSync(join(folder.path, 'b-secret.yaml'), 0o000);
      mkdirSync(join(folder.path, 'c-locked'));
      writeFileSync(join(folder.path, 'c-locked', 'inside.yaml'), POLICY_WITH_ERROR);
      chmodSync(join(folder.path, 'c-locked'), 0o000);
      writeFileSync(join(folder.path, 'd-last.yaml'), POLICY_WITH_ERROR);
      // Root reads everything, so the CLI runs as an unprivileged user to meet a real EACCES.
      const run = eksnet(['lint', '--format', 'json', '.'], { cwd: folder.path, uid: UNPRIVILEGED_UID });
      assert.equal(run.status, 2);
      assert.deepEqual(filesIn(run.stdout), ['a-readable.yaml', 'd-last.yaml']);
      assert.equal(
        run.stderr,
        'eksnet lint: cannot read "b-secret.yaml": permission denied\n' +
          'eksnet lint: cannot read "c-locked": permission denied\n',
      );
    } finally {
      chmodSync(join(folder.path, 'c-locked'), 0o755);
      folder.remove();
    }
  },
);

test(
  'a FIFO or /dev/zero named on the command line is skipped at once with one line',
  { skip: !POSIX },
  () => {
    const folder = scratchFolder('special');
    try {
      writeFileSync(join(folder.path, 'ok.yaml'), POLICY_WITH_ERROR);
      const made = spawnSync('mkfifo', [join(folder.path, 'pipe.yaml')]);
      assert.equal(made.status, 0, 'mkfifo failed');
      // Nobody ever writes to the FIFO: a reader that waits for one would hang until the time limit.
      const run = eksnet(['lint', '--format', 'json', 'pipe.yaml', '/dev/zero', 'ok.yaml'], {
        cwd: folder.path,
        timeoutMs: 30_000,
      });
      assert.equal(run.signal, null, 'eksnet did not finish');
      assert.equal(run.status, 2);
      assert.deepEqual(filesIn(run.stdout), ['ok.yaml']);
      assert.equal(
        run.stderr,
        'eksnet lint: skipped "pipe.yaml": not a regular file; pipe it to standard input ("-") instead\n' +
          'eksnet lint: skipped "/dev/zero": not a regular file; pipe it to standard input ("-") instead\n',
      );
    } finally {
      folder.remove();
    }
  },
);

test('600 MB on standard input gives a one-line I/O error and exit 2', async () => {
  const child = startEksnet(['lint', '-']);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  // Writes until 600 MB are out or the CLI stops reading; an error on our end only means it stopped.
  const chunk = Buffer.alloc(1024 * 1024, 'a: b\n');
  let open = true;
  let wake = (): void => undefined;
  child.stdin.on('error', () => undefined);
  child.stdin.on('drain', () => wake());
  child.stdin.on('close', () => {
    open = false;
    wake();
  });
  for (let written = 0; written < 600 && open; written++) {
    if (!child.stdin.write(chunk) && open) await new Promise<void>((resolve) => (wake = resolve));
  }
  child.stdin.end();
  const [status] = await exited;
  assert.equal(status, 2);
  assert.equal(
    stderr,
    'eksnet lint: standard input is larger than 10 MB; raise --max-file-size-mb to check it\n',
  );
});

test('a file larger than --max-file-size-mb is named, not passed as checked', () => {
  const folder = scratchFolder('large');
  try {
    writeFileSync(join(folder.path, 'big.yaml'), POLICY_WITH_ERROR + '#'.repeat(2 * 1024 * 1024));
    const run = eksnet(['lint', '--max-file-size-mb', '1', 'big.yaml'], { cwd: folder.path });
    assert.equal(run.status, 2, run.stdout);
    assert.equal(
      run.stderr,
      'eksnet lint: skipped "big.yaml": larger than 1 MB; raise --max-file-size-mb to check it\n',
    );
  } finally {
    folder.remove();
  }
});

test('-- ends the options, so a file whose name starts with - can be linted and explained', () => {
  const folder = scratchFolder('dashdash');
  try {
    writeFileSync(join(folder.path, '-policy.yaml'), POLICY_WITH_ERROR);
    const lint = eksnet(['lint', '--format', 'json', '--', '-policy.yaml'], { cwd: folder.path });
    assert.equal(lint.status, 1, lint.stderr);
    assert.deepEqual(filesIn(lint.stdout), ['-policy.yaml']);
    const explain = eksnet(['explain', '--', '-policy.yaml'], { cwd: folder.path });
    assert.equal(explain.status, 0, explain.stderr);
    assert.match(explain.stdout, /NetworkPolicy/);
  } finally {
    folder.remove();
  }
});

test('a folder walk with a file limit stops there and says where', () => {
  const folder = scratchFolder('limit');
  try {
    mkdirSync(join(folder.path, 'b'));
    for (const name of ['a.yaml', 'b/c.yaml', 'd.yml', 'e.txt']) writeFileSync(join(folder.path, name), '');
    const inputs = collectInputs(['.'], folder.path, { maxFiles: 2 });
    assert.deepEqual(inputs, [
      { kind: 'file', file: 'a.yaml' },
      { kind: 'file', file: join('b', 'c.yaml') },
      { kind: 'problem', message: 'more than 2 YAML files; the others (from "d.yml" on) are not read' },
    ]);
    assert.equal(collectInputs(['.'], folder.path).length, 3);
    assert.deepEqual(collectInputs(['.'], folder.path, { maxFolders: 1 }), [
      { kind: 'file', file: 'a.yaml' },
      { kind: 'problem', message: 'more than 1 folders; the others (from "b" on) are not read' },
    ]);
  } finally {
    folder.remove();
  }
});
