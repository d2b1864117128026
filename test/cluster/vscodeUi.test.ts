// The cluster commands as a user meets them in a real VS Code 1.99 (code-server, driven by Chromium):
// the extension installed from the .vsix runs the real kubectl against the test API server. A change
// shows its plan in a modal dialog; Cancel changes nothing, "Change aws-node" changes only the planned
// env entries. Screenshots go to test-results/vscode/cluster-ui/.

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildVsix, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import {
  activeEditor,
  quickOpen,
  runCommand,
  waitForTextInAnyFrame,
  waitForWorkbench,
} from '../../scripts/vscode/ui';
import { openWorkbench, workbenchUrl, type Workbench } from '../../scripts/vscode/workbench';
import {
  awsNodeEnv,
  CLUSTER_FIXTURES,
  seedEksCluster,
  TestApiServer,
  writeKubeconfig,
} from '../support/apiserver/cluster';
import { realKubectl } from './harness';

let server: TestApiServer | undefined;
let session: VsCodeSession | undefined;
let workbench: Workbench | undefined;

function page() {
  assert.ok(workbench, 'the workbench did not open');
  return workbench.page;
}

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (session)
      await page()
        .screenshot({ path: join(session.dir, `failed-${name}.png`) })
        .catch(() => undefined);
    throw error;
  }
}

async function waitUntil(description: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
  }
}

function dialog() {
  return page().locator('.monaco-dialog-box').first();
}

before(async () => {
  const kubectl = realKubectl();
  server = await TestApiServer.start();
  seedEksCluster(server, { removeEnv: ['WARM_PREFIX_TARGET'] });
  const kubeconfig = writeKubeconfig(server, mkdtempSync(join(tmpdir(), 'eksnet-ui-')));
  const { vsix } = buildVsix('cluster-ui');
  session = await startSession({
    name: 'cluster-ui',
    workspaceSource: join(CLUSTER_FIXTURES, 'workspace'),
    trustWorkspace: true,
    vsix,
    settings: {
      'eksNetworking.kubectlPath': kubectl,
      'eksNetworking.kubeconfig': kubeconfig,
      'eksNetworking.awsPath': '/nonexistent/aws',
    },
  });
  workbench = await openWorkbench(
    session.tools,
    join(session.dir, 'chromium-profile'),
    workbenchUrl(session.server),
  );
  await waitForWorkbench(workbench.page);
  // Open a manifest and wait for its squiggle: the extension is then active and its commands are in
  // the palette (right after the workbench loads, contributed commands may not be listed yet).
  await quickOpen(workbench.page, 'allow-web.yaml');
  await activeEditor(workbench.page).locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
});

after(async () => {
  await workbench?.close();
  await session?.stop();
  await server?.stop();
});

test('Show CNI Status opens a report with the aws-node settings', () =>
  step('status', async () => {
    await runCommand(page(), 'EKS Networking: Show CNI Status');
    await waitForTextInAnyFrame(page(), 'ENABLE_PREFIX_DELEGATION', 30_000);
    await page().screenshot({ path: join(session!.dir, 'cni-status.png') });
  }));

test('Enable Prefix Delegation shows the plan in a modal dialog and Cancel changes nothing', () =>
  step('cancel', async () => {
    const before = awsNodeEnv(server!);
    await runCommand(page(), 'EKS Networking: Enable Prefix Delegation');
    await dialog().waitFor({ timeout: 30_000 });
    const text = await dialog().innerText();
    assert.match(text, /Enable prefix delegation on context "test-context"\?/);
    assert.match(text, /ENABLE_PREFIX_DELEGATION: false → true/);
    assert.match(text, /WARM_PREFIX_TARGET: \(unset\) → 1/);
    assert.match(text, /set env --namespace kube-system --containers aws-node -- daemonset\/aws-node/);
    await page().screenshot({ path: join(session!.dir, 'enable-plan.png') });
    await dialog().locator('.monaco-button').filter({ hasText: 'Cancel' }).first().click();
    await dialog().waitFor({ state: 'detached', timeout: 10_000 });
    assert.deepEqual(server!.writes(), []);
    assert.deepEqual(awsNodeEnv(server!), before);
  }));

test('"Change aws-node" in the dialog sets exactly the planned env entries', () =>
  step('confirm', async () => {
    const before = awsNodeEnv(server!);
    await runCommand(page(), 'EKS Networking: Enable Prefix Delegation');
    await dialog().waitFor({ timeout: 30_000 });
    await dialog().locator('.monaco-button').filter({ hasText: 'Change aws-node' }).first().click();
    await waitUntil(
      'aws-node to have ENABLE_PREFIX_DELEGATION=true',
      () => awsNodeEnv(server!).get('ENABLE_PREFIX_DELEGATION') === 'true',
    );
    const afterEnv = awsNodeEnv(server!);
    assert.equal(afterEnv.get('WARM_PREFIX_TARGET'), '1');
    for (const [name, value] of before)
      if (name !== 'ENABLE_PREFIX_DELEGATION') assert.equal(afterEnv.get(name), value, name);
    await waitForTextInAnyFrame(
      page(),
      'Prefix delegation is on for context "test-context"; aws-node pods restart with the new settings (rolling update).',
      20_000,
    ).catch(() => undefined);
    await page().screenshot({ path: join(session!.dir, 'enable-done.png') });
  }));
