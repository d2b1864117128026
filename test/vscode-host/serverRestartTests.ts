// If the language server process dies, VS Code's language client starts a new one and the editor
// keeps getting diagnostics. Tested by killing the real server process with SIGKILL.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { codeOf, waitFor, waitForDiagnostics } from './helpers';
import { SERVER_NODE_OPTIONS } from '../../src/shared/serverLaunch';
import { childProcessesRunning, type ChildProcessInfo } from '../support/processes';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: restart-check
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - ports:
    - protocol: tcp
      port: 80
`;

/** Our language server processes: children of this extension host running dist/server.js. */
function serverProcesses(): ChildProcessInfo[] {
  return childProcessesRunning(process.pid, 'dist/server.js');
}

function serverProcessIds(): number[] {
  return serverProcesses().map((server) => server.pid);
}

export function serverRestartTests(): HostTest[] {
  return [
    {
      name: 'when the language server process is killed, the client restarts it and diagnostics keep coming',
      timeoutMs: 90_000,
      async run() {
        const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: POLICY });
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        await waitForDiagnostics(
          document.uri,
          (all) => all.some((d) => codeOf(d) === 'SCH003'),
          'SCH003 from the first server',
        );

        const [server, ...others] = serverProcesses();
        assert.ok(server, 'the language server is a child process of the extension host');
        assert.deepEqual(others, [], 'exactly one language server process');
        // Started with the Node options the server is tuned for (src/shared/serverLaunch.ts).
        const nodeOptions = server.commandLine.slice(
          1,
          server.commandLine.findIndex((arg) => arg.endsWith('dist/server.js')),
        );
        assert.deepEqual(nodeOptions, [...SERVER_NODE_OPTIONS]);
        const first = server.pid;
        process.kill(first, 'SIGKILL');

        const second = await waitFor(
          'a new language server process',
          () => serverProcessIds().find((pid) => pid !== first),
          60_000,
        );
        assert.notEqual(second, first);

        // The new server really serves: fixing the protocol and adding another mistake is re-checked.
        const protocol = editor.document.getText().indexOf('tcp');
        await editor.edit((edit) =>
          edit.replace(
            new vscode.Range(editor.document.positionAt(protocol), editor.document.positionAt(protocol + 3)),
            'TCP',
          ),
        );
        await editor.edit((edit) => edit.insert(new vscode.Position(5, 0), '  podSelectr: {}\n'));
        await waitForDiagnostics(
          document.uri,
          (all) => all.some((d) => codeOf(d) === 'SCH001') && !all.some((d) => codeOf(d) === 'SCH003'),
          'diagnostics of the edited text from the restarted server',
          60_000,
        );
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      },
    },
  ];
}
