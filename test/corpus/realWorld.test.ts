// Regression test over real manifests found in public repositories (a copy of the shared corpus
// in test/fixtures/corpus/real-world). SUSPECT.md there lists the files that really are broken;
// every other file must lint without errors, and templates must not get errors for placeholders.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, LineIndex, type Diagnostic } from '../../src/engine';
import { FIXTURES } from '../support/paths';

const CORPUS = join(FIXTURES, 'corpus', 'real-world');

/**
 * The errors each broken file gets (`line:CODE`), from what SUSPECT.md says is wrong with it.
 * Files listed there only for placeholders get no error, except for a real defect next to them.
 */
const EXPECTED_ERRORS: Record<string, string[]> = {
  // YAML syntax error: the first line is indented, the second is not.
  'otaviovaladao__security-group-policy.yaml': ['2:YAML001'],
  // `ingress:` at the top level instead of under spec.
  'eksws1__ecsdemo-crystal.yaml': ['9:SCH001'],
  'eksws1__ecsdemo-nodejs.yaml': ['9:SCH001'],
  // `egress: {}` is a mapping where a list is needed.
  'devsjlee__14-network-policy-with-calico-block1.yaml': ['25:SCH002'],
  // `<EDIT: …>` stubs spread over lines break the YAML.
  'eksws1__backend-policy.yaml': ['12:YAML001'],
  'eksws1__frontend-policy.yaml': ['12:YAML001'],
  // A Calico NetworkPolicy (projectcalico.org/v3) is not ours: nothing to say.
  'eksws1__tigera-default-deny.yaml': [],
  // extensions/v1beta1 no longer serves NetworkPolicy.
  'argocd__e2e-deprecated-network-policy.yaml': ['1:API001'],
  // `sg-f7990sfng33684fad` has non-hex characters, in both documents.
  'vpcrc__vpcresources_v1beta1_securitygrouppolicy.yaml': ['19:SGP101', '39:SGP101'],
  // `sg-0000000` has 7 hex digits.
  'vpcrc__it-security-group-policy-pod.yaml': ['19:SGP101'],
  // `spec.vpcId` is not a field; malformed subnet and security group IDs in all three documents.
  'vpccni__eniconfig-multi-vpc.yaml': [
    '12:ENI102',
    '15:ENI101',
    '19:SCH001',
    '29:ENI102',
    '30:ENI101',
    '31:SCH001',
    '41:ENI102',
    '42:ENI101',
  ],
  // Warm-pool settings that are not ENIConfig fields; `subnet-xxxxxxxx` is a placeholder.
  'vpccni__eni-and-ip-target-block1.yaml': ['9:SCH001', '10:SCH001', '11:SCH001', '12:SCH001', '13:SCH001'],
  // Placeholders left in plain YAML; `sg-abc123` next to them is a real defect (6 hex digits).
  'devsjlee__11-pod-security-group-block1.yaml': ['12:SGP101'],
  'eksbp__sgpp-block1.yaml': [],
  'eksug__eks-networking-add-ons-block3.yaml': [],
  'gsa-odp__security-group-policy.yaml': [],
  'mrofisr__eniconfig.yaml': [],
  'noonbaram__eni-config.yaml': [],
  'orsenthil__template-us-west-2a.yaml': [],
  'vpcrc__it-eniconfig.yaml': [],
  // templated/: only problems that appear after rendering, which cannot be seen before it.
  'kjpark__eniconfig-block1.yaml': [],
  'ssbostan__eniconfig.yaml': [],
  'webhook-broker__securitygrouppolicy.yaml': [],
  'milanj-nginx__securitygrouppolicy.yaml': [],
  'eksws1__eniconfig_crd-block1.yaml': [],
};

