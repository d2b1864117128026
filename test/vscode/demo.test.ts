// `npm run demo` as a user runs it (scripts/vscode/demo.mjs): it prints a URL that opens VS Code on a
// fresh copy of examples/, applying the quick fix it suggests changes only that copy, and Ctrl+C stops
// code-server. The demo's state goes to test-results/vscode/demo/ (EKS_DEMO_DIR), so a demo the user
// is running in .cache/demo/ is left alone.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join, relative } from 'node:path';
import { freePort } from '../../scripts/vscode/codeServer';
import { RESULTS_ROOT } from '../../scripts/vscode/session';
import { ensureVsCodeTools } from '../../scripts/vscode/tools';
import { openWorkbench, type Workbench } from '../../scripts/vscode/workbench';
import { activeEditor, goToLine, quickOpen, waitForWorkbench } from '../../scripts/vscode/ui';
import { PROJECT_ROOT } from '../support/paths';

const EXAMPLES = join(PROJECT_ROOT, 'examples');
const DEMO_DIR = join(RESULTS_ROOT, 'demo');

let demo: ChildProcess | undefined;
let workbench: Workbench | undefined;

after(async () => {
  await workbench?.close();
  // The demo leads its own process group; code-server leads another, which the demo stops on exit.
  if (demo?.pid !== undefined && demo.exitCode === null) process.kill(-demo.pid, 'SIGKILL');
});

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** Resolves with the first stdout line matching `pattern`; rejects with the output if the demo exits first. */
function lineMatching(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (output += chunk));
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) resolve(match);
    });
    child.once('exit', (code) => reject(new Error(`npm run demo exited (${code}) early:\n${output}`)));
  });
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(`${url}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.once('error', () => resolve(false));
  });
}

test('npm run demo opens a fresh copy of examples/, edits stay in the copy, Ctrl+C stops it', async () => {
  const examplesBefore = filesUnder(EXAMPLES);
  // What an earlier run left behind in its copy must not show up in this one.
  const staleCopy = join(DEMO_DIR, 'vscode', 'workspace');
  rmSync(DEMO_DIR, { recursive: true, force: true });
  mkdirSync(staleCopy, { recursive: true });
  writeFileSync(join(staleCopy, 'typical-mistakes.yaml'), '# edited in an earlier demo\n');
  writeFileSync(join(staleCopy, 'left-over.yaml'), 'kind: ConfigMap\n');

  const port = await freePort();
  demo = spawn(process.execPath, ['scripts/vscode/demo.mjs'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), EKS_DEMO_DIR: DEMO_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const [url] = await lineMatching(demo, /http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/);
  const folder = new URL(url).searchParams.get('folder') ?? '';
  assert.notEqual(folder, EXAMPLES, 'the demo must not open examples/ itself');
  assert.ok(folder.startsWith(DEMO_DIR), `${folder} is inside the demo's state folder`);
  assert.deepEqual(filesUnder(folder), examplesBefore, 'the copy is exactly examples/, nothing left over');

  workbench = await openWorkbench(ensureVsCodeTools(), join(DEMO_DIR, 'chromium-profile'), url);
  const page = workbench.page;
  await waitForWorkbench(page);
  // The demo's first suggestion: the quick fix on typical-mistakes.yaml's top-level namespace (line 9).
  await quickOpen(page, 'typical-mistakes.yaml');
  await activeEditor(page).locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
  await goToLine(page, 9);
  await page.keyboard.press('Control+.');
  await page
    .locator('.action-widget .monaco-list-row.focused')
    .filter({ hasText: 'under metadata' })
    .waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+S');
  const copy = join(folder, 'typical-mistakes.yaml');
  const original = examplesBefore.get('typical-mistakes.yaml');
  const saveDeadline = Date.now() + 20_000;
  while (readFileSync(copy, 'utf8') === original && Date.now() < saveDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval for the save to land
  }
  assert.match(readFileSync(copy, 'utf8'), /metadata:\n {2}name: my-security-group-policy\n {2}namespace:/);
  assert.deepEqual(filesUnder(EXAMPLES), examplesBefore, 'examples/ is unchanged');

  await workbench.close();
  workbench = undefined;
  const serverUrl = new URL(url).origin;
  const exited = new Promise<number | null>((resolve) => demo?.once('exit', resolve));
  process.kill(demo.pid ?? 0, 'SIGINT');
  assert.equal(await exited, 130, 'Ctrl+C ends the demo');
  // code-server got SIGTERM as the demo exited; it may take a moment to close its port.
  const deadline = Date.now() + 15_000;
  while ((await answers(serverUrl)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
  assert.equal(await answers(serverUrl), false, 'code-server stopped with the demo');
});
