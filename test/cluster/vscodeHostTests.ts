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
import { seedLattice } from '../support/apiserver/lattice';
import { gatedKubectl, realKubectl, recordingExecutable } from './harness';

interface HostTest {
  name: string;
  run(): Promise<void>;
  timeoutMs?: number;
}

const SETTINGS = ['kubectlPath', 'kubeconfig', 'context', 'awsPath', 'timeoutSeconds'];

async function waitUntil(description: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // poll interval
  }
}

const LATER_EDIT =
  '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: edited-later, namespace: default}\n';

/**
 * Runs `command` on a new document holding `text`, and edits the document while the command is
 * held at its first kubectl call: returns what the command returned and the requests it made.
 */
async function runWhileEditing(
  server: TestApiServer,
  directory: string,
  kubeconfig: string,
  command: string,
  text: string,
): Promise<{
  result: { sentText?: string; changedSince?: boolean } | undefined;
  document: vscode.TextDocument;
  bodies: string;
}> {
  const gate = gatedKubectl(directory);
  await setUserSettings({
    kubectlPath: gate.path,
    kubeconfig,
    timeoutSeconds: 20,
    awsPath: '/nonexistent/aws',
  });
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
  await vscode.window.showTextDocument(document);
  const seen = server.requests.length;
  gate.arm();
  const pending = vscode.commands.executeCommand<{ sentText?: string; changedSince?: boolean }>(command);
  await waitUntil('the command to reach kubectl', () => gate.waiting());
  const edit = new vscode.WorkspaceEdit();
  edit.replace(
    document.uri,
    new vscode.Range(0, 0, document.lineCount, 0),
    text.replace('port: 80', 'port: 8080') + LATER_EDIT,
  );
  assert.ok(await vscode.workspace.applyEdit(edit));
  gate.release();
  const result = await pending;
  const bodies = server.requests
    .slice(seen)
    .map((r) => r.body ?? '')
    .join('\n');
  return { result, document, bodies };
}

async function setUserSettings(values: Record<string, unknown>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('eksNetworking');
  for (const name of SETTINGS)
    await configuration.update(name, values[name], vscode.ConfigurationTarget.Global);
}

export function clusterHostTests(): HostTest[] {
  let server: TestApiServer | undefined;
  let directory = '';
  let kubeconfig = '';
  const good = () =>
    readFileSync(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml'), 'utf8').replace(
      'protocol: tcp',
      'protocol: TCP',
    );
  return [
    {
      name: 'cluster commands: set up a test API server and point the user settings at it',
      timeoutMs: 60_000,
      async run() {
        const kubectl = realKubectl();
        server = await TestApiServer.start();
        seedEksCluster(server);
        seedLattice(server);
        directory = mkdtempSync(join(tmpdir(), 'eksnet-host-'));
        kubeconfig = writeKubeconfig(server, directory);
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
      name: 'Lattice Status reports the controller, each Lattice Gateway and route, with fixes aimed at the context',
      async run() {
        const seen = server!.requests.length;
        const markdown = await vscode.commands.executeCommand<string | undefined>(
          'eksNetworking.showLatticeStatus',
        );
        assert.ok(markdown, 'the command returned no report');
        assert.match(markdown, /^## Lattice Status — context test-context\n/);
        assert.match(
          markdown,
          /✓ \*\*AWS Gateway API Controller\*\*: gateway-api-controller v2\.1\.3, 2\/2 replicas ready/,
        );
        assert.match(
          markdown,
          /✗ \*\*Gateway apps\/payments\*\*: Programmed=False \(Pending\): VPC Lattice Service Network not found\n {2}- Fix: `\S*kubectl\S* --kubeconfig=\S+ --context=test-context describe gateway --namespace apps -- payments`/,
        );
        assert.match(markdown, /✗ \*\*HTTPRoute apps\/inventory\*\*: ResolvedRefs=False \(BackendNotFound\)/);
        // No aws CLI here: the aws side is one skipped check, not a failed command.
        assert.match(markdown, /\*\*Cluster VPC\*\*: /);
        const requests = server!.requests.slice(seen);
        assert.ok(requests.some((request) => /gateways/.test(request.path)));
        assert.deepEqual(
          requests.filter((request) => request.method !== 'GET').map((request) => request.method),
          [],
          'Lattice Status is read-only',
        );
        // The Markdown preview is reused and renamed after the command returns.
        const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
        await waitUntil('the Lattice Status preview', () => tabs().includes('Preview Lattice Status.md'));
      },
    },
    {
      name: 'Lattice Status without kubectl says where it looked and which setting to change',
      async run() {
        await setUserSettings({ kubectlPath: '/nonexistent/kubectl', kubeconfig, timeoutSeconds: 20 });
        try {
          const markdown = await vscode.commands.executeCommand<string | undefined>(
            'eksNetworking.showLatticeStatus',
          );
          assert.match(
            markdown ?? '',
            /✗ \*\*kubectl and context\*\*: kubectl was not found at "\/nonexistent\/kubectl"; install it or set the eksNetworking\.kubectlPath setting/,
          );
          assert.doesNotMatch(markdown ?? '', /Gateway API Controller/);
        } finally {
          await setUserSettings({
            kubectlPath: realKubectl(),
            kubeconfig,
            timeoutSeconds: 20,
            awsPath: '/nonexistent/aws',
          });
        }
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
      name: 'Dry-run Current File checks the text as it was when the command started, and puts no diagnostic on a text that changed since',
      async run() {
        const bad = good().replace('protocol: TCP', 'protocol: tcp');
        const { result, document, bodies } = await runWhileEditing(
          server!,
          directory,
          kubeconfig,
          'eksNetworking.dryRunCurrentFile',
          bad,
        );
        assert.equal(result?.sentText, bad);
        assert.equal(result?.changedSince, true);
        assert.doesNotMatch(bodies, /edited-later|8080/, 'the edit made after the start was sent');
        assert.match(bodies, /"tcp"/);
        const placed = vscode.languages
          .getDiagnostics(document.uri)
          .filter((d) => d.source === 'kubectl (server dry run)');
        assert.deepEqual(placed, [], 'problems of the old text were put on the edited one');
      },
    },
    {
      name: 'Diff Current File compares the text as it was when the command started',
      async run() {
        const { result, bodies } = await runWhileEditing(
          server!,
          directory,
          kubeconfig,
          'eksNetworking.diffCurrentFile',
          good(),
        );
        assert.equal(result?.sentText, good());
        assert.equal(result?.changedSince, true);
        assert.doesNotMatch(bodies, /edited-later|8080/);
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        assert.ok(input instanceof vscode.TabInputTextDiff, 'the active tab is not a diff editor');
        assert.match(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', /editor changed since/);
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
            'eksNetworking.showLatticeStatus',
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
