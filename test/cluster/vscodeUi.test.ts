// The cluster commands as a user meets them in a real VS Code 1.99 (code-server, driven by Chromium):
// the extension installed from the .vsix runs the real kubectl against two test API servers, staging
// (the current context) and prod. A change shows its plan in a modal dialog whose default is the safe
// choice; switching the current context while the dialog is open does not move the change; Apply
// sends the text as it was when the command started. Screenshots go to test-results/vscode/cluster-ui/.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildVsix, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import {
  activeEditor,
  goToLine,
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
import { EXEC_SECRETS, execCredentialUser } from '../support/apiserver/credentials';
import { gatedKubectl, realKubectl, type GatedKubectl } from './harness';

let staging: TestApiServer | undefined;
let prod: TestApiServer | undefined;
let session: VsCodeSession | undefined;
let workbench: Workbench | undefined;
let directory = '';
let kubeconfig = '';

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
    // A dialog left open would block the next test.
    if (workbench && (await dialog().count()) > 0) await page().keyboard.press('Escape');
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

/** The dialog's buttons in the order shown, and the one that is the default (primary) button. */
async function dialogButtons(): Promise<{ labels: string[]; primary: string }> {
  const buttons = dialog().locator('.dialog-buttons .monaco-button');
  const labels = (await buttons.allInnerTexts()).map((label) => label.trim());
  const primary = await dialog()
    .locator('.dialog-buttons .monaco-button:not(.secondary)')
    .first()
    .innerText();
  return { labels, primary: primary.trim() };
}

async function clickButton(label: string): Promise<void> {
  await dialog().locator('.monaco-button').filter({ hasText: label }).first().click();
  await dialog().waitFor({ state: 'detached', timeout: 10_000 });
}

const kubectlConfig = (...args: string[]) =>
  execFileSync(realKubectl(), [`--kubeconfig=${kubeconfig}`, ...args], {
    env: { PATH: process.env.PATH, HOME: directory },
    encoding: 'utf8',
  });

let gate: GatedKubectl;

