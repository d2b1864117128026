// The exact wording and ranges users see for the mistakes the foundation must catch.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, LineIndex, ManifestFile, withDefaults, type Diagnostic } from '../../src/engine';
import { FIXTURES } from '../support/paths';

function lintFixture(name: string): { text: string; diagnostics: Diagnostic[]; lines: LineIndex } {
  const text = readFileSync(join(FIXTURES, 'engine', name), 'utf8');
  return { text, diagnostics: lintText(text), lines: new LineIndex(text) };
}

function underlined(text: string, diagnostic: Diagnostic): string {
  return text.slice(diagnostic.range.start, diagnostic.range.end);
}

test('explains that a top-level namespace in a SecurityGroupPolicy belongs under metadata', () => {
  const { text, diagnostics } = lintFixture('sgp-namespace-at-top-level.yaml');
  assert.equal(diagnostics.length, 1);
  const [diagnostic] = diagnostics;
  assert.equal(diagnostic.code, 'SCH001');
  assert.equal(diagnostic.severity, 'error');
  assert.equal(underlined(text, diagnostic), 'namespace');
  assert.match(diagnostic.message, /unknown field "namespace"/);
  assert.match(diagnostic.message, /belongs under metadata \(metadata\.namespace\)/);
});

test('rejects lowercase protocol with the API server wording and underlines the value', () => {
  const { text, diagnostics } = lintFixture('np-lowercase-protocol.yaml');
  assert.equal(diagnostics.length, 1);
  assert.equal(underlined(text, diagnostics[0]), 'tcp');
  assert.equal(
    diagnostics[0].message,
    'spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
  );
  assert.equal(diagnostics[0].path, 'spec.ingress[0].ports[0].protocol');
});

test('rejects a /33 IPv4 prefix with the API server wording', () => {
  const { text, diagnostics } = lintFixture('np-cidr-prefix-too-long.yaml');
  assert.equal(diagnostics.length, 1);
  assert.equal(underlined(text, diagnostics[0]), '10.0.0.0/33');
  assert.equal(
    diagnostics[0].message,
    'spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
  );
});

test('names the intended key for misspelled keys', () => {
  const { text, diagnostics } = lintFixture('np-misspelled-keys.yaml');
  const byKey = new Map(diagnostics.map((d) => [underlined(text, d), d.message]));
  assert.equal(byKey.get('podSelecter'), 'unknown field "spec.podSelecter": did you mean "podSelector"?');
  assert.equal(
    byKey.get('matchLabel'),
    'unknown field "spec.ingress[0].from[0].podSelector.matchLabel": did you mean "matchLabels"?',
  );
  assert.equal(
    byKey.get('ipblock'),
    'unknown field "spec.ingress[0].from[1].ipblock": did you mean "ipBlock"?',
  );
});

test('names the right apiVersion for retired and wrong groups', () => {
  const { diagnostics } = lintFixture('np-wrong-api-versions.yaml');
  const messages = diagnostics.map((d) => d.message);
  assert.match(
    messages[0],
    /"extensions\/v1beta1" does not serve kind NetworkPolicy \(it was removed in Kubernetes 1\.16\); use "networking\.k8s\.io\/v1"/,
  );
  assert.match(messages[2], /use "vpcresources\.k8s\.aws\/v1beta1"/);
  assert.match(
    messages[3],
    /"vpcresources\.k8s\.aws\/v1beta1" does not serve kind ENIConfig; use "crd\.k8s\.amazonaws\.com\/v1alpha1"/,
  );
});

test('reports a syntax error at its position and still validates the other documents', () => {
  const { lines, diagnostics } = lintFixture('syntax-errors-other-documents-still-checked.yaml');
  const tab = diagnostics.find((d) => /Tabs/.test(d.message));
  assert.ok(tab, 'tab indentation is reported');
  assert.deepEqual(lines.positionAt(tab.range.start), { line: 5, character: 0 });
  assert.ok(diagnostics.some((d) => d.code === 'SCH003' && d.documentIndex === 2));
});

