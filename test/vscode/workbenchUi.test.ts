// A user's first minutes, in a real VS Code 1.99 (code-server) driven by Chromium: open the EKS docs'
// SecurityGroupPolicy example, see the squiggle and the Problems entry, apply the quick fix, hover a
// field, and explain the docs' NetworkPolicy from the command palette. As most users have it, Red
// Hat YAML is installed too (a stand-in running yaml-language-server, test/vscode-redhat/) with a
// strict Kubernetes schema mapped to every YAML file. Screenshots go to test-results/vscode/ui/
// (the README's pictures are taken from there).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVsix, RESULTS_ROOT, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import {
  buildRedHatYamlStandIn,
  YAML_LANGUAGE_SERVER_ENV,
  yamlLanguageServerModule,
} from '../../scripts/vscode/redHatYamlStandIn';
import { openWorkbench, workbenchUrl, type Workbench } from '../../scripts/vscode/workbench';
import {
  activeEditor,
  activeEditorText,
  goToLine,
  quickOpen,
  runCommand,
  waitForTextInAnyFrame,
  waitForWorkbench,
} from '../../scripts/vscode/ui';
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

/** Reverts the active editor's changes; resolves once its tab is no longer marked modified. */
async function revert(fileName: string): Promise<void> {
  await runCommand(page(), 'File: Revert File');
  await page()
    .locator('.tabs-container .tab.active:not(.dirty)')
    .filter({ hasText: fileName })
    .waitFor({ timeout: 20_000 });
}

