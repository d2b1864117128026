// What a user does in the workbench, as Playwright steps: open a file, run a command from the palette,
// wait for something to show up. Selectors are the workbench's own CSS classes in VS Code 1.99.

import type { Frame, Locator, Page } from './playwright';

const STEP_TIMEOUT_MS = 20_000;

/** Waits until the workbench has restored its layout and the explorer shows the workspace. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Ctrl+P, the file name, Enter; resolves when its editor tab is active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input').first();
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.insertText(fileName);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ hasText: fileName })
    .first()
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active')
    .filter({ hasText: fileName })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * F1, the command's palette label, Enter. The palette lists an extension's commands only once the
 * workbench has read its manifest, which can take a while on a busy machine: reopen it until the
 * command shows up, then fail with what the palette offered instead.
 */
/**
 * F1, or, when a webview kept the key (keys typed in one stay there, even after its tab is
 * clicked), the title bar's command center with `>`: both open the palette of commands.
 */
async function openCommandPalette(page: Page): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input').first();
  await page.keyboard.press('F1');
  try {
    await input.waitFor({ state: 'visible', timeout: 5000 });
    return;
  } catch {
    // the key went to a webview
  }
  await page.locator('.command-center-center').first().click({ timeout: STEP_TIMEOUT_MS });
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.insertText('>');
}

export async function runCommand(page: Page, label: string, timeoutMs = 3 * STEP_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await openCommandPalette(page);
    await page.keyboard.insertText(label);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first();
    try {
      await row.waitFor({ timeout: 3000 });
      await page.keyboard.press('Enter');
      return;
    } catch {
      const offered = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(
          `The command palette has no "${label}"; it offered: ${JSON.stringify(offered.slice(0, 8))}`,
        );
      }
    }
  }
}

/** Ctrl+G to a 1-based line; the cursor ends up at its first column. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page
    .locator('.quick-input-widget .quick-input-box input')
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.keyboard.insertText(String(line));
  await page.keyboard.press('Enter');
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The visible lines of the active editor as plain text (the editor renders spaces as U+00A0). */
export async function activeEditorText(page: Page): Promise<string> {
  const text = await activeEditor(page).locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Polls every frame (webviews and previews live in nested iframes) until one shows `text`; returns it. */
export async function waitForTextInAnyFrame(
  page: Page,
  text: string,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator('body').filter({ hasText: text }).count()) > 0) return frame;
      } catch {
        // The frame navigated away while we looked; try the others.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
  throw new Error(`No part of the workbench showed "${text}" within ${timeoutMs} ms.`);
}
