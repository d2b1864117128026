// Hover, completion and quick fixes, asked for through VS Code's own provider commands, the way the
// editor asks for them when a user hovers, types or presses Ctrl+.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { codeOf, extension, hoverText, ourDiagnostics, waitFor, waitForDiagnostics } from './helpers';
import { openAndWaitForPublish } from './diagnosticsTests';

function positionOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.fsPath}`);
  return document.positionAt(offset + 1);
}

export function editorFeatureTests(): HostTest[] {
  return [
    {
      name: 'hover on spec.podSelector of a NetworkPolicy describes the field',
      async run() {
        const editor = await openAndWaitForPublish('network-policy.yaml');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          editor.document.uri,
          positionOf(editor.document, 'podSelector:'),
        );
        // The hover shows the field's description from the schema shipped in the .vsix.
        const schemaFile = path.join(
          extension().extensionPath,
          'schemas',
          'networkpolicy-networking.k8s.io-v1.json',
        );
        const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
          definitions: { networkPolicySpec: { properties: { podSelector: { description: string } } } };
        };
        const description = schema.definitions.networkPolicySpec.properties.podSelector.description;
        const firstSentence = description.slice(0, description.indexOf('.') + 1);
        const text = hoverText(hovers ?? []);
        assert.ok(
          text.includes(firstSentence),
          `hover should include "${firstSentence}"; got ${JSON.stringify(text)}`,
        );
      },
    },
    {
      name: 'completion on an empty line under spec offers NetworkPolicy fields',
      async run() {
        const document = await vscode.workspace.openTextDocument({
          language: 'yaml',
          content:
            'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  \n',
        });
        await vscode.window.showTextDocument(document);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          document.uri,
          new vscode.Position(5, 2),
        );
        // Word-based suggestions (kind Text) offer words from other open files; only ours count.
        const labels = (list?.items ?? [])
          .filter((item) => item.kind !== vscode.CompletionItemKind.Text)
          .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        for (const field of ['podSelector', 'policyTypes', 'ingress', 'egress']) {
          assert.ok(
            labels.includes(field),
            `completion should offer ${field}; got ${JSON.stringify(labels)}`,
          );
        }
      },
    },
    {
      name: 'Explain Resource on the docs NetworkPolicy produces the plain-words explanation',
      async run() {
        const editor = await openAndWaitForPublish('network-policy.yaml');
        editor.selection = new vscode.Selection(
          positionOf(editor.document, 'podSelector:'),
          positionOf(editor.document, 'podSelector:'),
        );
        await vscode.commands.executeCommand('eksNetworking.explainPolicy');
        const explanation = await waitFor('the explanation document', () =>
          vscode.workspace.textDocuments.find(
            (document) =>
              document.uri.scheme === 'eks-networking-explain' && document.getText().includes('Applies to:'),
          ),
        );
        assert.match(explanation.getText(), /Applies to: pods with role=db in namespace "default"/);
        assert.match(explanation.getText(), /TCP port 6379/);
      },
    },
    {
      name: 'the quick fix for a top-level namespace moves it under metadata',
      async run() {
        const editor = await openAndWaitForPublish('security-group-policy.yaml');
        const uri = editor.document.uri;
        const [misplaced] = await waitForDiagnostics(
          uri,
          (all) => all.some((d) => codeOf(d) === 'SCH001'),
          'an SCH001 diagnostic on the top-level namespace',
        ).then((all) => all.filter((d) => codeOf(d) === 'SCH001'));
        assert.equal(editor.document.lineAt(misplaced.range.start.line).text, 'namespace: my-namespace');

        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          misplaced.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        // The provider command does not return each action's diagnostics; the fix for this one is the
        // preferred quick fix (the others, like "Disable SCH001 for this line", are not preferred).
        const preferred = (actions ?? []).filter((action) => action.isPreferred && action.edit);
        const titles = JSON.stringify((actions ?? []).map((a) => a.title));
        assert.equal(preferred.length, 1, `one preferred quick fix expected; got ${titles}`);
        const [fix] = preferred;
        assert.match(fix.title, /namespace/, 'the quick fix title should name the key it moves');
        assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the workspace edit was not applied');

        const lines = editor.document.getText().split('\n');
        assert.ok(!lines.includes('namespace: my-namespace'), 'the top-level namespace line is still there');
        const metadata = lines.indexOf('metadata:');
        const spec = lines.indexOf('spec:');
        const underMetadata = lines.slice(metadata + 1, spec);
        assert.ok(
          underMetadata.includes('  namespace: my-namespace'),
          `namespace should now be under metadata:\n${lines.join('\n')}`,
        );
        await waitFor('SCH001 to disappear after the fix', () =>
          ourDiagnostics(uri).some((d) => codeOf(d) === 'SCH001') ? undefined : true,
        );
        await vscode.commands.executeCommand('workbench.action.files.revert');
      },
    },
  ];
}
