// Files on disk that are not open take part in the open documents' cross-resource checks: the
// workspace scan reads them, and a policy there that allows DNS for the same pods means NP203 has
// nothing to say about the open one. Opening the other file, editing it and closing it again is
// followed too. The real server over stdio, a real workspace folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { ServerLog } from '../support/serverLog';
import { FIXTURES } from '../support/paths';

const [API_TO_DB, ALLOW_DNS] = readFileSync(
  join(FIXTURES, 'rules', 'NP203-good-dns-from-another-policy.yaml'),
  'utf8',
)
  .split('\n---\n')
  .map((part) => `${part.trimEnd()}\n`);

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

test('a closed file on disk that allows DNS silences NP203 in the open policy, and follows open, edit and close', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-scan-diagnostics-'));
  writeFileSync(join(root, 'allow-dns.yaml'), ALLOW_DNS);
  const client = new LspTestClient();
  const log = new ServerLog(client);
  const folder = pathToFileURL(root).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'policies' }],
    capabilities: {
      workspace: { workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await client.connection.sendNotification('initialized', {});
  try {
    await log.waitFor(/^Workspace labels: read 1 YAML files/);
    const policy = pathToFileURL(join(root, 'api-to-db.yaml')).href;
    await client.open(policy, API_TO_DB);
    const first = await client.waitForDiagnostics(policy);
    assert.ok(!codes(first).includes('NP203'), `the file on disk allows DNS: ${codes(first).join(', ')}`);

    // Opened and edited so that it no longer allows DNS: the open text counts, not the disk copy.
    const dnsUri = pathToFileURL(join(root, 'allow-dns.yaml')).href;
    await client.open(dnsUri, ALLOW_DNS);
    await client.waitForDiagnostics(dnsUri);
    const withoutDns = ALLOW_DNS.replace(/port: 53/g, 'port: 54');
    await client.change(dnsUri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, text: withoutDns },
    ]);
    const flagged = await client.waitForDiagnostics(policy, (params) =>
      codes(params.diagnostics).includes('NP203'),
    );
    assert.ok(codes(flagged).includes('NP203'));

    // Closed again, the file counts as it is on disk, which still allows DNS.
    await client.close(dnsUri);
    const cleared = await client.waitForDiagnostics(
      policy,
      (params) => !codes(params.diagnostics).includes('NP203'),
    );
    assert.ok(!codes(cleared).includes('NP203'));
  } finally {
    await client.shutdown();
    rmSync(root, { recursive: true, force: true });
  }
});

test('without the file on disk the same open policy gets NP203', async () => {
  const client = new LspTestClient();
  await client.initialize();
  try {
    const policy = 'file:///elsewhere/api-to-db.yaml';
    await client.open(policy, API_TO_DB);
    const published = await client.waitForDiagnostics(policy);
    assert.ok(codes(published).includes('NP203'), codes(published).join(', '));
  } finally {
    await client.shutdown();
  }
});
