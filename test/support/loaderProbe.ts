// Loads the extension's entry point (dist/extension.js) with the benchmark's stand-in `vscode`
// module, in a process of its own, and reports which language server processes it started: once its
// code is loaded but before activate() is called, and after an activate() that fails.
// Usage: node loaderProbe.js EXTENSION_JS VSCODE_D_TS   (prints one JSON line)

import { installFakeVscode } from '../../scripts/bench/activationProbe';
import { childProcessesRunning } from './processes';

export interface LoaderProbeResult {
  /** Server processes once the code is loaded and the event loop has turned, before activate(). */
  beforeActivate: number[];
  activateError?: string;
  /** Whether those processes were gone within 20 s of the failed activation. */
  stoppedAfterFailure: boolean;
}

const servers = (): number[] => childProcessesRunning(process.pid, 'dist/server.js').map((p) => p.pid);

async function gone(deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (servers().length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20)); // poll interval: no event for another's child
  }
  return true;
}

async function main(): Promise<void> {
  const [extensionPath, typingsPath] = process.argv.slice(2);
  installFakeVscode(typingsPath);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(extensionPath) as { activate(context: unknown): Promise<void> };
  await new Promise((resolve) => setImmediate(resolve));
  const result: LoaderProbeResult = { beforeActivate: servers(), stoppedAfterFailure: false };
  try {
    // No `subscriptions`: activate() fails on its first line, as a broken activation would.
    await extension.activate({});
  } catch (error) {
    result.activateError = (error as Error).message;
  }
  result.stoppedAfterFailure = await gone(20_000);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

void main();
