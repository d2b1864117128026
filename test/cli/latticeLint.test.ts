// `eksnet lint` on VPC Lattice manifests: the built CLI in a child process, as CI runs it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, FIXTURES, PROJECT_ROOT } from '../support/paths';
import { formatExpectations, readExpectations } from '../support/expectations';

interface LintRecord {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

function eksnet(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('examples/lattice: every finding is in typical-mistakes.yaml, at the lines its fixture expects', () => {
  const run = eksnet(['lint', '--format', 'json', join('examples', 'lattice')]);
  assert.equal(run.status, 1, run.stderr);
  const records = JSON.parse(run.stdout) as LintRecord[];
  assert.deepEqual(
    [...new Set(records.map((record) => record.file))],
    [join('examples', 'lattice', 'typical-mistakes.yaml')],
  );
  const fixture = readFileSync(join(FIXTURES, 'lattice', 'typical-mistakes.yaml'), 'utf8');
  assert.deepEqual(
    formatExpectations(records.map((record) => ({ line: record.line, code: record.code }))),
    formatExpectations(readExpectations(fixture)),
  );
});

test('--lattice-gateway-class makes a class Lattice, so its routes get the Lattice checks', () => {
  const file = join('test', 'fixtures', 'lattice', 'cli', 'custom-class.yaml');
  const without = eksnet(['lint', '--format', 'json', file]);
  assert.equal(without.status, 0, without.stdout);
  assert.deepEqual(JSON.parse(without.stdout), []);
  const withFlag = eksnet(['lint', '--format', 'json', '--lattice-gateway-class', 'team-lattice', file]);
  assert.equal(withFlag.status, 1);
  const records = JSON.parse(withFlag.stdout) as LintRecord[];
  assert.deepEqual(
    records.map((record) => `${record.line} ${record.code}`),
    ['26 LAT302'],
  );
});

test('--lattice-rules-per-listener sets the quota LAT307 compares with; a bad value is a warning', () => {
  const file = join('examples', 'lattice', 'routes.yaml');
  const run = eksnet([
    'lint',
    '--format',
    'json',
    '--lattice-rules-per-listener',
    '1',
    file,
    join('examples', 'lattice', 'gateway.yaml'),
  ]);
  assert.equal(run.status, 0, 'a warning does not fail the run');
  const records = JSON.parse(run.stdout) as LintRecord[];
  assert.deepEqual(
    records.map((record) => `${record.code} ${record.severity} ${record.message.slice(0, 46)}`),
    ['LAT307 warning 2 rules, and VPC Lattice allows 1 per listener'],
  );
  const bad = eksnet(['lint', '--lattice-rules-per-listener', 'many', file]);
  assert.equal(bad.status, 0);
  assert.match(
    bad.stderr,
    /--lattice-rules-per-listener is "many", which is not a whole number from 1 to 1000; ignored, so the default quota 5 is used\./,
  );
});