test('an edit re-validates only the document that changed', () => {
  const text = readFileSync(join(FIXTURES, 'engine', 'np-wrong-api-versions.yaml'), 'utf8');
  const file = new ManifestFile(withDefaults(undefined));
  const before = file.update(text);
  assert.equal(file.lastValidatedChunks, 5);
  const edited = text.replace('name: lower', 'name: lower-case');
  const after = file.update(edited);
  assert.equal(file.lastValidatedChunks, 1);
  assert.equal(after.length, before.length);
  assert.equal(after[4].range.start, before[4].range.start);
});

test('template placeholders get one note per document, naming them all, where the first one is', () => {
  const { text, diagnostics } = lintFixture('eniconfig-docs-placeholders.yaml');
  const notes = diagnostics.filter((d) => d.code === 'TPL001');
  assert.equal(notes.length, 3);
  assert.equal(underlined(text, notes[0]), '${AZ_1}');
  assert.equal(notes[0].severity, 'info');
  assert.equal(
    notes[0].message,
    '3 template placeholders (${AZ_1}, ${CLUSTER_SECURITY_GROUP_ID}, ${NEW_SUBNET_ID_1}): they get their values when the template is rendered (envsubst, Helm), so they are not checked here; check the rendered manifest',
  );
});

test('a docs stand-in for a security group ID is to be replaced with a real sg- ID, not rendered', () => {
  const { text, diagnostics } = lintFixture('sgp-docs-stand-in.yaml');
  const [note] = diagnostics.filter((d) => d.code === 'TPL001');
  assert.equal(underlined(text, note), 'my_pod_security_group_id');
  assert.equal(
    note.message,
    'spec.securityGroups.groupIds[0] is a stand-in (my_pod_security_group_id), not a security group ID: replace it with a real one ("sg-" followed by 8 or 17 lower-case hexadecimal digits, e.g. sg-0123456789abcdef0) before you apply it',
  );
  assert.doesNotMatch(note.message, /rendered/);
});

test('a stand-in beside template placeholders: one note that says both', () => {
  const text = [
    'apiVersion: crd.k8s.amazonaws.com/v1alpha1',
    'kind: ENIConfig',
    'metadata:',
    '  name: ${AZ}',
    'spec:',
    '  subnet: PRIVATE_SUBNET',
    '',
  ].join('\n');
  const notes = lintText(text).filter((d) => d.code === 'TPL001');
  assert.equal(notes.length, 1);
  assert.equal(text.slice(notes[0].range.start, notes[0].range.end), 'PRIVATE_SUBNET');
  assert.equal(
    notes[0].message,
    'spec.subnet is a stand-in (PRIVATE_SUBNET), not a subnet ID: replace it with a real one ("subnet-" followed by 8 or 17 lower-case hexadecimal digits, e.g. subnet-0123456789abcdef0) before you apply it; 1 template placeholder (${AZ}) gets its value when the template is rendered',
  );
});

test('a half-typed key on its own line gets a hint about the key, not about quotes or brackets', () => {
  const policy = (spec: string) =>
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n  namespace: b\nspec:\n${spec}`;
  for (const spec of ['  pod\n  policyTypes:\n    - Ingress\n', '  podSelector: {}\n  pol\n']) {
    const text = policy(spec);
    const diagnostics = lintText(text).filter((d) => d.code === 'YAML001');
    assert.equal(diagnostics.length, 1, spec);
    const word = spec.includes('pol\n') ? 'pol' : 'pod';
    const key = word === 'pol' ? 'policyTypes' : 'podSelector';
    assert.equal(text.slice(diagnostics[0].range.start, diagnostics[0].range.end), word);
    assert.equal(
      diagnostics[0].message,
      `YAML syntax error: "${word}" is a key without its colon; finish it as "${key}:" with its value, or remove the line`,
    );
    assert.doesNotMatch(diagnostics[0].message, /quote or bracket/);
  }
});

test('a half-typed word that starts no field of the mapping is still told it needs a colon', () => {
  const text =
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n  namespace: b\nspec:\n  podSelector: {}\n  zzz\n';
  const [diagnostic] = lintText(text).filter((d) => d.code === 'YAML001');
  assert.equal(
    diagnostic.message,
    'YAML syntax error: "zzz" is a key without its colon; write it as "zzz: value", or remove the line',
  );
});
