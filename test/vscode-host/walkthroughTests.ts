// The Getting Started walkthrough as installed: every picture it shows is in the extension, every
// button runs a registered command, and "Open Example" opens an untitled copy of the packaged
// example (so trying a quick fix changes nothing on disk) that is checked like any file.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { extension, ourDiagnostics, waitFor } from './helpers';

interface Walkthrough {
  id: string;
  steps: Array<{ id: string; description: string; media: { image?: string; markdown?: string } }>;
}

function walkthroughs(): Walkthrough[] {
  const manifest = extension().packageJSON as { contributes?: { walkthroughs?: Walkthrough[] } };
  return manifest.contributes?.walkthroughs ?? [];
}

export function walkthroughTests(): HostTest[] {
  return [
    {
      name: 'the walkthrough shows only pictures that are in the extension and runs only registered commands',
      async run() {
        const all = walkthroughs();
        assert.equal(all.length, 1, 'one walkthrough');
        const registered = new Set(await vscode.commands.getCommands(true));
        for (const step of all[0].steps) {
          for (const media of [step.media.image, step.media.markdown].filter((m) => m !== undefined)) {
            assert.ok(existsSync(path.join(extension().extensionPath, media)), `${step.id}: ${media}`);
          }
          const commands = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
          assert.ok(commands.length > 0, `${step.id} has a button`);
          for (const command of commands) assert.ok(registered.has(command), `${step.id}: ${command}`);
        }
      },
    },
    {
      name: 'Open Example opens an untitled copy of the packaged example, checked like a file',
      async run() {
        await vscode.commands.executeCommand('eksNetworking.openExample', 'typical-mistakes.yaml');
        const editor = await waitFor('the example editor', () =>
          vscode.window.activeTextEditor?.document.uri.path.endsWith('typical-mistakes.yaml')
            ? vscode.window.activeTextEditor
            : undefined,
        );
        const document = editor.document;
        assert.equal(document.uri.scheme, 'untitled', 'not a file on disk');
        assert.equal(document.languageId, 'yaml');
        const packaged = readFileSync(
          path.join(extension().extensionPath, 'examples', 'typical-mistakes.yaml'),
          'utf8',
        );
        assert.equal(document.getText(), packaged);
        await waitFor('diagnostics on the example', () =>
          ourDiagnostics(document.uri).length > 0 ? true : undefined,
        );
        // Asked again, it shows the same copy instead of a second one.
        await vscode.commands.executeCommand('eksNetworking.openExample', 'typical-mistakes.yaml');
        const copies = vscode.workspace.textDocuments.filter((d) =>
          d.uri.path.endsWith('typical-mistakes.yaml'),
        );
        assert.equal(copies.length, 1);
        assert.equal(copies[0].getText(), packaged);
      },
    },
  ];
}
