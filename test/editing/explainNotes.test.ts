// Explain's notes are the lint findings: `eksnet explain --format json` lists, for each resource,
// exactly the semantic findings `eksnet lint --format json` reports on its lines with the same
// options (severity overrides, target, IP family, suppression comments, the other files of the
// run), and the LSP explain request returns the same notes as the published diagnostics.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExplainResult } from '../../src/shared/protocol';
import { assertNotesAreLintFindings, runCli, workdir } from '../support/explainAgreement';
import { LspTestClient } from '../support/lspClient';

const policy = (name: string, body: string[]) =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    '  namespace: shop',
    'spec:',
    ...body.map((line) => `  ${line}`),
    '',
  ].join('\n');

const API_EGRESS = policy('api-egress', [
  'podSelector: { matchLabels: { app: api } }',
  'policyTypes: [Egress]',
  'egress:',
  '  - to: [{ ipBlock: { cidr: 10.0.0.0/16 } }]',
  '    ports: [{ port: metrics }]',
]);
const ALLOW_DNS = policy('allow-dns', [
  'podSelector: {}',
  'policyTypes: [Egress]',
  'egress:',
  '  - ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]',
]);

test('eksnet explain --format json: one record per resource with 1-based lines, kind, namespace, name, markdown and notes', async () => {
  const eni =
    'apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: pods-a\nspec:\n  subnet: subnet-0123456789abcdef0\n';
  const dir = workdir({ 'all.yaml': `${API_EGRESS}---\n${eni}` });
  const records = await assertNotesAreLintFindings(dir, ['all.yaml']);
  assert.deepEqual(
    records.map(({ file, line, endLine, kind, namespace, name }) => ({
      file,
      line,
      endLine,
      kind,
      namespace,
      name,
    })),
    [
      {
        file: 'all.yaml',
        line: 1,
        endLine: 11,
        kind: 'NetworkPolicy',
        namespace: 'shop',
        name: 'api-egress',
      },
      { file: 'all.yaml', line: 13, endLine: 18, kind: 'ENIConfig', namespace: null, name: 'pods-a' },
    ],
  );
  assert.deepEqual(
    records[0].notes.map((note) => `${note.severity} ${note.code}`),
    ['warning NP203', 'warning NP301'],
  );
  assert.match(records[0].markdown, /^# NetworkPolicy shop\/api-egress\n/);
  assert.match(
    records[0].markdown,
    /## Notes\n- Warning \(NP203\): Egress is restricted[^\n]*\n- Warning \(NP301\)/,
  );
  assert.deepEqual(
    records[1].notes.map((note) => note.code),
    ['ENI202'],
  );
  // The text format is the markdown of each resource, as before.
  const text = await runCli(['explain', 'all.yaml'], dir);
  assert.equal(text.out, records.map((record) => record.markdown).join('\n'));
});

test('the notes follow the options lint takes: --rule levels and off, --target generic, --cluster-ip-family', async () => {
  const dir = workdir({ 'api.yaml': API_EGRESS });
  const raised = await assertNotesAreLintFindings(dir, ['api.yaml'], ['--rule', 'NP203=error']);
  assert.equal(raised[0].notes[0].severity, 'error');
  assert.match(raised[0].markdown, /- Error \(NP203\)/);
  const off = await assertNotesAreLintFindings(dir, ['api.yaml'], ['--rule', 'NP203=off']);
  assert.deepEqual(
    off[0].notes.map((note) => note.code),
    ['NP301'],
  );
  const generic = await assertNotesAreLintFindings(dir, ['api.yaml'], ['--target', 'generic']);
  assert.deepEqual(
    generic[0].notes.map((note) => note.code),
    ['NP203'],
  );
  assert.doesNotMatch(generic[0].markdown, /## On EKS/);
});

test('a suppression comment hides the note as it hides the lint finding', async () => {
  const suppressed = API_EGRESS.replace('  egress:\n', '  # eksnet-disable-next-line NP203\n  egress:\n');
  const dir = workdir({ 'api.yaml': suppressed });
  const [record] = await assertNotesAreLintFindings(dir, ['api.yaml']);
  assert.deepEqual(
    record.notes.map((note) => note.code),
    ['NP301'],
  );
});

test('policies add up across the files of one run: a DNS policy in another file removes the NP203 note', async () => {
  const dir = workdir({ 'api.yaml': API_EGRESS, 'dns.yaml': ALLOW_DNS });
  const alone = await assertNotesAreLintFindings(dir, ['api.yaml']);
  assert.ok(alone[0].notes.some((note) => note.code === 'NP203'));
  const together = await assertNotesAreLintFindings(dir, ['api.yaml', 'dns.yaml']);
  assert.ok(!together[0].notes.some((note) => note.code === 'NP203'));
  assert.doesNotMatch(together[0].markdown, /NP203/);
});

test('hard cases: 13 + 13 ports to one peer (NP302) and to two peers (no note); a policy without spec (NP211)', async () => {
  const ports = (first: number) =>
    `[${Array.from({ length: 13 }, (_, i) => `{ port: ${first + i} }`).join(', ')}]`;
  const samePeer = policy('same-peer', [
    'podSelector: {}',
    'policyTypes: [Ingress]',
    'ingress:',
    `  - from: [{ podSelector: { matchLabels: { app: web } } }]`,
    `    ports: ${ports(8000)}`,
    `  - from: [{ podSelector: { matchLabels: { app: web } } }]`,
    `    ports: ${ports(9000)}`,
  ]);
  const twoPeers = samePeer
    .replace('same-peer', 'two-peers')
    .replace(/app: web(?![\s\S]*app: web)/, 'app: api');
  const noSpec =
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: stub\n  namespace: shop\n';
  const dir = workdir({ 'ports.yaml': `${samePeer}---\n${twoPeers}---\n${noSpec}` });
  const records = await assertNotesAreLintFindings(dir, ['ports.yaml']);
  assert.deepEqual(
    records.map((record) => record.notes.map((note) => note.code).filter((code) => code !== 'NP204')),
    [['NP302'], [], ['NP211']],
  );
  assert.match(
    records[0].markdown,
    /Warning \(NP302\): EKS: 26 unique port\/protocol combinations reach the same peer/,
  );
});

test('over LSP, the explain result carries the notes of the published diagnostics, across open documents', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const api = 'file:///work/api.yaml';
    await client.open(api, API_EGRESS);
    const published = await client.waitForDiagnostics(api);
    const first = await client.request<ExplainResult>('eksNetworking/explain', {
      uri: api,
      position: { line: 0, character: 0 },
    });
    assert.deepEqual(
      first.notes,
      published
        .filter((d) => d.code === 'NP203' || d.code === 'NP301')
        .map((d) => ({ code: d.code, severity: 'warning', message: d.message })),
    );
    await client.open('file:///work/dns.yaml', ALLOW_DNS);
    await client.waitForDiagnostics(api, (params) => !params.diagnostics.some((d) => d.code === 'NP203'));
    const after = await client.request<ExplainResult>('eksNetworking/explain', { uri: api });
    assert.deepEqual(
      after.notes.map((note) => note.code),
      ['NP301'],
    );
  } finally {
    await client.shutdown();
  }
});
