// Diagnostics published by the installed extension for the fixture workspace, compared with the
// `# expect: CODE` comments written next to each manifest.

import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatExpectations, readExpectations } from '../support/expectations';
import type { HostTest } from './runner';
import { describeDiagnostics, extension, openFixture, waitFor, workspaceRoot } from './helpers';

const published = new Set<string>();
let listening: vscode.Disposable | undefined;

/** Call before opening any file: records every document that diagnostics were published for. */
export function recordPublishedDiagnostics(): vscode.Disposable {
  listening ??= vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) published.add(uri.toString());
  });
  return listening;
}

/**
 * Opens a file and waits until its diagnostics were published at least once, so "no diagnostics"
 * means the server looked at the file, not that it has not answered yet.
 */
export async function openAndWaitForPublish(relative: string): Promise<vscode.TextEditor> {
  if (!listening) throw new Error('recordPublishedDiagnostics() must run before files are opened.');
  const editor = await openFixture(relative);
  const uri = editor.document.uri.toString();
  await waitFor(`diagnostics to be published for ${relative}`, () => (published.has(uri) ? true : undefined));
  return editor;
}

export function diagnosticsTests(): HostTest[] {
  const tests: HostTest[] = [
    {
      name: 'activates when a YAML file is opened',
      gate: true,
      async run() {
        await openFixture('network-policy.yaml');
        await waitFor('the extension to activate', () => (extension().isActive ? true : undefined));
      },
    },
    {
      name: 'the language server starts and publishes diagnostics for the opened file',
      gate: true,
      async run() {
        await openAndWaitForPublish('network-policy.yaml');
      },
    },
  ];
  const folder = path.join(workspaceRoot(), 'diagnostics');
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.yaml'))) {
    tests.push({
      name: `diagnostics in ${name} are exactly its # expect comments`,
      async run() {
        const editor = await openAndWaitForPublish(`diagnostics/${name}`);
        const expected = formatExpectations(readExpectations(editor.document.getText()));
        const uri = editor.document.uri;
        let actual: string[] = [];
        try {
          await waitFor(
            `diagnostics ${expected.join(' ')}`,
            () => {
              actual = describeDiagnostics(
                vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'eks-networking'),
              );
              return actual.join(' ') === expected.join(' ') ? true : undefined;
            },
            10_000,
          );
        } catch {
          assert.deepEqual(actual, expected, `diagnostics of ${name} (line:code)`);
        }
      },
    });
  }
  return tests;
}