/** Files SUSPECT.md lists as holding placeholders; each must get a placeholder note. */
const PLACEHOLDER_FILES = [
  'devsjlee__11-pod-security-group-block1.yaml',
  'eksbp__sgpp-block1.yaml',
  'eksug__eks-networking-add-ons-block3.yaml',
  'gsa-odp__security-group-policy.yaml',
  'mrofisr__eniconfig.yaml',
  'noonbaram__eni-config.yaml',
  'orsenthil__template-us-west-2a.yaml',
  'vpcrc__it-eniconfig.yaml',
  'vpccni__eni-and-ip-target-block1.yaml',
];

function lint(folder: string, name: string): { diagnostics: Diagnostic[]; errors: string[] } {
  const text = readFileSync(join(CORPUS, folder, name), 'utf8');
  const lines = new LineIndex(text);
  const diagnostics = lintText(text);
  const errors = diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${lines.positionAt(diagnostic.range.start).line + 1}:${diagnostic.code}`);
  return { diagnostics, errors };
}

function describe(diagnostics: Diagnostic[]): string {
  return diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)
    .join('\n');
}

test('every broken file named in SUSPECT.md has an expectation here', () => {
  const suspect = readFileSync(join(CORPUS, 'SUSPECT.md'), 'utf8');
  const named = new Set<string>();
  for (const line of suspect.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(/[\w.-]+__[\w.-]+\.yaml/g)) named.add(match[0]);
  }
  const missing = [...named].filter((name) => !(name in EXPECTED_ERRORS));
  assert.deepEqual(missing, []);
  assert.ok(named.size >= 20, `expected the SUSPECT.md tables to name files, found ${named.size}`);
});

for (const folder of ['valid', 'templated']) {
  for (const name of readdirSync(join(CORPUS, folder)).filter((file) => file.endsWith('.yaml'))) {
    const expected = EXPECTED_ERRORS[name];
    const title =
      expected === undefined
        ? `real-world ${folder}/${name} has no errors`
        : `real-world ${folder}/${name} gets exactly the errors SUSPECT.md describes`;
    test(title, () => {
      const { diagnostics, errors } = lint(folder, name);
      assert.deepEqual(errors.sort(), [...(expected ?? [])].sort(), describe(diagnostics));
    });
  }
}

test('every templated file is recognised as a template (TPL001 or TPL002), never as broken YAML', () => {
  for (const name of readdirSync(join(CORPUS, 'templated')).filter((file) => file.endsWith('.yaml'))) {
    const { diagnostics } = lint('templated', name);
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'TPL001' || diagnostic.code === 'TPL002'),
      `${name} has no placeholder note`,
    );
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'YAML001'), `${name} got YAML001`);
  }
});

test('a Helm list rendered without toJson/toYaml is flagged, as SUSPECT.md describes for webhook-broker', () => {
  const { diagnostics } = lint('templated', 'webhook-broker__securitygrouppolicy.yaml');
  const warning = diagnostics.find((diagnostic) => diagnostic.code === 'TPL003');
  assert.ok(warning, 'no TPL003');
  assert.equal(warning.severity, 'warning');
  assert.match(warning.message, /groupIds: \{\{ \.Values\.securityGroups \}\}/);
});

test("a selector built from the chart's full labels helper is flagged, as SUSPECT.md describes for milanj-nginx", () => {
  const { diagnostics } = lint('templated', 'milanj-nginx__securitygrouppolicy.yaml');
  const warning = diagnostics.find((diagnostic) => diagnostic.code === 'TPL004');
  assert.ok(warning, 'no TPL004');
  assert.match(warning.message, /"regions-service\.labels"/);
});

test('placeholders left in plain YAML get a TPL001 note instead of a format error', () => {
  for (const name of PLACEHOLDER_FILES) {
    const { diagnostics } = lint('valid', name);
    const notes = diagnostics.filter((diagnostic) => diagnostic.code === 'TPL001');
    assert.ok(notes.length > 0, `${name} has no TPL001`);
    for (const note of notes) assert.equal(note.severity, 'info');
  }
});
