// What package.json promises must exist in the running extension: every contributed command is
// registered and every contributed setting is readable with its declared default.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { extension, waitFor } from './helpers';

interface Contributes {
  commands?: { command: string; title: string }[];
  configuration?:
    | { properties?: Record<string, { default?: unknown }> }
    | { properties?: Record<string, { default?: unknown }> }[];
}

export function contributes(): Contributes {
  return (extension().packageJSON as { contributes?: Contributes }).contributes ?? {};
}

export function contributedCommands(): string[] {
  return (contributes().commands ?? []).map((command) => command.command);
}

function contributedSettings(): [string, unknown][] {
  const configuration = contributes().configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.flatMap((section) =>
    Object.entries(section.properties ?? {}).map(([key, value]): [string, unknown] => [key, value.default]),
  );
}

export function installedFromVsixTest(extensionsDir: string | undefined): HostTest {
  return {
    name: 'the running extension is the copy installed from the .vsix',
    async run() {
      const installed = extension();
      assert.ok(extensionsDir, 'EKS_VSCODE_EXTENSIONS_DIR is not set');
      assert.ok(
        installed.extensionPath.startsWith(extensionsDir),
        `expected the extension under ${extensionsDir}, found it at ${installed.extensionPath}`,
      );
    },
  };
}

/** Run after the extension activated. */
export function manifestTests(): HostTest[] {
  return [
    {
      name: 'every command in package.json is registered after activation',
      async run() {
        await waitFor('the extension to activate', () => (extension().isActive ? true : undefined));
        const registered = new Set(await vscode.commands.getCommands(true));
        const missing = contributedCommands().filter((command) => !registered.has(command));
        assert.deepEqual(missing, [], 'contributed but not registered');
      },
    },
    {
      name: 'every setting in package.json is readable with its declared default',
      async run() {
        const settings = contributedSettings();
        assert.ok(settings.length > 0, 'package.json contributes no settings');
        for (const [key, declaredDefault] of settings) {
          const inspected = vscode.workspace.getConfiguration().inspect(key);
          assert.ok(inspected, `${key} is not a known setting`);
          assert.deepEqual(inspected.defaultValue, declaredDefault, `default of ${key}`);
        }
      },
    },
  ];
}
