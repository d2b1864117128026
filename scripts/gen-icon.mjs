// Draws images/icon.png (128×128, transparent corners) from images/icon.svg with the Chromium the
// VS Code tests use (installed by scripts/vscode/ensure-tools.mjs). The PNG is committed, so
// packaging does not need Chromium; run this after editing the SVG: node scripts/gen-icon.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureTools, toolPaths } from './vscode/ensure-tools.mjs';

const SIZE = 128;
ensureTools({ quiet: true });
const tools = toolPaths();
const root = tools.projectRoot;
const { chromium } = createRequire(import.meta.url)(tools.playwrightCoreDir);
const browser = await chromium.launch({
  executablePath: tools.chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
  env: { ...process.env, ...tools.env },
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  const svg = readFileSync(join(root, 'images', 'icon.svg'), 'utf8');
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`, {
    waitUntil: 'load',
  });
  await page.screenshot({ path: join(root, 'images', 'icon.png'), omitBackground: true });
  console.log('images/icon.png written');
} finally {
  await browser.close();
}
