// The cross-resource checks see every file of a run (and, in the editor, every open document), and
// their findings sit on the right line of the right file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, lintTexts, ManifestFile, withDefaults, Workspace } from '../../src/engine';
import { LineIndex } from '../../src/engine';
import { LspTestClient } from '../support/lspClient';

const policy = (name: string, namespace: string | undefined, app: string): string =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    `  name: ${name}`,
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    `      app: ${app}`,
    '  policyTypes: [Ingress]',
    '',
  ].join('\n');

const lineOf = (text: string, offset: number): number => new LineIndex(text).positionAt(offset).line;

test('reports the second of two resources with the same kind, namespace and name in one file, at its name', () => {
  const text = `${policy('web', 'shop', 'web')}---\n${policy('web', 'shop', 'api')}`;
  const found = lintText(text).filter((d) => d.code === 'API003');
  assert.equal(found.length, 1);
  assert.equal(lineOf(text, found[0].range.start), 14);
  assert.match(
    found[0].message,
    /NetworkPolicy "shop\/web" is also defined at line 1: applying both keeps only/,
  );
});

test('the same name in another namespace, or another kind, is not a duplicate', () => {
  const text = `${policy('web', 'shop', 'web')}---\n${policy('web', 'billing', 'web')}`;
  assert.deepEqual(
    lintText(text).filter((d) => d.code === 'API003'),
    [],
  );
});

test('an eksnet lint run sees duplicates across its files and names the other file', () => {
  const [first, second] = lintTexts([
    { name: 'base/np.yaml', text: policy('web', 'shop', 'web') },
    { name: 'copy/np.yaml', text: policy('web', 'shop', 'api') },
  ]);
  assert.deepEqual(
    first.filter((d) => d.code === 'API003'),
    [],
  );
  const found = second.filter((d) => d.code === 'API003');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /also defined at np\.yaml line 1/);
});

test('the workspace stage follows edits: fixing the name clears the finding, moving the text keeps it placed', () => {
  const workspace = new Workspace();
  const file = new ManifestFile(withDefaults(undefined));
  const original = `${policy('web', 'shop', 'web')}---\n${policy('web', 'shop', 'api')}`;
  file.update(original);
  assert.equal(file.diagnosticsIn(workspace, 'a.yaml').filter((d) => d.code === 'API003').length, 1);

  // Two lines above everything: the objects move but mean the same; the finding moves with them.
  const moved = `# a\n# b\n${original}`;
  file.update(moved, [{ start: 0, end: 0, newText: '# a\n# b\n' }]);
  const [shifted] = file.diagnosticsIn(workspace, 'a.yaml').filter((d) => d.code === 'API003');
  assert.equal(lineOf(moved, shifted.range.start), 16);
  assert.match(shifted.message, /line 3:/);

  const renamed = moved.replace(
    /name: web\n {2}namespace: shop\nspec:\n {2}podSelector:\n {4}matchLabels:\n {6}app: api/,
    (m) => m.replace('name: web', 'name: api'),
  );
  file.update(renamed);
  assert.deepEqual(
    file.diagnosticsIn(workspace, 'a.yaml').filter((d) => d.code === 'API003'),
    [],
  );
});

test('over LSP, opening a second document with the same policy re-publishes the first one too', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const a = 'file:///work/a.yaml';
    const b = 'file:///work/b.yaml';
    await client.open(a, policy('web', 'shop', 'web'));
    assert.deepEqual(
      (await client.waitForDiagnostics(a)).filter((d) => d.code === 'API003'),
      [],
    );
    await client.open(b, policy('web', 'shop', 'api'));
    const inB = (await client.waitForDiagnostics(b)).filter((d) => d.code === 'API003');
    assert.equal(inB.length, 1);
    assert.match(String(inB[0].message), /also defined at a\.yaml line 1/);
    assert.equal(inB[0].range.start.line, 3);

    // Renaming the policy in a.yaml makes b.yaml's copy the first one: b.yaml is re-published clean.
    await client.change(a, [
      { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, text: 'web-old' },
    ]);
    await client.waitForDiagnostics(b, (params) => !params.diagnostics.some((d) => d.code === 'API003'));
  } finally {
    await client.shutdown();
  }
});
