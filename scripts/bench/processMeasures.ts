// Measurements that run in their own fresh Node process, so each starts cold like the real thing:
// the bare `yaml` parse (the floor), CLI throughput, and extension activation.

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { summarize } from './stats';

/** Milliseconds `parseAllDocuments` takes on the file in a fresh process (first run, no warm-up). */
export function coldParseMs(projectRoot: string, file: string): number {
  const script = `
    const { readFileSync } = require('node:fs');
    const { parseAllDocuments } = require('yaml');
    const text = readFileSync(${JSON.stringify(file)}, 'utf8');
    const started = performance.now();
    const documents = parseAllDocuments(text);
    const ms = performance.now() - started;
    process.stdout.write(JSON.stringify({ ms, documents: documents.length }));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`parse floor failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { ms: number }).ms;
}

export interface CliRun {
  ms: number;
  documentsPerSecond: number;
  findings: number;
}

/** Wall time of `eksnet lint --format json FILE`, process start included. */
export function cliThroughput(cliPath: string, file: string, documents: number): CliRun {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cliPath, 'lint', '--format', 'json', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`eksnet lint exited ${run.status}: ${run.stderr}`);
  return { ms, documentsPerSecond: documents / (ms / 1000), findings: countFindings(run.stdout) };
}

function countFindings(json: string): number {
  const parsed = JSON.parse(json) as unknown;
  if (Array.isArray(parsed)) return parsed.length;
  const record = parsed as { diagnostics?: unknown[]; files?: Array<{ diagnostics?: unknown[] }> };
  if (Array.isArray(record.diagnostics)) return record.diagnostics.length;
  return (record.files ?? []).reduce((sum, item) => sum + (item.diagnostics?.length ?? 0), 0);
}

export interface ActivationRun {
  /** Loading dist/extension.js (what VS Code does before calling activate). */
  loadMs: number;
  /** The synchronous part of activate(), until it returns its promise. */
  activateCallMs: number;
  /** Until activate()'s promise settles: the language server has started and answered initialize. */
  activateResolvedMs?: number;
  note?: string;
}

/** Runs the activation probe (bundled next to the benchmark) in `runs` fresh processes; medians. */
export function measureActivation(
  probePath: string,
  extensionPath: string,
  vscodeTypings: string,
  runs = 5,
): ActivationRun {
  const results: ActivationRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, [probePath, extensionPath, vscodeTypings], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`activation probe failed: ${run.stderr || run.stdout}`);
    results.push(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ActivationRun);
  }
  const median = (values: Array<number | undefined>): number | undefined => {
    const known = values.filter((value): value is number => value !== undefined);
    return known.length === 0 ? undefined : summarize(known).median;
  };
  return {
    loadMs: median(results.map((run) => run.loadMs)) ?? Number.NaN,
    activateCallMs: median(results.map((run) => run.activateCallMs)) ?? Number.NaN,
    activateResolvedMs: median(results.map((run) => run.activateResolvedMs)),
    note: results.find((run) => run.note)?.note,
  };
}
