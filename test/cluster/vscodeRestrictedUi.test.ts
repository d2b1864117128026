// Restricted Mode as a user sees it in a real VS Code 1.99: validation works, but the palette offers
// no cluster command and there is no context in the status bar (nothing that would run kubectl).

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildVsix, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import { activeEditor, quickOpen, waitForWorkbench } from '../../scripts/vscode/ui';
import { openWorkbench, workbenchUrl, type Workbench } from '../../scripts/vscode/workbench';
import { CLUSTER_FIXTURES } from '../support/apiserver/cluster';
import { PROJECT_ROOT } from './harness';
import { readFileSync } from 'node:fs';
import { CLUSTER_COMMAND_IDS } from '../../src/shared/commands';

let session: VsCodeSession | undefined;
let workbench: Workbench | undefined;

const titles = (() => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string; title: string }> };
  };
  const cluster = new Set<string>(Object.values(CLUSTER_COMMAND_IDS));
  return manifest.contributes.commands.filter((c) => cluster.has(c.command)).map((c) => c.title);
})();

before(async () => {
  const { vsix } = buildVsix('cluster-restricted-ui');
  session = await startSession({
    name: 'cluster-restricted-ui',
    workspaceSource: join(CLUSTER_FIXTURES, 'workspace'),
    trustWorkspace: false,
    vsix,
  });
  workbench = await openWorkbench(
    session.tools,
    join(session.dir, 'chromium-profile'),
    workbenchUrl(session.server),
  );
  await waitForWorkbench(workbench.page);
  await quickOpen(workbench.page, 'allow-web.yaml');
  await activeEditor(workbench.page).locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
});

after(async () => {
  await workbench?.close();
  await session?.stop();
});

test('in Restricted Mode the palette lists Explain but no cluster command, and the status bar has no context', async () => {
  const page = workbench!.page;
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').first().waitFor({ state: 'visible' });
  await page.keyboard.insertText('EKS Networking: ');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  // Explain is always offered for a YAML file: once it is listed, the palette has the extension's commands.
  await rows
    .filter({ hasText: /EKS Networking: Explain/ })
    .first()
    .waitFor({ timeout: 60_000 });
  const offered = (await rows.allInnerTexts()).join('\n');
  await page.screenshot({ path: join(session!.dir, 'restricted-palette.png') });
  await page.keyboard.press('Escape');
  for (const title of titles) assert.equal(offered.includes(title), false, `the palette offers "${title}"`);
  assert.equal(
    await page
      .locator('.statusbar-item')
      .filter({ hasText: /^\s*(staging|no context)\s*$/ })
      .count(),
    0,
  );
});
