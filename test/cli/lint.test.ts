// `eksnet lint` as CI runs it: the built CLI in a child process.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DIST, PROJECT_ROOT } from '../support/paths';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function eksnet(args: string[], input?: string): Run {
  const result = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string): string => join('test', 'fixtures', 'engine', name);

test('prints JSON records with 1-based positions and exits 1 on errors', () => {
  const run = eksnet(['lint', '--format', 'json', fixture('np-lowercase-protocol.yaml')]);
  assert.equal(run.status, 1, run.stderr);
  const records = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(records, [
    {
      file: fixture('np-lowercase-protocol.yaml'),
      line: 12,
      column: 21,
      endLine: 12,
      endColumn: 24,
      severity: 'error',
      code: 'SCH003',
      message:
        'spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
      path: 'spec.ingress[0].ports[0].protocol',
    },
  ]);
});

test('prints compiler-style text lines', () => {
  const run = eksnet(['lint', fixture('np-cidr-prefix-too-long.yaml')]);
  assert.equal(run.status, 1);
  assert.match(
    run.stdout,
    /^test\/fixtures\/engine\/np-cidr-prefix-too-long\.yaml:12:19: error NP110 spec\.egress\[0\]\.to\[0\]\.ipBlock\.cidr: Invalid value: "10\.0\.0\.0\/33"/m,
  );
});

test('exits 0 when there is no error', () => {
  const run = eksnet(['lint', fixture('not-ours-left-alone.yaml')]);
  assert.equal(run.status, 0, run.stdout);
  assert.match(run.stdout, /No problems found/);
});

test('reads standard input when the path is -', () => {
  const run = eksnet(
    ['lint', '--format', 'json', '-'],
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\n  namespace: y\nspec:\n  podSelecter: {}\n',
  );
  assert.equal(run.status, 1);
  const records = JSON.parse(run.stdout) as Array<{ file: string; code: string; line: number }>;
  assert.deepEqual(
    records.map((r) => [r.file, r.code, r.line]),
    [['<stdin>', 'SCH001', 7]],
  );
});

test('counts lines ended by a lone CR like any other line end', () => {
  const text =
    'apiVersion: networking.k8s.io/v1\rkind: NetworkPolicy\rmetadata:\r  name: x\r  namespace: y\rspec:\r  podSelecter: {}\r';
  const run = eksnet(['lint', '--format', 'json', '-'], text);
  const records = JSON.parse(run.stdout) as Array<{ code: string; line: number; column: number }>;
  assert.deepEqual(
    records.map((r) => [r.code, r.line, r.column]),
    [['SCH001', 7, 3]],
  );
});

test('recurses into directories for .yaml and .yml files', () => {
  const run = eksnet(['lint', '--format', 'json', join('test', 'fixtures', 'engine')]);
  assert.equal(run.status, 1);
  const files = new Set((JSON.parse(run.stdout) as Array<{ file: string }>).map((r) => r.file));
  assert.ok(files.has(fixture('sgp-namespace-at-top-level.yaml')));
  assert.ok(files.has(fixture('np-misspelled-keys.yaml')));
});

test('--rule CODE=off silences a rule and changes the exit code', () => {
  const run = eksnet(['lint', '--rule', 'SCH003=off', fixture('np-lowercase-protocol.yaml')]);
  assert.equal(run.status, 0, run.stdout);
});

test('usage and I/O errors exit 2 with a one-line message', () => {
  const missing = eksnet(['lint', 'no/such/file.yaml']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'eksnet lint: cannot read "no/such/file.yaml": no such file or directory\n');

  const badFormat = eksnet(['lint', '--format', 'xml', fixture('np-lowercase-protocol.yaml')]);
  assert.equal(badFormat.status, 2);
  assert.match(badFormat.stderr, /--format must be one of/);

  const noPaths = eksnet(['lint']);
  assert.equal(noPaths.status, 2);
  assert.match(noPaths.stderr, /no paths given/);

  const unknown = eksnet(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
});

test('the bin entry runs the CLI', () => {
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'eksnet.js'), 'lint', fixture('np-lowercase-protocol.yaml')],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  assert.equal(result.status, 1);
  assert.match(result.stdout, /SCH003/);
});
