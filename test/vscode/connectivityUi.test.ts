// The connectivity view as a user meets it in a real VS Code 1.99 (code-server, driven by Chromium):
// Show Connectivity from the palette draws the workspace's workloads and flows, the table lists
// and sorts them, a flow shows the rules that allow it with links that open the editor at the
// rule, a workload shows what it can reach, the CodeLens highlights its policy, and an edit in the
// editor changes the view. Screenshots go to test-results/vscode/connectivity-ui/ (the README's
// picture docs/images/connectivity.png is copied from connectivity.png there).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVsix, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import { openWorkbench, workbenchUrl, type Workbench } from '../../scripts/vscode/workbench';
import type { Frame } from '../../scripts/vscode/playwright';
import { activeEditor, goToLine, quickOpen, runCommand, waitForWorkbench } from '../../scripts/vscode/ui';
import { FIXTURES } from '../support/paths';

let session: VsCodeSession | undefined;
let workbench: Workbench | undefined;

function page() {
  assert.ok(workbench, 'the workbench did not open');
  return workbench.page;
}

async function screenshot(name: string): Promise<void> {
  assert.ok(session);
  await page().screenshot({ path: join(session.dir, `${name}.png`) });
}

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await screenshot(`failed-${name}`).catch(() => undefined);
    throw error;
  }
}

