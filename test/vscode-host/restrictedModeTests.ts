// Restricted Mode (an untrusted workspace): every command the extension contributes must finish
// without running kubectl or aws, even when their paths are set in the user settings.

import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { recordingExecutable } from '../cluster/harness';
import { openFixture } from './helpers';
import { contributedCommands } from './manifestTests';
import type { HostTest } from './runner';

const COMMAND_TIMEOUT_MS = 10_000;

async function finishes(command: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${command} did not finish within ${COMMAND_TIMEOUT_MS} ms (waiting on a dialog?)`)),
      COMMAND_TIMEOUT_MS,
    );
  });
  // A command that asks something (Can A Reach B? offers its quick picks) is answered with Escape,
  // as a user who only looks would: each poll closes whatever quick input is open.
  let done = false;
  const running = Promise.resolve(vscode.commands.executeCommand(command)).finally(() => {
    done = true;
  });
  try {
    await Promise.race([
      running,
      stuck,
      (async () => {
        while (!done) {
          await new Promise((resolve) => setTimeout(resolve, 250)); // poll interval
          if (!done) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        }
      })(),
    ]);
    await running;
  } finally {
    clearTimeout(timer);
  }
}

export function restrictedModeTests(): HostTest[] {
  return [
    {
      name: 'in Restricted Mode every contributed command finishes without running kubectl or aws',
      timeoutMs: 120_000,
      async run() {
        assert.equal(vscode.workspace.isTrusted, false);
        const directory = mkdtempSync(join(tmpdir(), 'eks-restricted-commands-'));
        const kubectl = recordingExecutable(directory, 'kubectl');
        const aws = recordingExecutable(directory, 'aws');
        const settings = vscode.workspace.getConfiguration('eksNetworking');
        await settings.update('kubectlPath', kubectl.path, vscode.ConfigurationTarget.Global);
        await settings.update('awsPath', aws.path, vscode.ConfigurationTarget.Global);
        try {
          // The "current file" commands need a manifest in the active editor.
          await openFixture('network-policy.yaml');
          const commands = contributedCommands();
          assert.ok(commands.length > 0, 'package.json contributes no commands');
          for (const command of commands) await finishes(command);
          assert.deepEqual(kubectl.calls(), [], 'kubectl was run in Restricted Mode');
          assert.deepEqual(aws.calls(), [], 'aws was run in Restricted Mode');
        } finally {
          await settings.update('kubectlPath', undefined, vscode.ConfigurationTarget.Global);
          await settings.update('awsPath', undefined, vscode.ConfigurationTarget.Global);
        }
      },
    },
  ];
}
