// Validation happens in the background: requests are answered while a large file is still being
// validated, and what is finally published is exactly a full validation's result, whether worker
// threads did the work or the server's own thread did.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { LineIndex, lintText } from '../../src/engine';
import { generateNetworkPolicies } from '../../scripts/bench/generateManifests';
import { generateKubectlList } from '../../scripts/bench/generateList';
import { LspTestClient } from '../support/lspClient';

/** How long a large file may take on a busy machine: a bound against a hang, not a timing target. */
const LARGE_FILE_MS = 180_000;

function expected(text: string) {
  const lines = new LineIndex(text);
  return lintText(text).map((d) => ({
    code: d.code,
    message: d.message,
    start: lines.positionAt(d.range.start),
  }));
}

function simplified(diagnostics: { code?: unknown; message: unknown; range: { start: unknown } }[]) {
  return diagnostics.map((d) => ({ code: d.code, message: d.message, start: d.range.start }));
}

for (const workers of ['2', '0']) {
  test(`a large file and a kubectl dump publish a full validation's diagnostics (${workers} workers)`, async () => {
    const client = new LspTestClient({ env: { EKSNET_VALIDATION_WORKERS: workers } });
    try {
      await client.initialize();
      for (const [name, text] of [
        ['documents', generateNetworkPolicies({ documents: 600, seed: 12, mistakeRate: 0.2 }).text],
        ['dump', generateKubectlList({ items: 300, seed: 12, mistakeRate: 0.2 }).text],
      ]) {
        const uri = `file:///work/${name}.yaml`;
        await client.open(uri, text);
        const published = await client.waitForDiagnostics(
          uri,
          (params) => params.version === 1,
          LARGE_FILE_MS,
        );
        assert.deepEqual(simplified(published), expected(text), name);
      }
    } finally {
      await client.shutdown();
    }
  });
}

test('hover is answered while a large file is still being validated', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const text = generateNetworkPolicies({ documents: 4000, seed: 13 }).text;
    const uri = 'file:///work/large.yaml';
    let published = false;
    const diagnostics = client
      .waitForDiagnostics(uri, (params) => params.version === 1, LARGE_FILE_MS)
      .then(() => {
        published = true;
      });
    await client.open(uri, text);
    const line = text
      .split('\n')
      .findIndex((content, index, all) => index > all.length / 2 && content === '  podSelector:');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 4 },
    });
    assert.ok(hover && JSON.stringify(hover.contents).includes('podSelector'));
    // The answer came before validation of the file was done (its diagnostics come after).
    assert.equal(published, false);
    await diagnostics;
  } finally {
    await client.shutdown();
  }
});
