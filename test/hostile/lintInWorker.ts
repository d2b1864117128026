// Runs the engine on one hostile input inside a worker thread, so the test can cap its memory
// (resourceLimits) and its time (terminate) without risking the test process itself. Besides
// linting, it runs every other engine entry point through the fuzzer's `checkText`.

import { parentPort, workerData, Worker } from 'node:worker_threads';
import { lintText, LineIndex } from '../../src/engine';
import { checkText, type Problem } from '../../scripts/fuzz/checks';
import { hostileInput, kubectlList } from './inputs';

export interface ReportedDiagnostic {
  code: string;
  message: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface WorkerOutcome {
  textLength: number;
  lintMs: number;
  /** The per-call limit, scaled by how fast this machine lints an ordinary file right now. */
  limitMs: number;
  diagnostics: ReportedDiagnostic[];
  /** Throws, slow calls and out-of-range results from the other entry points (should be empty). */
  problems: Problem[];
}

export interface WorkerRun {
  outcome?: WorkerOutcome;
  /** Why the worker did not answer: an exception, running out of memory, or the time limit. */
  failure?: string;
}

interface WorkerInput {
  name: string;
  timeLimitMs: number;
}

/**
 * `timeLimitMs` on a quiet machine, more when the same worker is slow on an ordinary file (a kubectl
 * List of 300 policies): a loaded machine must not fail the bound, a super-linear input still does.
 */
function scaledLimit(timeLimitMs: number): number {
  const ordinary = kubectlList(300);
  lintText(ordinary); // warm up the schemas and the code paths
  const started = performance.now();
  lintText(ordinary);
  return Math.max(timeLimitMs, 40 * (performance.now() - started));
}

function measure({ name, timeLimitMs: baseLimitMs }: WorkerInput): WorkerOutcome {
  const timeLimitMs = scaledLimit(baseLimitMs);
  const input = hostileInput(name);
  const text = input.build();
  const started = performance.now();
  const diagnostics = lintText(text, input.settings);
  const lintMs = performance.now() - started;
  const lines = new LineIndex(text);
  const problems = checkText(text, {
    timeLimitMs,
    settings: input.settings,
    // Typing the last character: the incremental path starts from the text without it.
    previousText: text.slice(0, -1),
    cursorProbes: 3,
  });
  return {
    textLength: text.length,
    lintMs,
    limitMs: timeLimitMs,
    problems,
    diagnostics: diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      start: lines.positionAt(d.range.start),
      end: lines.positionAt(d.range.end),
    })),
  };
}

/** Checks the named input in a worker with at most `memoryMB` of heap, answering within `timeoutMs`. */
export function lintInWorker(
  name: string,
  limits: { memoryMB: number; timeoutMs: number; timeLimitMs: number },
): Promise<WorkerRun> {
  return new Promise((resolve) => {
    const worker = new Worker(__filename, {
      workerData: { name, timeLimitMs: limits.timeLimitMs } satisfies WorkerInput,
      // A 1 MB stack, like the language server's main thread (workers get 4 MB by default).
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMB, stackSizeMb: 1 },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ failure: `no answer within ${limits.timeoutMs} ms` });
    }, limits.timeoutMs);
    worker.once('message', (outcome: WorkerOutcome) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ outcome });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ failure: error.stack ?? String(error) });
    });
  });
}

if (parentPort && workerData && typeof (workerData as WorkerInput).name === 'string') {
  parentPort.postMessage(measure(workerData as WorkerInput));
}
