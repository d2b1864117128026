// The benchmark's phase inside a real VS Code: code-server with the extension installed from the
// .vsix (the test harness in scripts/vscode/), a fresh window per run. In each window Playwright
// waits for the workbench, opens a small NetworkPolicy file with Ctrl+P, and the probe
// (vscodeProbe.ts, in the extension host) times its first diagnostics, while the workbench page
// itself times the file's editor to its first squiggle (what a user sees); then Playwright opens
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
import type { VsCodeRow, VsCodeTimings } from './report';
import { summarize } from './stats';
import type { ProbeResult } from './vscodeProbe';
import { buildFloorExtension, FLOOR_MANIFEST, FLOOR_SOURCE } from './floorExtension';

const MANIFEST = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  displayName: string;
};

/** The extension a run measures: ours, or the floor (floorExtension.ts). */
interface Subject {
  vsix: string;
  id: string;
  displayName: string;
  /** The `source` of its diagnostics. */
  source: string;
}
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
async function readRunningExtensions(
  workbench: Workbench,
  displayName: string,
  screenshot: string,
): Promise<string> {
  const { page } = workbench;
  await runCommand(page, 'Developer: Show Running Extensions');
  const script = `(() => {
    for (const row of document.querySelectorAll('.runtime-extensions-editor .extension')) {
      if (row.querySelector('.name')?.textContent?.trim() !== ${JSON.stringify(displayName)}) continue;
      const text = row.querySelector('.activation-time')?.textContent ?? '';
      if (/\\d+ms/.test(text)) return text;
    }
    return undefined;
  })()`;
  const text = await poll(() => page.evaluate<string | undefined>(script), 30_000);
  if (text) return text.trim();
  await page.screenshot({ path: screenshot }).catch(() => undefined);
  throw new Error(`Running Extensions shows no activation time for ${displayName} (see ${screenshot})`);
}

/**
 * Asks `check` every 100 ms until it gives something other than undefined or false; undefined
 * after `timeoutMs`. For what VS Code signals no event for here: a page's state, another
 * process's file.
 */
async function poll<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs: number,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
  }
}

/**
 * Watches the workbench page for the editor of `file` and for the first squiggle in it (a
 * MutationObserver in the page, with the page's clock): what a user sees, without the extension
 * host's onDidChangeDiagnostics, which VS Code fires 50 ms after diagnostics change.
 */
async function watchEditor(workbench: Workbench, file: string): Promise<void> {
  await workbench.page.evaluate(`(() => {
    const state = (window.__eksnetBench = {});
    const editor = () => [...document.querySelectorAll('.monaco-editor[data-uri]')]
      .find((node) => node.getAttribute('data-uri').endsWith(${JSON.stringify(`/${file}`)}));
    const observer = new MutationObserver(() => {
      const found = editor();
      if (!found) return;
      state.openedMs ??= performance.now();
      state.openedAt ??= Date.now();
      if (found.querySelector('.squiggly-error, .squiggly-warning, .squiggly-info')) {
        state.squigglesMs = performance.now();
        state.squigglesAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-uri'] });
  })()`);
}

/** What the workbench page saw: Date.now() when the file's editor appeared and at its first squiggle. */
interface EditorTimes {
  squigglesMs: number;
  openedAt: number;
  squigglesAt: number;
}

/** Once both were seen (undefined after 30 s). */
async function editorTimes(workbench: Workbench): Promise<EditorTimes | undefined> {
  return poll(async () => {
    const { openedMs, squigglesMs, openedAt, squigglesAt } = await workbench.page.evaluate<{
      openedMs?: number;
      squigglesMs?: number;
      openedAt?: number;
      squigglesAt?: number;
    }>('({ ...window.__eksnetBench })');
    if (openedMs === undefined || squigglesMs === undefined) return undefined;
    if (openedAt === undefined || squigglesAt === undefined) return undefined;
    return { squigglesMs: squigglesMs - openedMs, openedAt, squigglesAt };
  }, 30_000);
}

/**
 * Waits until the workbench has reached its last start-up phase (VS Code marks
 * code/LifecyclePhase/Eventually once the window has restored and gone idle, or a few seconds
 * after): the window a user has had open for a moment, rather than one that is still starting.
 */
async function workbenchSettled(workbench: Workbench): Promise<void> {
  const script = "performance.getEntriesByName('code/LifecyclePhase/Eventually').length > 0";
  if (!(await poll(() => workbench.page.evaluate<boolean>(script), 60_000)))
    throw new Error('the workbench did not reach its last start-up phase in 60 s');
}

async function fileExists(file: string, timeoutMs: number): Promise<void> {
  if (!(await poll(() => existsSync(file), timeoutMs)))
    throw new Error(`the probe in VS Code wrote no ${file} within ${timeoutMs} ms`);
}

interface Run {
  activationMs: number;
  shown: string;
  probe: ProbeResult;
  editor?: EditorTimes;
}

