// The CLI side of the shared settings parser: a bad flag value is named on stderr and ignored, as
// the editor does with the same value in settings.json; `eksnet --version` is package.json's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/paths';
import { eksnet } from './eksnetProcess';

// NP209 (no namespace) is an info by default: the file has no error.
const POLICY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n';

test('--rule NP209=warn is named in one warning and ignored: NP209 keeps its default level', () => {
  const run = eksnet(['lint', '--format', 'json', '--rule', 'NP209=warn', '-'], { input: POLICY });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    run.stderr,
    'eksnet lint: warning: --rule NP209 is "warn", which is not a level (off, info, warning or error); ignored, so NP209 keeps its default level.\n',
  );
  const records = JSON.parse(run.stdout) as Array<{ code: string; severity: string }>;
  assert.deepEqual(
    records.map((record) => [record.code, record.severity]),
    [['NP209', 'info']],
  );
});

test('the other settings flags are checked by the same parser', () => {
  const run = eksnet(
    ['lint', '--target', 'aks', '--cluster-ip-family=dual', '--max-file-size-mb', '0', '-'],
    {
      input: POLICY,
    },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.stderr.trim().split('\n'), [
    'eksnet lint: warning: --target is "aks", which is not eks or generic; ignored, so eks is used.',
    'eksnet lint: warning: --cluster-ip-family is "dual", which is not ipv4 or ipv6; ignored, so ipv4 is used.',
    'eksnet lint: warning: --max-file-size-mb is "0", which is not a positive number of megabytes; ignored, so 10 is used.',
  ]);
  const explain = eksnet(['explain', '--target', 'aks', '-'], { input: POLICY });
  assert.equal(explain.status, 0);
  assert.match(explain.stderr, /^eksnet explain: warning: --target is "aks"/);
});

test('eksnet --version prints the version in package.json, as SARIF does', () => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  assert.equal(eksnet(['--version']).stdout, `${manifest.version}\n`);
  const sarif = JSON.parse(eksnet(['lint', '--format', 'sarif', '-'], { input: POLICY }).stdout) as {
    runs: Array<{ tool: { driver: { version: string } } }>;
  };
  assert.equal(sarif.runs[0].tool.driver.version, manifest.version);
});
