// A small sequential test runner for the extension host. node:test cannot report from inside VS Code,
// so each result is logged (shown in the workbench log) and written to a JSON file the harness reads.

import { writeFileSync } from 'node:fs';

export interface HostTest {
  name: string;
  run(): Promise<void>;
  timeoutMs?: number;
  /** Set while the feature is still being built: the test runs and reports, but does not fail the run. */
  todo?: string;
  /** When this test fails the rest cannot pass (e.g. the extension did not activate): stop there. */
  gate?: boolean;
}

export interface HostTestResult {
  name: string;
  ok: boolean;
  todo?: string;
  error?: string;
  durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

async function withTimeout(test: HostTest): Promise<void> {
  const timeoutMs = test.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([test.run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the tests one after another; throws when any failed so VS Code exits with code 1. */
export async function runHostTests(tests: HostTest[], resultsFile: string | undefined): Promise<void> {
  const results: HostTestResult[] = [];
  let blockedBy: string | undefined;
  for (const test of tests) {
    const started = Date.now();
    if (blockedBy) {
      results.push({
        name: test.name,
        ok: false,
        todo: test.todo,
        error: `not run: "${blockedBy}" failed`,
        durationMs: 0,
      });
      continue;
    }
    try {
      await withTimeout(test);
      results.push({ name: test.name, ok: true, todo: test.todo, durationMs: Date.now() - started });
      console.log(`ok - ${test.name}`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({
        name: test.name,
        ok: false,
        todo: test.todo,
        error: message,
        durationMs: Date.now() - started,
      });
      console.error(`not ok - ${test.name}\n${message}`);
      if (test.gate) blockedBy = test.name;
    }
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  }
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  const failed = results.filter((result) => !result.ok && !result.todo).length;
  if (failed > 0) throw new Error(`${failed} of ${results.length} extension-host tests failed.`);
}