async function oneRun(
  options: VsCodePhaseOptions,
  subject: Subject,
  name: string,
  workspace: string,
  settled: boolean,
): Promise<Run> {
  const dir = join(options.work, name);
  const probeFile = join(options.work, `probe-${name}.json`);
  const readyFile = join(options.work, `ready-${name}`);
  const doneFile = join(options.work, `done-${name}`);
  for (const file of [probeFile, readyFile, doneFile]) rmSync(file, { force: true });
  const session = await startSession({
    name: `bench-${name}`,
    dir,
    workspaceSource: workspace,
    trustWorkspace: true,
    vsix: subject.vsix,
    env: {
      [RESULTS_ENV]: join(dir, 'suite-results.json'),
      EKS_BENCH_VSCODE_PROBE: probeFile,
      EKS_BENCH_VSCODE_FILE: join(dir, 'workspace', SMALL_FILE),
      EKS_BENCH_VSCODE_EXTENSION: subject.id,
      EKS_BENCH_VSCODE_SOURCE: subject.source,
      EKS_BENCH_VSCODE_READY: readyFile,
      EKS_BENCH_VSCODE_DONE: doneFile,
    },
  });
  let shown = '';
  let editor: EditorTimes | undefined;
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
        if (settled) await workbenchSettled(workbench);
        await watchEditor(workbench, SMALL_FILE);
        await quickOpen(workbench.page, SMALL_FILE);
        await fileExists(probeFile, 160_000);
        editor = await editorTimes(workbench);
        try {
          shown = await readRunningExtensions(
            workbench,
            subject.displayName,
            join(dir, 'running-extensions.png'),
          );
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
  return { activationMs: Number(activation[1]), shown, probe, editor };
}

/** `to - from`, or undefined when either is missing. */
function lag(from: number | undefined, to: number | undefined): number | undefined {
  return from === undefined || to === undefined ? undefined : to - from;
}

/** Median over `runs` fresh VS Code windows. */
export async function measureInVsCode(options: VsCodePhaseOptions): Promise<VsCodeTimings> {
  mkdirSync(options.work, { recursive: true });
  const workspace = join(options.work, 'workspace-source');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  // Three short policies, each with one known mistake, so "diagnostics appeared" is unambiguous.
  writeFileSync(join(workspace, SMALL_FILE), generateNetworkPolicies({ documents: 3, mistakeRate: 1 }).text);
  const ours: Subject = {
    vsix: options.vsix,
    id: `${MANIFEST.publisher}.${MANIFEST.name}`,
    displayName: MANIFEST.displayName,
    source: SOURCE,
  };
  const floor: Subject = {
    vsix: buildFloorExtension(join(options.work, 'floor-extension')),
    id: `${FLOOR_MANIFEST.publisher}.${FLOOR_MANIFEST.name}`,
    displayName: FLOOR_MANIFEST.displayName,
    source: FLOOR_SOURCE,
  };
  const measure = async (subject: Subject, label: string, settled = false): Promise<Run[]> => {
    const runs: Run[] = [];
    for (let index = 0; index < options.runs; index++) {
      const run = await oneRun(options, subject, `${label}-${index}`, workspace, settled);
      process.stdout.write(`  VS Code run ${index + 1} (${label}): ${JSON.stringify(run)}\n`);
      runs.push(run);
    }
    return runs;
  };
  const runs = await measure(ours, 'ours');
  const floorRuns = await measure(floor, 'floor');
  const settledRuns = await measure(ours, 'ours-settled', true);
  const floorSettledRuns = await measure(floor, 'floor-settled', true);
  const median = (of: (run: Run) => number | undefined, from = runs): number =>
    summarize(from.map((run) => of(run) ?? Number.NaN)).median;
  const row = (from: Run[]): VsCodeRow => ({
    activationMs: median((run) => run.activationMs, from),
    firstDiagnosticsMs: median((run) => run.probe.firstDiagnosticsMs, from),
    beforeActivateMs: median((run) => run.probe.beforeActivateMs, from),
    squigglesMs: median((run) => run.editor?.squigglesMs, from),
  });
  return {
    activationMs: median((run) => run.activationMs),
    firstDiagnosticsMs: median((run) => run.probe.firstDiagnosticsMs),
    beforeActivateMs: median((run) => run.probe.beforeActivateMs),
    squigglesMs: median((run) => run.editor?.squigglesMs),
    // Clocks of different processes on one machine: Date.now() in each.
    hostLearnsMs: median((run) => lag(run.editor?.openedAt, run.probe.openedAt)),
    toScreenMs: median((run) => lag(run.probe.diagnosedAt, run.editor?.squigglesAt)),
    floor: row(floorRuns),
    settled: row(settledRuns),
    floorSettled: row(floorSettledRuns),
    runs: runs.length,
    detail: runs.map((run) => `"${run.shown}"`).join(', '),
  };
}
