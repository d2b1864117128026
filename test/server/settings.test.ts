// Settings over LSP: a bad value in the `eksNetworking` section is named in one warning and
// ignored, like `eksnet lint` does; the server reports its version from package.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient } from '../support/lspClient';
import { PROJECT_ROOT } from '../support/paths';

const URI = 'file:///workspace/missing-namespace.yaml';
// NP209 (no namespace) is an info by default.
const POLICY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: x\nspec:\n  podSelector: {}\n';

interface ShownMessage {
  type: number;
  message: string;
}

async function withWarnings(settings: Record<string, unknown>, pullSettings: boolean) {
  const client = new LspTestClient({ settings: { eksNetworking: settings }, pullSettings });
  const shown: ShownMessage[] = [];
  const logged: string[] = [];
  client.connection.onNotification('window/showMessage', (params: ShownMessage) => {
    shown.push(params);
  });
  client.connection.onNotification('window/logMessage', (params: ShownMessage) => {
    logged.push(params.message);
  });
  // Answers the server's pull of the settings (as VS Code does) and says when it happened.
  let pulled = (): void => undefined;
  const settingsPulled = new Promise<void>((resolve) => (pulled = resolve));
  client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    pulled();
    return params.items.map(() => settings);
  });
  await client.initialize();
  if (pullSettings) await settingsPulled;
  return { client, shown, logged };
}

/**
 * A request answered after the settings were applied: the server handles messages in order, so
 * every notification it sent about them has arrived by the time the answer does.
 */
async function roundTrip(client: LspTestClient): Promise<void> {
  await client.request('textDocument/hover', {
    textDocument: { uri: URI },
    position: { line: 0, character: 0 },
  });
}

for (const pullSettings of [false, true]) {
  test(`{"NP209": "warn"} is named in one warning and ignored (${pullSettings ? 'pulled' : 'initialization'} settings)`, async () => {
    const { client, shown, logged } = await withWarnings({ rules: { NP209: 'warn' } }, pullSettings);
    try {
      await client.open(URI, POLICY);
      const diagnostics = await client.waitForDiagnostics(URI);
      const np209 = diagnostics.find((diagnostic) => diagnostic.code === 'NP209');
      assert.ok(np209, 'NP209 is still reported');
      assert.equal(np209.severity, 3, 'NP209 keeps its default severity (information)');
      await roundTrip(client);
      assert.equal(shown.length, 1, JSON.stringify(shown));
      assert.equal(shown[0].type, 2, 'a warning');
      assert.match(shown[0].message, /eksNetworking\.rules\.NP209 is "warn", which is not a level/);
      assert.equal(logged.filter((line) => line.includes('eksNetworking.rules.NP209')).length, 1);
    } finally {
      await client.shutdown();
    }
  });
}

test('a fixed setting applies, and a bad value set again is named again', async () => {
  const { client, shown } = await withWarnings({ target: 'aks' }, false);
  try {
    await client.open(URI, POLICY);
    await client.waitForDiagnostics(URI);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { eksNetworking: { rules: { NP209: 'error' } } },
    });
    const fixed = await client.waitForDiagnostics(URI, (params) =>
      params.diagnostics.some((diagnostic) => diagnostic.code === 'NP209' && diagnostic.severity === 1),
    );
    assert.ok(fixed.length > 0);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { eksNetworking: { target: 'aks' } },
    });
    await client.waitForDiagnostics(URI, (params) =>
      params.diagnostics.some((diagnostic) => diagnostic.code === 'NP209' && diagnostic.severity === 3),
    );
    await roundTrip(client);
    assert.deepEqual(
      shown.map((message) => message.message),
      [
        'EKS Networking: eksNetworking.target is "aks", which is not eks or generic; ignored, so eks is used.',
        'EKS Networking: eksNetworking.target is "aks", which is not eks or generic; ignored, so eks is used.',
      ],
    );
  } finally {
    await client.shutdown();
  }
});

test('serverInfo.version is the version in package.json', async () => {
  const client = new LspTestClient();
  try {
    const result = await client.initialize();
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(result.serverInfo?.version, manifest.version);
  } finally {
    await client.shutdown();
  }
});
