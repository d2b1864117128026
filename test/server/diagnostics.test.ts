// The language server over stdio with a real LSP client: what an editor sees.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/paths';

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'engine', name), 'utf8');

test('publishes precise diagnostics for the four foundation mistakes', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const cases = [
      { name: 'sgp-namespace-at-top-level.yaml', code: 'SCH001', line: 5, start: 0, end: 9 },
      { name: 'np-lowercase-protocol.yaml', code: 'SCH003', line: 11, start: 20, end: 23 },
      { name: 'np-cidr-prefix-too-long.yaml', code: 'NP110', line: 11, start: 18, end: 29 },
      { name: 'np-misspelled-keys.yaml', code: 'SCH001', line: 6, start: 2, end: 13 },
    ];
    for (const item of cases) {
      const uri = `file:///work/${item.name}`;
      await client.open(uri, fixture(item.name));
      const diagnostics = await client.waitForDiagnostics(uri);
      const match = diagnostics.find((d) => d.range.start.line === item.line);
      assert.ok(match, `${item.name}: a diagnostic on line ${item.line + 1}`);
      assert.equal(match.code, item.code);
      assert.equal(match.source, 'eks-networking');
      assert.deepEqual(match.range, {
        start: { line: item.line, character: item.start },
        end: { line: item.line, character: item.end },
      });
      assert.ok(match.codeDescription?.href.includes('docs/rules.md#'));
    }
  } finally {
    await client.shutdown();
  }
});

test('re-validates after an incremental edit and clears diagnostics on close', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///work/edit.yaml';
    const text = fixture('np-lowercase-protocol.yaml');
    await client.open(uri, text);
    assert.equal((await client.waitForDiagnostics(uri)).length, 1);

    const version = await client.change(uri, [
      { range: { start: { line: 11, character: 20 }, end: { line: 11, character: 23 } }, text: 'TCP' },
    ]);
    assert.deepEqual(await client.waitForVersion(uri, version), []);

    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, (params) => params.version === undefined);
    assert.deepEqual(cleared, []);
  } finally {
    await client.shutdown();
  }
});

test('opening a document publishes its diagnostics once, and each edit once', async () => {
  // The open used to be validated and published a second time, counted as an edit.
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///work/once.yaml';
    await client.open(uri, fixture('np-lowercase-protocol.yaml'));
    await client.waitForDiagnostics(uri);
    const version = await client.change(uri, [
      { range: { start: { line: 11, character: 20 }, end: { line: 11, character: 23 } }, text: 'TCP' },
    ]);
    await client.waitForVersion(uri, version);
    const versions = client.publishes.filter((params) => params.uri === uri).map((params) => params.version);
    assert.deepEqual(versions, [1, version]);
  } finally {
    await client.shutdown();
  }
});

test('eksNetworking.validate.enable false publishes nothing for our documents', async () => {
  const client = new LspTestClient({ settings: { eksNetworking: { validate: { enable: false } } } });
  try {
    await client.initialize();
    const uri = 'file:///work/disabled.yaml';
    await client.open(uri, fixture('np-lowercase-protocol.yaml'));
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
  } finally {
    await client.shutdown();
  }
});

test('offers the move-into-metadata quick fix for the top-level namespace', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///work/sgp.yaml';
    await client.open(uri, fixture('sgp-namespace-at-top-level.yaml'));
    const [diagnostic] = await client.waitForDiagnostics(uri);
    const actions = await client.request<
      Array<{ title: string; edit: { changes: Record<string, unknown[]> } }>
    >('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const move = actions.find((action) => action.title === 'Move "namespace" under metadata');
    assert.ok(move, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(move.edit.changes[uri], [
      {
        range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } },
        newText: '  namespace: my-namespace # expect: SCH001\n',
      },
    ]);
  } finally {
    await client.shutdown();
  }
});
