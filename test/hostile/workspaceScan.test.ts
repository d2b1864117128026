// The language server's workspace label scan against hostile workspace folders, over stdio with
// the real LSP client. Before the fixes a FIFO named pipe.yaml blocked the server forever (every
// later request timed out), `zero.yaml -> /dev/zero` passed the size check and aborted the server
// with bad_alloc, and six folders linking to themselves cost seconds of CPU per scan.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { ServerLog } from '../support/serverLog';
import { aliasAmplification } from './inputs';

const POLICY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      \n';
/** Line and character of the empty matchLabels entry in POLICY. */
const IN_MATCH_LABELS = { line: 8, character: 6 };

function deployment(name: string, labels: Record<string, string>): string {
  const lines = Object.entries(labels).map(([key, value]) => `        ${key}: ${value}`);
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels:\n${lines.join('\n')}\n`;
}

async function startInFolders(folders: string[]): Promise<{ client: LspTestClient; log: ServerLog }> {
  const client = new LspTestClient();
  const log = new ServerLog(client);
  const workspaceFolders = folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: folder }));
  await client.request('initialize', {
    processId: process.pid,
    rootUri: workspaceFolders[0]?.uri ?? null,
    workspaceFolders,
    capabilities: { workspace: { workspaceFolders: true } },
  });
  await client.connection.sendNotification('initialized', {});
  return { client, log };
}

async function labelKeys(client: LspTestClient, uri: string): Promise<CompletionList> {
  return client.request<CompletionList>('textDocument/completion', {
    textDocument: { uri },
    position: IN_MATCH_LABELS,
  });
}

function makeWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-hostile-workspace-'));
  writeFileSync(join(root, 'web.yaml'), deployment('web', { app: 'web', tier: 'frontend' }));
  // Only regular files are read: a FIFO, a link to an endless device, a link to a real file.
  spawnSync('mkfifo', [join(root, 'pipe.yaml')]);
  symlinkSync('/dev/zero', join(root, 'zero.yaml'));
  symlinkSync(join(root, 'web.yaml'), join(root, 'linked.yaml'));
  // A file larger than the per-file limit, and one that aliases its way to 600,000 values.
  writeFileSync(join(root, 'huge.yaml'), deployment('huge', { huge: 'x' }) + `# ${'x'.repeat(600 * 1024)}\n`);
  writeFileSync(join(root, 'amplified.yaml'), aliasAmplification(700));
  // Six folders whose links lead back to themselves and to the workspace.
  for (let i = 0; i < 6; i++) {
    const folder = join(root, `loop${i}`);
    mkdirSync(folder);
    symlinkSync(folder, join(folder, 'self'));
    symlinkSync(root, join(folder, 'up'));
    writeFileSync(join(folder, `app${i}.yaml`), deployment(`app${i}`, { [`loop${i}`]: 'yes' }));
  }
  return root;
}

test(
  'a FIFO, a link to /dev/zero, looping folder links and an alias bomb cannot hang, crash or busy the server',
  { skip: process.platform === 'win32' ? 'needs mkfifo and symbolic links' : false, timeout: 120_000 },
  async () => {
    const root = makeWorkspace();
    const { client, log } = await startInFolders([root]);
    try {
      const scanned = await log.waitFor(/^Workspace labels: read \d+ YAML files/);
      // web.yaml, amplified.yaml and the six loop folders' files; each folder once, no link followed.
      assert.match(scanned, /read 8 YAML files in 7 folders/);

      const uri = pathToFileURL(join(root, 'policy.yaml')).href;
      await client.open(uri, POLICY);
      await client.waitForDiagnostics(uri);
      const keys = (await labelKeys(client, uri)).items.map((item) => item.label).sort();
      assert.deepEqual(keys, ['app', 'loop0', 'loop1', 'loop2', 'loop3', 'loop4', 'loop5', 'tier']);
      // Counted once: the linked copy of web.yaml is not read again.
      const app = (await labelKeys(client, uri)).items.find((item) => item.label === 'app');
      assert.equal(app?.detail, 'label on 1 pod');

      assert.equal(client.process.exitCode, null, 'the server is still running');
      assert.equal(client.stderr, '', 'nothing on the server stderr');
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  },
);

test('a workspace folder change cancels the scan and the new folders are scanned instead', async () => {
  const first = mkdtempSync(join(tmpdir(), 'eksnet-folders-a-'));
  const second = mkdtempSync(join(tmpdir(), 'eksnet-folders-b-'));
  writeFileSync(join(first, 'a.yaml'), deployment('a', { fromfirst: 'yes' }));
  writeFileSync(join(second, 'b.yaml'), deployment('b', { fromsecond: 'yes' }));
  const { client, log } = await startInFolders([first]);
  try {
    await log.waitFor(/^Workspace labels: read 1 YAML files in 1 folders/);
    const uri = 'file:///untitled/policy.yaml';
    await client.open(uri, POLICY);
    assert.deepEqual(
      (await labelKeys(client, uri)).items.map((item) => item.label),
      ['fromfirst'],
    );
    const before = log.messages.length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: {
        added: [{ uri: pathToFileURL(second).href, name: 'b' }],
        removed: [{ uri: pathToFileURL(first).href, name: 'a' }],
      },
    });
    await log.waitFor(/^Workspace labels: read 1 YAML files in 1 folders/, before);
    assert.deepEqual(
      (await labelKeys(client, uri)).items.map((item) => item.label),
      ['fromsecond'],
    );
  } finally {
    await client.shutdown();
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  }
});
