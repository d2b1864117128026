// `npm run fuzz`: mutates every file of the real-world corpus over and over and checks each result
// with `checkText`. Cases are spread over worker threads; a watchdog replaces a worker that stops
// making progress (a hang) and records the case it was stuck on. Every finding is saved under
// test/fixtures/fuzz-regressions/ so `npm test` replays it from then on.
//
// Options: --cases N (100000)  --seed S (random)  --workers W (CPUs, at most 4)
//          --time-limit-ms MS (1000)  --hang-ms MS (10000)

import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkText, type Problem } from './checks';
import { generateCase } from './mutations';
import { loadSeeds, saveRegression } from './seeds';

interface RunOptions {
  cases: number;
  seed: number;
  workers: number;
  timeLimitMs: number;
  hangMs: number;
  root: string;
}

interface WorkerInput extends RunOptions {
  /** This worker runs cases first, first + stride, first + 2 * stride, ... */
  first: number;
  stride: number;
  /** Shared with the main thread: slot 0 holds the case the worker is on (-1 when done). */
  progress: SharedArrayBuffer;
}

type WorkerMessage =
  | { type: 'finding'; index: number; problems: Problem[] }
  | { type: 'noise'; index: number }
  | { type: 'done'; checked: number };

function readOptions(argv: string[], root: string): RunOptions {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at === -1) return fallback;
    const parsed = Number(argv[at + 1]);
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new Error(`${flag} needs a number, got "${argv[at + 1]}"`);
    return parsed;
  };
  return {
    cases: value('--cases', 100_000),
    seed: value('--seed', Math.floor(Math.random() * 2 ** 31)),
    workers: Math.max(1, value('--workers', Math.min(4, availableParallelism()))),
    timeLimitMs: value('--time-limit-ms', 1000),
    hangMs: value('--hang-ms', 10_000),
    root,
  };
}

/** Timing is noisy on a busy machine: a slow case counts only if it is slow on three more tries. */
function confirmSlow(text: string, previousText: string, timeLimitMs: number): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    const again = checkText(text, { timeLimitMs, previousText, cursorProbes: 3 });
    if (!again.some((problem) => problem.type === 'slow')) return false;
  }
  return true;
}

function workerMain(input: WorkerInput): void {
  const seeds = loadSeeds(input.root);
  const progress = new Int32Array(input.progress);
  let checked = 0;
  for (let index = input.first; index < input.cases; index += input.stride) {
    Atomics.store(progress, 0, index);
    const fuzzCase = generateCase(seeds, input.seed, index);
    const previousText = seeds[index % seeds.length].text;
    let problems = checkText(fuzzCase.text, {
      timeLimitMs: input.timeLimitMs,
      previousText,
      cursorProbes: 3,
    });
    if (problems.length > 0 && problems.every((p) => p.type === 'slow')) {
      if (!confirmSlow(fuzzCase.text, previousText, input.timeLimitMs)) {
        parentPort?.postMessage({ type: 'noise', index } satisfies WorkerMessage);
        problems = [];
      }
    }
    if (problems.length > 0)
      parentPort?.postMessage({ type: 'finding', index, problems } satisfies WorkerMessage);
    checked++;
  }
  Atomics.store(progress, 0, -1);
  parentPort?.postMessage({ type: 'done', checked } satisfies WorkerMessage);
}

/** Groups findings by what went wrong and where, so one bug hit 500 times is reported once. */
function signature(problem: Problem): string {
  const firstFrame = problem.detail.split('\n').find((line) => line.trim().startsWith('at ')) ?? '';
  const what =
    problem.type === 'throw'
      ? problem.detail.split('\n')[0]
      : problem.type === 'range'
        ? problem.detail.replace(/\d+/g, 'N')
        : '';
  const where = `${problem.type} in ${problem.entryPoint.replace(/\(\d+\)/, '')}:`;
  return [where, what, firstFrame.trim()].filter(Boolean).join(' ');
}

