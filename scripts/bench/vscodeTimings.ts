// The benchmark's phase inside a real VS Code: code-server with the extension installed from the
// .vsix (the test harness in scripts/vscode/), a fresh window per run. In each window Playwright
// waits for the workbench, opens a small NetworkPolicy file with Ctrl+P, and the probe
// (vscodeProbe.ts, in the extension host) times its first diagnostics; then Playwright opens
// "Developer: Show Running Extensions" and reads the extension host's own activation time for our
// extension, the figure that view shows (code loading plus the activate() call, as VS Code's
// ExtensionActivationTimes record them).

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSession } from '../vscode/session';
import { PROJECT_ROOT } from '../vscode/tools';
import { quickOpen, runCommand, waitForWorkbench } from '../vscode/ui';
import { runHostSuite, RESULTS_ENV, type Workbench } from '../vscode/workbench';
import { SOURCE } from '../../src/server/convert';
import { generateNetworkPolicies } from './generateManifests';
import type { VsCodeTimings } from './report';
import { summarize } from './stats';
import type { ProbeResult } from './vscodeProbe';

const MANIFEST = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  displayName: string;
};
const DISPLAY_NAME = MANIFEST.displayName;
const SMALL_FILE = 'small-networkpolicy.yaml';

export interface VsCodePhaseOptions {
  vsix: string;
  /** The bundled probe folder (index.js), built by run.mjs. */
  probeDir: string;
  /** State folders, workspace and logs go under here. */
  work: string;
  runs: number;
}

/** What the Running Extensions view shows for our extension, e.g. "Activation: 21ms". */
async function readRunningExtensions(workbench: Workbench, screenshot: string): Promise<string> {
  const { page } = workbench;
  await runCommand(page, 'Developer: Show Running Extensions');
  const script = `(() => {
    for (const row of document.querySelectorAll('.runtime-extensions-editor .extension')) {
      if (row.querySelector('.name')?.textContent?.trim() !== ${JSON.stringify(DISPLAY_NAME)}) continue;
      const text = row.querySelector('.activation-time')?.textContent ?? '';
      if (/\\d+ms/.test(text)) return text;
    }
    return undefined;
  })()`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = await page.evaluate<string | undefined>(script);
    if (text) return text.trim();
    if (Date.now() > deadline) {
      await page.screenshot({ path: screenshot }).catch(() => undefined);
      throw new Error(`Running Extensions shows no activation time for ${DISPLAY_NAME} (see ${screenshot})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
}

async function fileExists(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline)
      throw new Error(`the probe in VS Code wrote no ${file} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
  }
}

async function oneRun(
  options: VsCodePhaseOptions,
  index: number,
  workspace: string,
): Promise<{ activationMs: number; shown: string; probe: ProbeResult }> {
  const dir = join(options.work, `run-${index}`);
  const probeFile = join(options.work, `probe-${index}.json`);
  const readyFile = join(options.work, `ready-${index}`);
  const doneFile = join(options.work, `done-${index}`);
  for (const file of [probeFile, readyFile, doneFile]) rmSync(file, { force: true });
  const session = await startSession({
    name: `bench-${index}`,
    dir,
    workspaceSource: workspace,
    trustWorkspace: true,
    vsix: options.vsix,
    env: {
      [RESULTS_ENV]: join(dir, 'suite-results.json'),
      EKS_BENCH_VSCODE_PROBE: probeFile,
      EKS_BENCH_VSCODE_FILE: join(dir, 'workspace', SMALL_FILE),
      EKS_BENCH_VSCODE_EXTENSION: `${MANIFEST.publisher}.${MANIFEST.name}`,
      EKS_BENCH_VSCODE_SOURCE: SOURCE,
      EKS_BENCH_VSCODE_READY: readyFile,
      EKS_BENCH_VSCODE_DONE: doneFile,
    },
  });
  let shown = '';
  try {
    await runHostSuite({
      tools: session.tools,
      server: session.server,
      suiteDir: options.probeDir,
      resultsFile: join(dir, 'suite-results.json'),
      artifactsDir: dir,
      timeoutMs: 180_000,
      // While the probe waits in the extension host, a user opens the file; once the probe has its
      // figure, Running Extensions is read and the probe is let go.
      whileRunning: async (workbench) => {
        await waitForWorkbench(workbench.page);
        await fileExists(readyFile, 120_000);
        await quickOpen(workbench.page, SMALL_FILE);
        await fileExists(probeFile, 160_000);
        try {
          shown = await readRunningExtensions(workbench, join(dir, 'running-extensions.png'));
        } finally {
          writeFileSync(doneFile, '');
        }
      },
    });
  } finally {
    await session.stop();
  }
  const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeResult;
  if (probe.error) throw new Error(`the probe in VS Code failed: ${probe.error} (logs in ${dir})`);
  const activation = /(\d+)\s*ms/.exec(shown);
  if (!activation) throw new Error(`unreadable activation time "${shown}"`);
  return { activationMs: Number(activation[1]), shown, probe };
}

/** Median over `runs` fresh VS Code windows. */
export async function measureInVsCode(options: VsCodePhaseOptions): Promise<VsCodeTimings> {
  mkdirSync(options.work, { recursive: true });
  const workspace = join(options.work, 'workspace-source');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  // Three short policies, each with one known mistake, so "diagnostics appeared" is unambiguous.
  writeFileSync(join(workspace, SMALL_FILE), generateNetworkPolicies({ documents: 3, mistakeRate: 1 }).text);
  const runs = [];
  for (let index = 0; index < options.runs; index++) {
    const run = await oneRun(options, index, workspace);
    process.stdout.write(`  VS Code run ${index + 1}: ${JSON.stringify(run)}\n`);
    runs.push(run);
  }
  return {
    activationMs: summarize(runs.map((run) => run.activationMs)).median,
    firstDiagnosticsMs: summarize(runs.map((run) => run.probe.firstDiagnosticsMs ?? Number.NaN)).median,
    beforeActivateMs: summarize(runs.map((run) => run.probe.beforeActivateMs ?? Number.NaN)).median,
    runs: runs.length,
    detail: runs.map((run) => `"${run.shown}"`).join(', '),
  };
}
