// Completion lists stay small however many labels the workspace holds: over stdio with the real
// LSP client, a workspace of 100,000 distinct pod labels (which produced a 32 MB response after
// 9.5 s) gets at most MAX_LABEL_CANDIDATES items, ranked (typed prefix first, then by how many
// workloads carry the label), filtered by what is typed, and marked incomplete when cut.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, LogMessageParams } from 'vscode-languageserver-protocol';
import { MAX_LABEL_CANDIDATES } from '../../src/engine/editing';
import { LspTestClient } from '../support/lspClient';

const FILES = 100;
const LABELS_PER_FILE = 1000;

/** Deployment `i` carries 1,000 labels of its own, plus `team` (all), `tier` (every second one). */
function deployment(i: number): string {
  const own = Array.from(
    { length: LABELS_PER_FILE },
    (_, j) => `        label-${String(i * LABELS_PER_FILE + j).padStart(6, '0')}: v${j}`,
  );
  const shared = ['        team: shop', ...(i % 2 === 0 ? ['        tier: web'] : [])];
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  template:\n    metadata:\n      labels:\n${[...shared, ...own].join('\n')}\n`;
}

const POLICY = (typed: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector:\n    matchLabels:\n      ${typed}\n`;

test(
  '100,000 workspace labels: a ranked, filtered list of at most 200 items, marked incomplete',
  { timeout: 180_000 },
  async () => {
    const root = mkdtempSync(join(tmpdir(), 'eksnet-many-labels-'));
    for (let i = 0; i < FILES; i++) writeFileSync(join(root, `app${i}.yaml`), deployment(i));
    const client = new LspTestClient();
    const scanned = new Promise<string>((resolve) =>
      client.connection.onNotification('window/logMessage', ({ message }: LogMessageParams) => {
        if (message.startsWith('Workspace labels: read')) resolve(message);
      }),
    );
    try {
      const uri = pathToFileURL(root).href;
      await client.request('initialize', {
        processId: process.pid,
        rootUri: uri,
        workspaceFolders: [{ uri, name: 'many' }],
        capabilities: {},
      });
      await client.connection.sendNotification('initialized', {});
      assert.match(await scanned, new RegExp(`read ${FILES} YAML files`));

      const policy = 'file:///many/policy.yaml';
      const complete = async (typed: string): Promise<{ list: CompletionList; bytes: number }> => {
        await client.change(policy, [{ text: POLICY(typed) }]);
        const list = await client.request<CompletionList>('textDocument/completion', {
          textDocument: { uri: policy },
          position: { line: 7, character: 6 + typed.length },
        });
        return { list, bytes: JSON.stringify(list).length };
      };
      await client.open(policy, POLICY(''));

      const all = await complete('');
      assert.equal(all.list.isIncomplete, true);
      assert.equal(all.list.items.length, MAX_LABEL_CANDIDATES);
      // Most carried first: team (100 workloads), tier (50), then the labels of one workload each.
      assert.deepEqual(
        all.list.items.slice(0, 3).map((item) => `${item.label} (${item.detail})`),
        ['team (label on 100 pods)', 'tier (label on 50 pods)', 'label-000000 (label on 1 pod)'],
      );
      assert.ok(all.bytes < 200_000, `${all.bytes} bytes`);

      // Filtered on the server by what is typed: the ten labels that start with label-04213 come
      // first, then those holding its characters in order (label-004213 …), and nothing else.
      const typed = await complete('label-04213');
      assert.equal(typed.list.isIncomplete, false);
      const labels = typed.list.items.map((item) => item.label);
      assert.deepEqual(
        labels.slice(0, 10),
        Array.from({ length: 10 }, (_, j) => `label-04213${j}`),
      );
      assert.ok(labels.includes('label-004213') && labels.length < 100, labels.join(', '));
      const inOrder = (label: string): boolean => {
        let at = 0;
        for (const char of label) if (char === 'label-04213'[at]) at++;
        return at === 'label-04213'.length;
      };
      assert.deepEqual(
        labels.filter((label) => !inOrder(label)),
        [],
      );

      // Letters in order also match (as the editor filters), after the prefix matches.
      const fuzzy = await complete('te');
      assert.deepEqual(
        fuzzy.list.items.slice(0, 2).map((item) => item.label),
        ['team', 'tier'],
      );
      assert.equal(fuzzy.list.items.length, 2, 'no other label has a t followed by an e');
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  },
);