async function main(): Promise<void> {
  const root = process.cwd();
  const options = readOptions(process.argv.slice(2), root);
  const seeds = loadSeeds(root);
  console.log(
    `fuzz: ${options.cases} cases from ${seeds.length} seed files, seed ${options.seed}, ` +
      `${options.workers} workers, limit ${options.timeLimitMs} ms per entry point`,
  );
  const started = Date.now();
  const bySignature = new Map<string, { count: number; fixture: string }>();
  let checked = 0;
  let noisy = 0;
  let hangs = 0;
  /** Per worker slot: the case it is on, to report progress. */
  const current = new Map<number, number>();

  const record = (index: number, problems: Problem[]): void => {
    const fuzzCase = generateCase(seeds, options.seed, index);
    for (const problem of problems) {
      // Slowness has no stack to tell two causes apart; the mutations that led to it are the best guess.
      const key =
        problem.type === 'slow'
          ? `${signature(problem)} after ${fuzzCase.mutations.join(', ')}`
          : signature(problem);
      const known = bySignature.get(key);
      if (known) {
        known.count++;
        continue;
      }
      const description =
        `${key} (seed ${options.seed}, case ${index}, from ${fuzzCase.seedName} ` +
        `by ${fuzzCase.mutations.join(', ')})`;
      const fixture = saveRegression(root, fuzzCase.text, description);
      bySignature.set(key, { count: 1, fixture });
      console.log(
        `finding: ${description}\n  saved as ${fixture}\n  ${problem.detail.split('\n').slice(0, 4).join('\n  ')}`,
      );
    }
  };

  const runWorker = (first: number, stride: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const progress = new SharedArrayBuffer(4);
      const view = new Int32Array(progress);
      Atomics.store(view, 0, first);
      const input: WorkerInput = { ...options, first, stride, progress };
      // A memory blow-up ends the worker with an error (recorded below) instead of the whole run.
      const worker = new Worker(__filename, {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: 2048 },
      });
      let lastIndex = first;
      let lastMove = Date.now();
      let finished = false;
      const watchdog = setInterval(() => {
        const index = Atomics.load(view, 0);
        current.set(first % stride, index < 0 ? options.cases : index);
        if (index !== lastIndex) {
          lastIndex = index;
          lastMove = Date.now();
        } else if (index >= 0 && Date.now() - lastMove > options.hangMs) {
          // Stuck on one case: keep it, replace the worker and carry on after it.
          finished = true;
          clearInterval(watchdog);
          hangs++;
          record(index, [
            { type: 'slow', entryPoint: 'checkText', detail: `no result after ${options.hangMs} ms` },
          ]);
          void worker.terminate().then(() => runWorker(index + stride, stride).then(resolve, reject));
        }
      }, 250);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'finding') record(message.index, message.problems);
        else if (message.type === 'noise') noisy++;
        else checked += message.checked;
      });
      worker.on('error', (error) => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        const index = Atomics.load(view, 0);
        record(index, [{ type: 'throw', entryPoint: 'worker', detail: error.stack ?? String(error) }]);
        runWorker(index + stride, stride).then(resolve, reject);
      });
      worker.on('exit', () => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        resolve();
      });
    });

  const report = setInterval(() => {
    const seconds = (Date.now() - started) / 1000;
    const done = Math.min(...[...current.values()], options.cases);
    console.log(
      `  ... ${seconds.toFixed(0)} s, about ${done} cases, ${bySignature.size} distinct findings so far`,
    );
  }, 15_000);
  await Promise.all(Array.from({ length: options.workers }, (_, first) => runWorker(first, options.workers)));
  clearInterval(report);

  const seconds = (Date.now() - started) / 1000;
  const total = [...bySignature.values()].reduce((sum, entry) => sum + entry.count, 0);
  console.log(
    `\nfuzz: ${checked + hangs} cases in ${seconds.toFixed(1)} s (${Math.round((checked + hangs) / seconds)}/s), ` +
      `${bySignature.size} distinct findings (${total} occurrences, ${hangs} hangs), ` +
      `${noisy} slow cases that were fast on retry`,
  );
  for (const [key, { count, fixture }] of bySignature) console.log(`  ${count} x ${key} -> ${fixture}`);
  if (bySignature.size > 0) {
    console.log('Findings are saved in test/fixtures/fuzz-regressions/ and replayed by npm test.');
    process.exitCode = 1;
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
} else {
  workerMain(workerData as WorkerInput);
}
