// VS Code loads an extension's code, then fetches its storage from the workbench, and only then
// calls activate(): the loader (dist/extension.js, src/client/loader.ts) starts the language server
// in that time. Checked with the real bundles and a stand-in `vscode` module, in a process of its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIST, PROJECT_ROOT } from '../support/paths';
import type { LoaderProbeResult } from '../support/loaderProbe';

const PROBE = join(PROJECT_ROOT, 'out', 'test', 'support', 'loaderProbe.js');
const TYPINGS = join(PROJECT_ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts');

test('loading the extension starts one server process before activate(); a failed activation stops it', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [PROBE, join(DIST, 'extension.js'), TYPINGS],
    {
      timeout: 60_000,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoaderProbeResult;
  assert.equal(result.beforeActivate.length, 1, 'one dist/server.js process once the code is loaded');
  assert.ok(result.activateError, 'the stand-in context made activate() fail');
  assert.equal(result.stoppedAfterFailure, true, 'the unused server process was stopped');
});