/** Runs a step; on failure saves a screenshot named after it, so the failure can be seen. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await screenshot(`failed-${name}`).catch(() => undefined);
    throw error;
  }
}

before(async () => {
  const { vsix } = buildVsix('ui');
  const redHatYaml = await buildRedHatYamlStandIn(join(RESULTS_ROOT, 'ui-stand-in'));
  session = await startSession({
    name: 'ui',
    workspaceSource: join(FIXTURES, 'vscode', 'ui-workspace'),
    trustWorkspace: true,
    vsix,
    otherExtensions: [redHatYaml],
    settings: {
      'workbench.colorTheme': 'Default Light Modern',
      'editor.fontSize': 14,
      'yaml.schemas': { [join(FIXTURES, 'redhat-yaml', 'kubernetes-strict.schema.json')]: '*.yaml' },
      'yaml.schemaStore.enable': false,
      'yaml.kubernetesCRDStore.enable': false,
    },
    env: { [YAML_LANGUAGE_SERVER_ENV]: yamlLanguageServerModule() },
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

test('the docs SecurityGroupPolicy gets a squiggle on its top-level namespace', () =>
  step('squiggle', async () => {
    await quickOpen(page(), 'docs-security-group-policy.yaml');
    await activeEditor(page()).locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
    await screenshot('diagnostics');
  }));

test('the Problems view lists the SCH001 error with its message', () =>
  step('problems', async () => {
    await runCommand(page(), 'View: Focus Problems');
    const row = page().locator('.markers-panel .monaco-list-row').filter({ hasText: 'SCH001' }).first();
    await row.waitFor({ timeout: 20_000 });
    assert.match(await row.innerText(), /namespace/);
    await screenshot('problems');
  }));

test('Ctrl+. on the namespace offers the quick fix and applying it clears the error', () =>
  step('quick-fix', async () => {
    await quickOpen(page(), 'docs-security-group-policy.yaml');
    await goToLine(page(), 5);
    await page().keyboard.press('Control+.');
    // The preferred fix is the focused entry; Enter applies it, as it does for a user.
    const fix = page()
      .locator('.action-widget .monaco-list-row.focused')
      .filter({ hasText: 'under metadata' });
    await fix.waitFor({ timeout: 20_000 });
    await screenshot('quick-fix');
    await page().keyboard.press('Enter');
    await activeEditor(page())
      .locator('.squiggly-error')
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 });
    const text = await activeEditorText(page());
    assert.match(text, /metadata:\s+name: my-security-group-policy\s+namespace: my-namespace/);
    await screenshot('quick-fix-applied');
  }));

test('hovering podSelector in the docs NetworkPolicy shows what the field does', () =>
  step('hover', async () => {
    await quickOpen(page(), 'docs-network-policy.yaml');
    const key = activeEditor(page())
      .locator('.view-line span')
      .filter({ hasText: /^podSelector$/ })
      .first();
    await key.hover();
    await page()
      .locator('.monaco-hover')
      .filter({ hasText: 'Pods in this namespace' })
      .first()
      .waitFor({ timeout: 20_000 });
    // The hover fades in; take the picture once it is opaque.
    await page().waitForFunction(
      `[...document.querySelectorAll('.monaco-hover')].some((hover) =>
        hover.textContent.includes('Pods in this namespace') && getComputedStyle(hover).opacity === '1')`,
      undefined,
      { timeout: 5000 },
    );
    await screenshot('hover');
  }));

test('"EKS Networking: Explain Resource" from the palette explains the docs NetworkPolicy', () =>
  step('explain', async () => {
    await quickOpen(page(), 'docs-network-policy.yaml');
    await runCommand(page(), 'EKS Networking: Explain Resource');
    await waitForTextInAnyFrame(page(), 'Applies to: pods with role=db', 30_000);
    await screenshot('explain');
  }));

test('typing np- in an empty YAML file shows our snippets, and after Enter on a port, p offers port', () =>
  step('completion-as-you-type', async () => {
    // One editor group, so each file below has one tab (Explain left its preview beside the editor).
    await runCommand(page(), 'View: Close All Editor Groups');
    // Our language server is up once it has put its Explain CodeLens above this NetworkPolicy.
    await quickOpen(page(), 'port-being-typed.yaml');
    await activeEditor(page())
      .locator('.codelens-decoration')
      .filter({ hasText: 'Explain' })
      .first()
      .waitFor({ timeout: 30_000 });
    // The file ends with `        - protocol: TCP` and a line break: go to the end of that line.
    await activeEditor(page()).locator('.view-lines').click();
    await page().keyboard.press('Control+End');
    await page().keyboard.press('Backspace');
    await page().keyboard.press('Enter');
    await page().keyboard.type('p');
    // Ours, not the word-based `ports`: a property named exactly port.
    await page()
      .locator('.editor-widget.suggest-widget .monaco-list-row:has(.codicon-symbol-property)')
      .filter({ hasText: /^port(?!s)/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // VS Code leaves the cursor at the dash column; accepting `port` puts it under `protocol`.
    assert.equal((await activeEditorText(page())).split('\n')[9], '        p');
    await screenshot('completion-after-enter');
    await page().keyboard.press('Enter');
    const lines = (await activeEditorText(page())).split('\n');
    assert.equal(lines[9].trimEnd(), '          port:');
    await revert('port-being-typed.yaml');

    await quickOpen(page(), 'new-policy.yaml');
    await activeEditor(page()).locator('.view-lines').click();
    // Typed key by key, as a user does; no Ctrl+Space.
    await page().keyboard.type('np-');
    await page()
      .locator('.editor-widget.suggest-widget .monaco-list-row')
      .filter({ hasText: 'np-deny-all' })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot('completion-snippets');
    await page().keyboard.press('Escape');
    await revert('new-policy.yaml');
  }));

test('beside Red Hat YAML, Problems lists our podSelecter error and its Service error, nothing twice', () =>
  step('red-hat-yaml', async () => {
    await quickOpen(page(), 'web-and-service.yaml');
    await runCommand(page(), 'View: Focus Problems');
    const rows = page().locator('.markers-panel .monaco-list-row');
    // Red Hat YAML still checks the Service; we check the NetworkPolicy.
    await rows.filter({ hasText: 'Property selecter is not allowed' }).first().waitFor({ timeout: 30_000 });
    await rows
      .filter({ hasText: /SCH001.*|podSelecter/ })
      .first()
      .waitFor({ timeout: 20_000 });
    const texts = await rows.allInnerTexts();
    assert.ok(
      !texts.some((text) => text.includes('Property podSelecter is not allowed')),
      `Red Hat YAML also reported our document: ${texts.join(' | ')}`,
    );
    await screenshot('red-hat-yaml');
  }));

test('the extension page shows the icon and the README with every picture loaded from the .vsix', () =>
  step('extension-page', async () => {
    await page().keyboard.press('Control+Shift+X');
    // Ctrl+Shift+X focuses the Extensions view's search box.
    await page().locator('.extensions-viewlet .suggest-input-container').first().waitFor({ timeout: 20_000 });
    await page().keyboard.insertText('@installed EKS Networking');
    const entry = page()
      .locator('.extensions-viewlet .monaco-list-row')
      .filter({ hasText: 'EKS Networking' })
      .first();
    await entry.waitFor({ timeout: 30_000 });
    await entry.click();
    const header = page().locator('.extension-editor .header');
    await header.filter({ hasText: 'EKS Networking' }).first().waitFor({ timeout: 20_000 });
    // The README is rendered in a webview; wait until each of its pictures has loaded (or failed).
    const readme = await waitForTextInAnyFrame(page(), 'Beside Red Hat YAML', 30_000);
    const pictures = () =>
      readme.evaluate<Array<{ src: string; done: boolean; width: number }>>(
        `[...document.images].map((image) => ({ src: image.src, done: image.complete, width: image.naturalWidth }))`,
      );
    const deadline = Date.now() + 20_000;
    let seen = await pictures();
    while (seen.some((picture) => !picture.done) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval while images load
      seen = await pictures();
    }
    assert.ok(seen.length >= 4, `the README shows its pictures: ${JSON.stringify(seen)}`);
    assert.deepEqual(
      seen.filter((picture) => picture.width === 0).map((picture) => picture.src),
      [],
      'pictures that did not load',
    );
    const icon = await page().evaluate<number>(
      `document.querySelector('.extension-editor .header img.icon')?.naturalWidth ?? 0`,
    );
    assert.ok(icon > 0, 'the icon is shown');
    await screenshot('extension-page');
  }));

test('the Getting Started walkthrough opens an example, shows its quick fix and explains a policy', () =>
  step('walkthrough', async () => {
    await runCommand(page(), 'Welcome: Open Walkthrough...');
    // Chosen with the keyboard: a hover left over from the extension page can cover the list.
    await page().keyboard.insertText('Get Started with EKS Networking');
    await page()
      .locator('.quick-input-list .monaco-list-row.focused')
      .filter({ hasText: 'Get Started with EKS Networking' })
      .first()
      .waitFor({ timeout: 20_000 });
    await page().keyboard.press('Enter');
    const walkthrough = page().locator('.gettingStartedContainer');
    await walkthrough.filter({ hasText: 'Open an example' }).first().waitFor({ timeout: 20_000 });
    await screenshot('walkthrough');
    const button = (label: string) =>
      walkthrough.locator('.button-container a.monaco-button').filter({ hasText: label }).first();
    const step = (title: string) =>
      walkthrough.locator('.getting-started-step').filter({ hasText: title }).first();

    await button('Open the Example').click();
    await page()
      .locator('.tabs-container .tab')
      .filter({ hasText: 'typical-mistakes.yaml' })
      .first()
      .waitFor({ timeout: 20_000 });
    await page().locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });

    await step('Fix a mistake').click();
    await button('Show the Quick Fix').click();
    await page()
      .locator('.action-widget .monaco-list-row.focused')
      .filter({ hasText: 'under metadata' })
      .waitFor({ timeout: 20_000 });
    await screenshot('walkthrough-quick-fix');
    await page().keyboard.press('Escape');

    await step('Explain a policy').click();
    await button('Explain the Example Policy').click();
    await waitForTextInAnyFrame(page(), 'Applies to: pods with role=db in namespace "default"', 30_000);
    await screenshot('walkthrough-explain');
  }));
