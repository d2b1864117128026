// Cluster commands inside a real VS Code extension host (run by test/vscode-host): the installed
// extension runs the real kubectl against a test API server started in the extension host itself.
// Modal confirmations cannot be answered from here, so changes are covered by the CLI and core tests;
// these check the commands' wiring, reports, dry-run diagnostics and Restricted Mode.

import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  CLUSTER_FIXTURES,
  seedEksCluster,
  TestApiServer,
  writeKubeconfig,
} from '../support/apiserver/cluster';
import { realKubectl, recordingExecutable } from './harness';

interface HostTest {
  name: string;
  run(): Promise<void>;
  timeoutMs?: number;
}

const SETTINGS = ['kubectlPath', 'kubeconfig', 'context', 'awsPath', 'timeoutSeconds'];

async function setUserSettings(values: Record<string, unknown>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('eksNetworking');
  for (const name of SETTINGS)
    await configuration.update(name, values[name], vscode.ConfigurationTarget.Global);
}

export function clusterHostTests(): HostTest[] {
  let server: TestApiServer | undefined;
  return [
    {
      name: 'cluster commands: set up a test API server and point the user settings at it',
      timeoutMs: 60_000,
      async run() {
        const kubectl = realKubectl();
        server = await TestApiServer.start();
        seedEksCluster(server);
        const kubeconfig = writeKubeconfig(server, mkdtempSync(join(tmpdir(), 'eksnet-host-')));
        await setUserSettings({
          kubectlPath: kubectl,
          kubeconfig,
          timeoutSeconds: 20,
          awsPath: '/nonexistent/aws',
        });
      },
    },
    {
      name: 'Show CNI Status reports the version and settings read from aws-node',
      async run() {
        const markdown = await vscode.commands.executeCommand<string | undefined>(
          'eksNetworking.showCniStatus',
        );
        assert.ok(markdown, 'the command returned no report');
        assert.match(markdown, /Version: v1\.23\.1/);
        assert.match(markdown, /\| ENABLE_PREFIX_DELEGATION \| false \| false \|/);
      },
    },
    {
      name: 'Show CNINodes lists each node with its features',
      async run() {
        const markdown = await vscode.commands.executeCommand<string | undefined>(
          'eksNetworking.showCniNodes',
        );
        assert.match(
          markdown ?? '',
          /\| ip-10-0-1-10\.us-west-2\.compute\.internal \| SecurityGroupsForPods \|/,
        );
      },
    },
    {
      name: 'Networking Doctor shows every check with ✓ or ✗',
      async run() {
        const markdown = await vscode.commands.executeCommand<string | undefined>(
          'eksNetworking.networkingDoctor',
        );
        assert.match(markdown ?? '', /✓ \*\*Cluster reachable, aws-node present\*\*: VPC CNI v1\.23\.1/);
      },
    },
    {
      name: 'Dry-run Current File puts the API server rejection on the offending field',
      async run() {
        const document = await vscode.workspace.openTextDocument(
          vscode.Uri.file(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml')),
        );
        await vscode.window.showTextDocument(document);
        const result = await vscode.commands.executeCommand<{ ok: boolean } | undefined>(
          'eksNetworking.dryRunCurrentFile',
        );
        assert.equal(result?.ok, false);
        const diagnostic = vscode.languages
          .getDiagnostics(document.uri)
          .find((d) => d.source === 'kubectl (server dry run)');
        assert.ok(diagnostic, 'no dry-run diagnostic');
        assert.equal(document.getText(diagnostic.range), 'tcp');
        assert.match(diagnostic.message, /Unsupported value: "tcp"/);
        assert.equal(server?.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'), undefined);
      },
    },
    {
      name: 'Diff Current File opens a diff of the live object and the server dry-run result',
      async run() {
        const text = readFileSync(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml'), 'utf8').replace(
          'protocol: tcp',
          'protocol: TCP',
        );
        const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
        await vscode.window.showTextDocument(document);
        const result = await vscode.commands.executeCommand<{ live: string; merged: string } | undefined>(
          'eksNetworking.diffCurrentFile',
        );
        assert.equal(result?.live.trim(), '', 'allow-web does not exist in the cluster yet');
        assert.match(result?.merged ?? '', /name: allow-web/);
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        assert.ok(input instanceof vscode.TabInputTextDiff, 'the active tab is not a diff editor');
        assert.equal(input.modified.scheme, 'eks-networking');
        assert.equal(
          server?.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'),
          undefined,
          'a diff must not create anything',
        );
      },
    },
    {
      name: 'cluster commands: stop the test API server and clear the settings',
      async run() {
        await setUserSettings({});
        await server?.stop();
      },
    },
  ];
}

export function clusterRestrictedTests(): HostTest[] {
  return [
    {
      name: 'in Restricted Mode cluster commands refuse and run nothing, even with kubectlPath in user settings',
      async run() {
        assert.equal(vscode.workspace.isTrusted, false);
        const directory = mkdtempSync(join(tmpdir(), 'eksnet-restricted-'));
        const kubectl = recordingExecutable(directory, 'kubectl');
        await setUserSettings({ kubectlPath: kubectl.path });
        try {
          for (const command of [
            'eksNetworking.showCniStatus',
            'eksNetworking.enablePrefixDelegation',
            'eksNetworking.networkingDoctor',
          ]) {
            assert.equal(await vscode.commands.executeCommand(command), undefined, command);
          }
          assert.equal(existsSync(kubectl.recordFile), false, 'kubectl was run in Restricted Mode');
        } finally {
          await setUserSettings({});
        }
      },
    },
  ];
}
