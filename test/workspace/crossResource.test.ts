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

test('over LSP, a copy in another open document is not a duplicate, a second copy in the same document is', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const a = 'file:///work/a.yaml';
    const b = 'file:///work/b.yaml';
    await client.open(a, policy('web', 'shop', 'web'));
    await client.waitForDiagnostics(a);
    // Another environment's overlay or a draft: the editor is not one deployment.
    await client.open(b, policy('web', 'shop', 'api'));
    assert.deepEqual(
      (await client.waitForDiagnostics(b)).filter((d) => d.code === 'API003'),
      [],
    );
    const version = await client.change(b, [
      {
        range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } },
        text: `---\n${policy('web', 'shop', 'db')}`,
      },
    ]);
    const inB = (await client.waitForVersion(b, version)).filter((d) => d.code === 'API003');
    assert.equal(inB.length, 1);
    assert.match(String(inB[0].message), /also defined at line 1:/);
    assert.equal(inB[0].range.start.line, 14);
  } finally {
    await client.shutdown();
  }
});
