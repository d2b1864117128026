// Runs inside the extension host of a real VS Code (code-server) as the benchmark's extensionTestsPath
// (see vscodeTimings.ts). Playwright opens the small manifest once the workbench is ready, as a user
// would; the probe times, in the extension host, from the moment the host learns the document is
// open to the first of our diagnostics for it. Opening a YAML file is also what activates the
// extension, so the time includes activation and the language server's start.
// Handshake with the harness through files: the probe creates EKS_BENCH_VSCODE_READY once it listens
// (only then is the file opened), writes one JSON line to EKS_BENCH_VSCODE_PROBE, and keeps the
// extension host running until the harness has read "Running Extensions" and created
// EKS_BENCH_VSCODE_DONE.

import { existsSync, watch, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** The `source` of our server's diagnostics (the harness passes src/server/convert.ts's SOURCE). */
const SOURCE = process.env.EKS_BENCH_VSCODE_SOURCE ?? '';
const TIMEOUT_MS = 150_000;

export interface ProbeResult {
  /** From the extension host's onDidOpenTextDocument for the file to our first diagnostics for it. */
  firstDiagnosticsMs?: number;
  /**
   * The part of that before activate() was called that VS Code spends on its own, from the extension
   * host's performance marks: before it loads our code, and between loading it and calling
   * activate() (it fetches the extension's storage from the workbench).
   */
  beforeActivateMs?: number;
  /** Date.now() when the extension host learned the file was open, and when our diagnostics came. */
  openedAt?: number;
  diagnosedAt?: number;
  diagnostics?: number;
  error?: string;
}

/** The extension host's performance marks (VS Code's own, with Date.now() start times). */
interface Mark {
  name: string;
  startTime: number;
}

function hostMarks(): Mark[] {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Mark[] } }).MonacoPerformanceMarks;
  return marks?.getMarks() ?? [];
}

/** VS Code's own time before activate(), or undefined when this VS Code does not mark it. */
function vscodeOwnTime(id: string, openedAt: number): number | undefined {
  const marks = new Map(hostMarks().map((mark) => [mark.name, mark.startTime]));
  const willLoad = marks.get(`code/extHost/willLoadExtensionCode/${id}`);
  const didLoad = marks.get(`code/extHost/didLoadExtensionCode/${id}`);
  const willActivate = marks.get(`code/extHost/willActivateExtension/${id}`);
  if (willLoad === undefined || didLoad === undefined || willActivate === undefined) return undefined;
  return Math.max(0, willLoad - openedAt) + (willActivate - didLoad);
}

async function measure(id: string, file: string, ready: string): Promise<ProbeResult> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not installed in this VS Code.`);
  // Activated earlier, the figure would not include activation.
  if (extension.isActive) throw new Error(`${id} was active before the file was opened.`);
  const uri = vscode.Uri.file(file);
  const isOurs = (candidate: vscode.Uri) => candidate.toString() === uri.toString();
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
  const disposables: vscode.Disposable[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<ProbeResult>((resolve, reject) => {
      let opened: number | undefined;
      let openedAt = 0; // Date.now(), the clock of the marks
      disposables.push(
        vscode.workspace.onDidOpenTextDocument((document) => {
          if (!isOurs(document.uri) || opened !== undefined) return;
          opened = performance.now();
          openedAt = Date.now();
        }),
        vscode.languages.onDidChangeDiagnostics((event) => {
          if (opened === undefined || !event.uris.some(isOurs) || ours().length === 0) return;
          resolve({
            firstDiagnosticsMs: performance.now() - opened,
            beforeActivateMs: vscodeOwnTime(id, openedAt),
            openedAt,
            diagnosedAt: Date.now(),
            diagnostics: ours().length,
          });
        }),
      );
      if (vscode.workspace.textDocuments.some((document) => isOurs(document.uri)))
        reject(new Error(`${file} was open before the probe listened.`));
      writeFileSync(ready, '');
      timer = setTimeout(
        () => reject(new Error(`${file} was not opened, or got no diagnostics, within ${TIMEOUT_MS} ms`)),
        TIMEOUT_MS,
      );
    });
  } finally {
    clearTimeout(timer);
    for (const disposable of disposables) disposable.dispose();
  }
}

/** Resolves once `file` exists (the harness creates it), or after the timeout. */
function created(file: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dirname(file), (_event, name) => {
      if (name === basename(file)) finish();
    });
    const timer = setTimeout(finish, TIMEOUT_MS);
    function finish(): void {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
    if (existsSync(file)) finish();
  });
}

export async function run(): Promise<void> {
  const output = process.env.EKS_BENCH_VSCODE_PROBE;
  const file = process.env.EKS_BENCH_VSCODE_FILE;
  const id = process.env.EKS_BENCH_VSCODE_EXTENSION;
  const ready = process.env.EKS_BENCH_VSCODE_READY;
  const done = process.env.EKS_BENCH_VSCODE_DONE;
  if (!output || !file || !id || !SOURCE || !ready || !done)
    throw new Error('EKS_BENCH_VSCODE_PROBE, _FILE, _EXTENSION, _SOURCE, _READY and _DONE must be set.');
  let result: ProbeResult;
  try {
    result = await measure(id, file, ready);
  } catch (error) {
    result = { error: (error as Error).message };
    writeFileSync(ready, ''); // so the harness does not wait for a handshake that will not come
  }
  writeFileSync(output, `${JSON.stringify(result)}\n`);
  await created(done);
}