/** The webview frame that shows the connectivity view (webviews are nested iframes). */
async function viewFrame(timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page().frames()) {
      try {
        if ((await frame.locator('svg.graph').count()) > 0) return frame;
      } catch {
        // The frame navigated away while we looked; try the others.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
  throw new Error(`No webview showed the connectivity graph within ${timeoutMs} ms.`);
}

/** Polls the view until `probe` holds (the view re-renders when the language server answers). */
async function until(description: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await probe()) return;
    } catch {
      // The frame was replaced (the panel moved): probe again.
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}.`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
}

const edgeTag = (frame: Frame, src: string, dst: string) =>
  frame.locator(`.edge-tag[data-src="${src}"][data-dst="${dst}"]`);

before(async () => {
  const { vsix } = buildVsix('connectivity-ui');
  session = await startSession({
    name: 'connectivity-ui',
    workspaceSource: join(FIXTURES, 'vscode', 'connectivity-workspace'),
    trustWorkspace: true,
    vsix,
    settings: {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.fontSize': 14,
      'workbench.startupEditor': 'none',
    },
  });
  workbench = await openWorkbench(
    session.tools,
    join(session.dir, 'chromium-profile'),
    workbenchUrl(session.server),
  );
  await waitForWorkbench(workbench.page);
});

after(async () => {
  if (session && workbench) writeFileSync(join(session.dir, 'workbench.log'), workbench.log.join('\n'));
  await workbench?.close();
  await session?.stop();
});

test('Show Connectivity from the palette draws namespaces, workloads (isolated ones marked) and labelled flows', () =>
  step('graph', async () => {
    await runCommand(page(), 'EKS Networking: Show Connectivity');
    const frame = await viewFrame();
    await until('the flows', async () => (await frame.locator('.edge-tag').count()) === 9);
    const titles = await frame.locator('.group-title').allTextContents();
    assert.deepEqual(titles, ['Outside the cluster', 'namespace monitoring', 'namespace shop']);
    const names = await frame.locator('.node.workload .node-name').allTextContents();
    assert.deepEqual(names, ['prometheus', 'api', 'db', 'web']);
    assert.equal(await frame.locator('.node.workload.isolated-ingress').count(), 3);
    assert.equal(
      await frame.locator('[data-id="monitoring/prometheus[Deployment]"].isolated-ingress').count(),
      0,
    );
    assert.equal(
      await edgeTag(frame, 'shop/web[Deployment]', 'shop/api[Deployment]').textContent(),
      'TCP 9090',
    );
    assert.equal(
      await edgeTag(frame, 'shop/api[Deployment]', 'shop/db[StatefulSet]').textContent(),
      'TCP 5432',
    );
    assert.match(
      (await frame.locator('#summary').textContent()) ?? '',
      /^4 workloads \(3 isolated\), 9 flows, 4 NetworkPolicies in 5 files\.$/,
    );
    await screenshot('graph');
  }));

test('the table lists every flow, sorts by a column, and a row opens the rules with file:line links to the editor', () =>
  step('table', async () => {
    const frame = await viewFrame();
    await frame.locator('#tab-table').click();
    const rows = frame.locator('tr.flow-row');
    assert.equal(await rows.count(), 9);
    await frame.locator('th button.sort').filter({ hasText: 'Destination' }).click();
    assert.equal(await frame.locator('th[aria-sort="ascending"]').textContent(), 'Destination ▲');
    assert.equal(await rows.first().locator('td').nth(1).textContent(), '0.0.0.0-255.255.255.255[External]');

    const row = frame.locator(
      'tr.flow-row[data-src="shop/web[Deployment]"][data-dst="shop/api[Deployment]"]',
    );
    await row.focus();
    await row.press('Enter');
    const egressRule = frame
      .locator('#details .side.egress a.source-link')
      .filter({ hasText: 'shop/web egress rule 1' });
    await egressRule.waitFor({ timeout: 30_000 });
    assert.equal(await egressRule.getAttribute('data-line'), '19');
    const ingressRule = frame
      .locator('#details .side.ingress a.source-link')
      .filter({ hasText: 'shop/api ingress rule 1' });
    assert.equal(await ingressRule.getAttribute('data-line'), '11');
    assert.match((await frame.locator('#details').textContent()) ?? '', /Allowed: TCP 9090/);
    await screenshot('flow-rules');

    await egressRule.click();
    await page()
      .locator('.tabs-container .tab.active')
      .filter({ hasText: 'web.yaml' })
      .waitFor({ timeout: 20_000 });
    await page()
      .locator('.statusbar-item')
      .filter({ hasText: 'Ln 20, Col 1' })
      .first()
      .waitFor({ timeout: 20_000 });
  }));

test('selecting a workload lists what it can reach and what reaches it', () =>
  step('workload', async () => {
    const frame = await viewFrame();
    await frame.locator('#tab-graph').click();
    await frame.locator('.node[data-id="shop/api[Deployment]"]').click();
    const details = frame.locator('#details');
    await details.locator('h3').filter({ hasText: 'Reached by (2)' }).waitFor({ timeout: 10_000 });
    assert.deepEqual(await details.locator('h3').allTextContents(), ['Can reach (1)', 'Reached by (2)']);
    assert.deepEqual(await details.locator('.flow-item .peer').allTextContents(), [
      'shop/db[StatefulSet]',
      'monitoring/prometheus[Deployment]',
      'shop/web[Deployment]',
    ]);
  }));

test('the CodeLens highlights its policy, and an edit in the editor changes the view', () =>
  step('codelens', async () => {
    // The last test clicked inside the view: focus its tab first, so F1 reaches the workbench.
    await page().locator('.tabs-container .tab').filter({ hasText: 'Connectivity' }).click();
    await runCommand(page(), 'View: Close All Editors');
    await quickOpen(page(), 'api.yaml');
    const lens = activeEditor(page())
      .locator('.codelens-decoration a')
      .filter({ hasText: 'Show connectivity' })
      .first();
    await lens.waitFor({ timeout: 30_000 });
    await lens.click();
    const frame = await viewFrame();
    await frame
      .locator('#highlight')
      .filter({ hasText: 'Highlighting shop/api' })
      .waitFor({ timeout: 30_000 });
    await until(
      'the policy’s three flows highlighted',
      async () => (await frame.locator('.edge-tag.highlighted').count()) === 3,
    );
    await edgeTag(frame, 'shop/web[Deployment]', 'shop/api[Deployment]').click();
    await frame
      .locator('#details a.source-link')
      .filter({ hasText: 'shop/api ingress rule 1' })
      .waitFor({ timeout: 30_000 });
    // The README's picture: the policy's effect, and the rules of one of its flows, the view's
    // editor group maximized and the side bar hidden.
    await page().keyboard.press('Control+B');
    // Keys typed inside a webview stay there: focus the view's tab, so F1 reaches the workbench.
    await page().locator('.tabs-container .tab').filter({ hasText: 'Connectivity' }).click();
    await runCommand(page(), 'View: Toggle Maximize Editor Group');
    await until(
      'the graph to fit the wider view',
      async () => (await frame.locator('svg.graph').getAttribute('data-fit')) !== 'scrolls',
    );
    await screenshot('connectivity');
    await runCommand(page(), 'View: Toggle Maximize Editor Group');
    await page().keyboard.press('Control+B');

    // api's first ingress rule now allows 9091: web (which may only send 9090) can no longer reach it.
    await page().locator('.tabs-container .tab').filter({ hasText: 'api.yaml' }).first().click();
    await goToLine(page(), 18);
    await page().keyboard.press('End');
    await page().keyboard.press('Backspace');
    await page().keyboard.type('1');
    const view = await viewFrame();
    await until(
      'the web → api flow to disappear',
      async () => (await edgeTag(view, 'shop/web[Deployment]', 'shop/api[Deployment]').count()) === 0,
    );
    assert.equal(await view.locator('.edge-tag').count(), 8);
  }));

/** Types into the open quick pick and takes the row that shows `row`. */
async function pick(text: string, row: string): Promise<void> {
  const input = page().locator('.quick-input-widget .quick-input-box input').first();
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await page().keyboard.insertText(text);
  await page()
    .locator('.quick-input-list .monaco-list-row.focused')
    .filter({ hasText: row })
    .first()
    .waitFor({ timeout: 20_000 });
  await page().keyboard.press('Enter');
}

test('"Can A Reach B?" from the palette asks source, destination, protocol and port, and the view answers', () =>
  step('can-reach', async () => {
    await runCommand(page(), 'EKS Networking: Can A Reach B?');
    await pick('shop/web', 'shop/web');
    await pick('shop/db', 'shop/db');
    await pick('TCP', 'TCP');
    // The destination's container port is offered first.
    await pick('5432', 'container port "postgres"');
    const frame = await viewFrame();
    const details = frame.locator('#details');
    await details
      .locator('h2')
      .filter({ hasText: 'Can shop/web[Deployment] reach shop/db[StatefulSet] on TCP 5432?' })
      .waitFor({ timeout: 30_000 });
    assert.equal(await details.locator('.verdict').textContent(), 'No');
    assert.match(
      (await details.locator('.side.egress').textContent()) ?? '',
      /blocks.*No egress rule of shop\/default-deny or shop\/web allows it/,
    );
    assert.equal(await frame.locator('.node.highlighted').count(), 2, 'both ends are highlighted');
    await screenshot('can-reach');
  }));