before(async () => {
  directory = mkdtempSync(join(tmpdir(), 'eksnet-ui-'));
  staging = await TestApiServer.start();
  seedEksCluster(staging, { removeEnv: ['WARM_PREFIX_TARGET'] });
  // prod accepts staging's credentials: a change sent there by mistake would succeed.
  prod = await TestApiServer.start({ token: staging.token, certificates: staging.certificates });
  seedEksCluster(prod, { removeEnv: ['WARM_PREFIX_TARGET'] });
  kubeconfig = writeKubeconfig(staging, directory, {
    contextName: 'staging',
    user: execCredentialUser(directory, staging.token),
    moreContexts: [{ name: 'prod', server: prod }],
  });
  gate = gatedKubectl(directory);
  const { vsix } = buildVsix('cluster-ui');
  session = await startSession({
    name: 'cluster-ui',
    workspaceSource: join(CLUSTER_FIXTURES, 'workspace'),
    trustWorkspace: true,
    vsix,
    settings: {
      'eksNetworking.kubectlPath': gate.path,
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
  await staging?.stop();
  await prod?.stop();
});

test('Show CNI Status opens a report with the aws-node settings', () =>
  step('status', async () => {
    await runCommand(page(), 'EKS Networking: Show CNI Status');
    await waitForTextInAnyFrame(page(), 'ENABLE_PREFIX_DELEGATION', 30_000);
    await page().screenshot({ path: join(session!.dir, 'cni-status.png') });
  }));

test('Enable Prefix Delegation: the plan in a modal dialog whose default is Dry Run Only; Cancel changes nothing', () =>
  step('cancel', async () => {
    const before = awsNodeEnv(staging!);
    await runCommand(page(), 'EKS Networking: Enable Prefix Delegation');
    await dialog().waitFor({ timeout: 30_000 });
    const title = await dialog().locator('.dialog-message-text').innerText();
    const detail = await dialog().locator('.dialog-message-detail').innerText();
    assert.equal(title.trim(), 'Enable prefix delegation on context "staging"?');
    assert.doesNotMatch(detail, /Enable prefix delegation/, 'the body does not repeat the title');
    assert.match(detail, /ENABLE_PREFIX_DELEGATION: false → true/);
    assert.match(detail, /WARM_PREFIX_TARGET: \(unset\) → 1/);
    assert.match(detail, /--context=staging/);
    // Each line of the command ends between arguments, never inside a flag.
    const command = detail.slice(
      detail.indexOf('kubectl'),
      detail.indexOf('Warnings') >= 0 ? detail.indexOf('Warnings') : detail.indexOf('Before you'),
    );
    const lines = command.trim().split('\n');
    assert.ok(lines.length > 1, 'a long command is shown over several lines');
    for (const line of lines) {
      const last = line.replace(/ \\$/, '').split(' ').at(-1) ?? '';
      assert.doesNotMatch(
        last,
        /^-{1,2}[a-z-]*$/,
        `a line ends with a flag whose value is on the next line: ${line}`,
      );
    }
    assert.match(command, /--namespace kube-system/);
    assert.match(command, /--containers aws-node/);
    const { labels, primary } = await dialogButtons();
    assert.equal(primary, 'Dry Run Only', `buttons: ${labels.join(', ')}`);
    assert.ok(
      labels.includes('Copy Command') && labels.includes('Change aws-node') && labels.includes('Cancel'),
    );
    await page().screenshot({ path: join(session!.dir, 'enable-plan.png') });
    await clickButton('Cancel');
    assert.deepEqual(staging!.writes(), []);
    assert.deepEqual(awsNodeEnv(staging!), before);
  }));

test('"kubectl config use-context prod" while the dialog is open: "Change aws-node" still changes staging, never prod', () =>
  step('switch-context', async () => {
    const before = awsNodeEnv(staging!);
    await runCommand(page(), 'EKS Networking: Enable Prefix Delegation');
    await dialog().waitFor({ timeout: 30_000 });
    kubectlConfig('config', 'use-context', 'prod');
    try {
      await clickButton('Change aws-node');
      await waitUntil(
        'staging aws-node to have ENABLE_PREFIX_DELEGATION=true',
        () => awsNodeEnv(staging!).get('ENABLE_PREFIX_DELEGATION') === 'true',
      );
      await waitForTextInAnyFrame(page(), 'Prefix delegation is on for context "staging"', 20_000);
    } finally {
      kubectlConfig('config', 'use-context', 'staging');
    }
    const afterEnv = awsNodeEnv(staging!);
    assert.equal(afterEnv.get('WARM_PREFIX_TARGET'), '1');
    for (const [name, value] of before)
      if (name !== 'ENABLE_PREFIX_DELEGATION') assert.equal(afterEnv.get(name), value, name);
    assert.deepEqual(prod!.writes(), [], 'nothing may reach prod');
    await page().screenshot({ path: join(session!.dir, 'enable-done.png') });
  }));

test('Apply Current File names the server and says the buffer is unsaved; Apply sends the editor text', () =>
  step('apply-unsaved', async () => {
    await quickOpen(page(), 'apply-me.yaml');
    await goToLine(page(), 15); // "          port: 80"
    await page().keyboard.press('End');
    await page().keyboard.press('Backspace');
    await page().keyboard.insertText('1');
    await runCommand(page(), 'EKS Networking: Apply Current File');
    await dialog().waitFor({ timeout: 30_000 });
    const title = await dialog().locator('.dialog-message-text').innerText();
    const detail = await dialog().locator('.dialog-message-detail').innerText();
    assert.equal(title.trim(), 'Apply apply-me.yaml to context "staging"?');
    assert.match(detail, new RegExp(`Server: ${staging!.url.replace(/\./g, '\\.')}`));
    assert.match(
      detail,
      /apply-me\.yaml has unsaved changes: the editor's text is sent, not the file on disk\./,
    );
    assert.equal((await dialogButtons()).primary, 'Dry Run Only');
    await page().screenshot({ path: join(session!.dir, 'apply-confirm.png') });
    await clickButton('Apply');
    await waitUntil('allow-api on staging', () =>
      Boolean(staging!.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-api', 'default')),
    );
    const applied = staging!.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-api', 'default')!;
    assert.match(JSON.stringify(applied.spec), /"port":81/);
    assert.equal(prod!.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-api', 'default'), undefined);
  }));

test('Apply Current File sends the text as it was when the command started, and the dialog says the editor changed', () =>
  step('apply-changed', async () => {
    gate.arm();
    await runCommand(page(), 'EKS Networking: Apply Current File');
    await waitUntil('the command to read the context', () => gate.waiting());
    // Edit while the command reads the context: add a ConfigMap document at the end.
    await page().keyboard.press('Control+End');
    for (const line of [
      '',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: edited-later, namespace: default}',
    ]) {
      await page().keyboard.insertText(line);
      await page().keyboard.press('Enter');
    }
    gate.release();
    await dialog().waitFor({ timeout: 30_000 });
    const detail = await dialog().locator('.dialog-message-detail').innerText();
    assert.match(
      detail,
      /apply-me\.yaml changed in the editor after you ran the command: the text as it was then is sent, not what the editor shows now\./,
    );
    await clickButton('Apply');
    // allow-api is as the previous test left it; what matters is what else was (not) sent.
    await waitForTextInAnyFrame(page(), 'allow-api unchanged', 20_000);
    assert.equal(
      staging!.get('v1', 'ConfigMap', 'edited-later', 'default'),
      undefined,
      'the later edit was sent',
    );
  }));

/** Is the status bar item showing `context` in the warning colour? */
async function statusInWarningColour(context: string): Promise<boolean> {
  const warned = page()
    .locator('.statusbar-item.warning-kind')
    .filter({ hasText: new RegExp(`^\\s*${context}\\s*$`) });
  return (await warned.count()) > 0;
}

function statusItem() {
  return page()
    .locator('.statusbar-item')
    .filter({ hasText: /\b(staging|prod|no context)$/ })
    .first();
}

async function waitForStatus(context: string): Promise<void> {
  await page()
    .locator('.statusbar-item')
    .filter({ hasText: new RegExp(`^\\s*${context}\\s*$`) })
    .first()
    .waitFor({ timeout: 20_000 });
}

function workspaceSettings(): Record<string, unknown> {
  const file = join(session!.server.workspace, '.vscode', 'settings.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

function writeWorkspaceSettings(values: Record<string, unknown>): void {
  mkdirSync(join(session!.server.workspace, '.vscode'), { recursive: true });
  writeFileSync(join(session!.server.workspace, '.vscode', 'settings.json'), JSON.stringify(values, null, 2));
}

test('the status bar names the context the commands act on, follows the kubeconfig, and warns on a production name', () =>
  step('status-bar', async () => {
    await waitForStatus('staging');
    assert.equal(await statusInWarningColour('staging'), false);
    kubectlConfig('config', 'use-context', 'prod');
    await waitForStatus('prod');
    assert.equal(await statusInWarningColour('prod'), true, 'prod is not in the warning colour');
    await page().screenshot({ path: join(session!.dir, 'status-bar-prod.png') });
  }));

test('clicking it offers the kubeconfig contexts; choosing one sets eksNetworking.context, not the kubeconfig', () =>
  step('select-context', async () => {
    await statusItem().click();
    const rows = page().locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'staging' }).first().waitFor({ timeout: 20_000 });
    const offered = (await rows.allInnerTexts()).join(' | ');
    assert.match(offered, /prod/);
    assert.match(offered, /Run Networking Doctor/);
    await page().screenshot({ path: join(session!.dir, 'select-context.png') });
    await rows.filter({ hasText: 'staging' }).first().click();
    await waitForStatus('staging');
    assert.equal(workspaceSettings()['eksNetworking.context'], 'staging');
    assert.match(readFileSync(kubeconfig, 'utf8'), /current-context"?: "?prod/, 'the kubeconfig was edited');
    kubectlConfig('config', 'use-context', 'staging');
  }));

test('changing eksNetworking.context while the change dialog is open does not move the change', () =>
  step('settings-during-dialog', async () => {
    await runCommand(page(), 'EKS Networking: Enable Security Groups for Pods');
    await dialog().waitFor({ timeout: 30_000 });
    assert.match(await dialog().locator('.dialog-message-text').innerText(), /on context "staging"\?/);
    writeWorkspaceSettings({ ...workspaceSettings(), 'eksNetworking.context': 'prod' });
    await waitForStatus('prod'); // VS Code has read the new setting
    await clickButton('Change aws-node');
    await waitUntil(
      'staging aws-node to have ENABLE_POD_ENI=true',
      () => awsNodeEnv(staging!).get('ENABLE_POD_ENI') === 'true',
    );
    await waitForTextInAnyFrame(page(), 'Security groups for pods is on for context "staging"', 20_000);
    assert.deepEqual(prod!.writes(), [], 'nothing may reach prod');
    writeWorkspaceSettings({});
    await waitForStatus('staging');
  }));

test('the Networking Doctor, from the status bar, warns that enforcement is off while the workspace has NetworkPolicies', () =>
  step('doctor', async () => {
    await statusItem().click();
    const rows = page().locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Run Networking Doctor' }).first().click();
    await waitForTextInAnyFrame(page(), 'off, but 2 NetworkPolicies are in your manifests', 30_000);
    // The other warning: the node without a trunk ENI, since security groups for pods are on now.
    await waitForTextInAnyFrame(page(), 'No failed checks, but 2 warnings', 5_000);
    await page().screenshot({ path: join(session!.dir, 'doctor.png') });
  }));

test('the EKS Networking log has no credential from the kubeconfig (exec plugin env and arguments)', () =>
  step('log', async () => {
    const logs = findFiles(join(session!.dir, 'user-data', 'logs'), (name) =>
      name.endsWith('EKS Networking.log'),
    );
    assert.ok(logs.length > 0, 'no EKS Networking log file');
    const text = logs.map((file) => readFileSync(file, 'utf8')).join('\n');
    assert.match(text, /\[info\] \$ \S*kubectl\S* --kubeconfig=\S+ --context=staging/);
    // What kubectl prints (the aws-node JSON) is at debug, below the channel's default level.
    assert.doesNotMatch(text, /"kind": "DaemonSet"/, 'response bodies are logged at info');
    assert.match(text, /\[info\] \(exit code 0\)/);
    for (const [name, secret] of Object.entries(EXEC_SECRETS))
      assert.equal(text.includes(secret), false, `the log contains ${name}`);
    assert.equal(text.includes(staging!.token), false, 'the log contains the token');
  }));

function findFiles(root: string, matches: (name: string) => boolean): string[] {
  if (!existsSync(root)) return [];
  const found: string[] = [];
  for (const name of readdirSync(root)) {
    const full = join(root, name);
    if (statSync(full).isDirectory()) found.push(...findFiles(full, matches));
    else if (matches(name)) found.push(full);
  }
  return found;
}
