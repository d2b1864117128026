// Completion as VS Code shows it: our snippets come from the language server only, at the places a
// resource or a rule part can start (a contributed snippet file would add all of them to every
// list), and YAML editors suggest as the user types, strings included.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';

const NP = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n';

async function snippetsAt(content: string, line: number): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(document);
  const position = new vscode.Position(line, document.lineAt(line).text.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return (list?.items ?? [])
    .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
    .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

export function completionTests(): HostTest[] {
  return [
    {
      name: 'an empty YAML file offers each resource snippet once',
      async run() {
        const labels = await snippetsAt('', 0);
        assert.ok(labels.includes('np-deny-all'), JSON.stringify(labels));
        assert.equal(labels.filter((label) => label === 'np-deny-all').length, 1, JSON.stringify(labels));
        assert.ok(!labels.some((label) => label.startsWith('networkpolicy-')), JSON.stringify(labels));
      },
    },
    {
      name: 'inside matchLabels and on a policyTypes item no snippet is offered; on a peer item only the peer',
      async run() {
        assert.deepEqual(await snippetsAt(`${NP}  podSelector:\n    matchLabels:\n      \n`, 7), []);
        assert.deepEqual(await snippetsAt(`${NP}  policyTypes:\n    - \n`, 6), []);
        assert.deepEqual(await snippetsAt(`${NP}  ingress:\n    - from:\n        - \n`, 7), [
          'np-peer-ipblock',
        ]);
      },
    },
    {
      name: 'YAML editors suggest as you type, in strings too (plain YAML scalars are strings)',
      async run() {
        const quick = vscode.workspace
          .getConfiguration('editor', { languageId: 'yaml' })
          .get<Record<string, unknown>>('quickSuggestions');
        assert.deepEqual(
          { other: quick?.other, comments: quick?.comments, strings: quick?.strings },
          { other: true, comments: false, strings: true },
        );
      },
    },
  ];
}
