// "Explain this policy": hand-worked explanations of the hard cases, each next to its manifest in
// test/fixtures/explain (NAME.yaml and NAME.expected.md), checked through the engine and `eksnet explain`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestFile, withDefaults, Workspace } from '../../src/engine';
import { explainFile } from '../../src/engine/editing';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { FIXTURES } from '../support/paths';

const DIR = join(FIXTURES, 'explain');
const cases = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort();

function explainText(text: string): string {
  const settings = withDefaults({});
  const file = new ManifestFile(settings);
  file.update(text);
  return explainFile(file, settings, file.diagnosticsIn(new Workspace(), 'file'))
    .map((explanation) => explanation.text)
    .join('\n');
}

function captureIO(stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readStdin: async () => stdin,
    cwd: DIR,
    env: {},
  };
  return io;
}

test('has at least 15 hand-worked policies', () => {
  assert.ok(cases.length >= 15, `found ${cases.length}`);
});

for (const name of cases) {
  test(`explains ${name} as worked out by hand`, () => {
    const expected = readFileSync(join(DIR, name.replace(/\.yaml$/, '.expected.md')), 'utf8');
    assert.equal(explainText(readFileSync(join(DIR, name), 'utf8')), expected);
  });
}

test('eksnet explain FILE prints the same text as the editor view', async () => {
  const io = captureIO();
  const code = await main(['explain', '11-named-ports.yaml'], io);
  assert.equal(code, 0);
  assert.equal(io.out, readFileSync(join(DIR, '11-named-ports.expected.md'), 'utf8'));
});

test('eksnet explain - reads standard input and explains every document in order', async () => {
  const first = readFileSync(join(DIR, '02-default-deny-ingress.yaml'), 'utf8');
  const second = readFileSync(join(DIR, '19-eniconfig.yaml'), 'utf8');
  const io = captureIO(`${first}---\n${second}`);
  assert.equal(await main(['explain', '-'], io), 0);
  const expected = ['02-default-deny-ingress', '19-eniconfig']
    .map((base) => readFileSync(join(DIR, `${base}.expected.md`), 'utf8'))
    .join('\n');
  assert.equal(io.out, expected);
});

test('eksnet explain --target generic leaves out the EKS caveats', async () => {
  const io = captureIO();
  assert.equal(await main(['explain', '--target', 'generic', '02-default-deny-ingress.yaml'], io), 0);
  assert.ok(!io.out.includes('## On EKS'));
  assert.ok(io.out.includes('## Ingress: isolated, nothing allowed'));
});

test('eksnet explain says so when the file holds nothing to explain', async () => {
  const io = captureIO('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
  assert.equal(await main(['explain', '-'], io), 1);
  assert.match(
    io.err,
    /nothing to explain in - \(no NetworkPolicy, SecurityGroupPolicy, ENIConfig, Gateway API or Lattice resource\)/,
  );
  const usage = captureIO();
  assert.equal(await main(['explain'], usage), 2);
  assert.match(usage.err, /give a FILE/);
});

test('in an IPv6 cluster the IPv4 CIDRs are the ones EKS ignores', () => {
  const settings = withDefaults({ clusterIpFamily: 'ipv6' });
  const file = new ManifestFile(settings);
  file.update(readFileSync(join(DIR, '09-egress-internet-except.yaml'), 'utf8'));
  const [explanation] = explainFile(file, settings, file.diagnosticsIn(new Workspace(), 'file'));
  assert.match(
    explanation.text,
    /- Warning \(NP303\): EKS: "[0-9.]+\/\d+" is an IPv4 block in an IPv6 cluster/,
  );
});
