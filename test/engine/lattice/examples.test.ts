// The controller's own example manifests (copied from aws-application-networking-k8s v2.1.3) and
// examples/lattice: no false error or warning; typical-mistakes.yaml: each mistake at its line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, lintTexts, LineIndex, type Diagnostic } from '../../../src/engine';
import { formatExpectations, readExpectations } from '../../support/expectations';
import { FIXTURES, PROJECT_ROOT } from '../../support/paths';

function read(directory: string): { name: string; text: string }[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(directory, name), 'utf8') }));
}

function describe(name: string, diagnostic: Diagnostic): string {
  return `${name} ${diagnostic.severity} ${diagnostic.code}`;
}

const CONTROLLER_EXAMPLES = read(join(FIXTURES, 'lattice', 'controller-examples'));

test("the controller's examples, linted together: no error or warning", () => {
  const results = lintTexts(CONTROLLER_EXAMPLES);
  const found = CONTROLLER_EXAMPLES.flatMap(({ name }, index) =>
    results[index].map((d) => describe(name, d)),
  );
  assert.deepEqual(found, [
    // The controller's install manifest still uses the older served version.
    'gatewayclass-v1beta1-installation.yaml info LAT001',
    // The policy's ServiceExport lives in the other cluster's manifests.
    'tls-rate2-targetgrouppolicy.yaml info LAT404',
  ]);
});

test("the controller's examples, each alone: no error or warning", () => {
  for (const { name, text } of CONTROLLER_EXAMPLES) {
    const serious = lintText(text).filter((d) => d.severity !== 'info');
    assert.deepEqual(
      serious.map((d) => describe(name, d)),
      [],
      name,
    );
  }
});

test('examples/lattice: the working setup gives no diagnostic at all', () => {
  const files = read(join(PROJECT_ROOT, 'examples', 'lattice')).filter(
    ({ name }) => name !== 'typical-mistakes.yaml',
  );
  const results = lintTexts(files);
  assert.deepEqual(
    files.flatMap(({ name }, index) => results[index].map((d) => `${describe(name, d)} ${d.message}`)),
    [],
  );
});

test('typical-mistakes.yaml: each mistake is reported at its line, and nothing else', () => {
  const fixture = readFileSync(join(FIXTURES, 'lattice', 'typical-mistakes.yaml'), 'utf8');
  const lines = new LineIndex(fixture);
  const actual = lintText(fixture).map((diagnostic) => ({
    line: lines.positionAt(diagnostic.range.start).line + 1,
    code: diagnostic.code,
  }));
  assert.deepEqual(formatExpectations(actual), formatExpectations(readExpectations(fixture)));
  // The fixture is the example with its expectations written next to the lines.
  const example = readFileSync(join(PROJECT_ROOT, 'examples', 'lattice', 'typical-mistakes.yaml'), 'utf8');
  assert.equal(fixture.replace(/ # expect: [A-Z0-9, ]+$/gm, ''), example);
  // Every mistake the file numbers is caught.
  const numbered = example.match(/^# \d+\./gm)?.length ?? 0;
  assert.equal(numbered, 20);
});
