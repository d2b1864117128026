// Runs the suite in test/vscode-host inside the extension host of a real VS Code 1.99 (code-server),
// with the extension installed from the .vsix that `npm run package` builds. Each result from inside
// VS Code becomes its own subtest here.

import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildVsix, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import { runHostSuite, RESULTS_ENV, type HostSuiteRun } from '../../scripts/vscode/workbench';
import { FIXTURES, PROJECT_ROOT } from '../support/paths';

const SUITE_DIR = join(PROJECT_ROOT, 'out', 'test', 'vscode-host');
const WORKSPACE = join(FIXTURES, 'vscode', 'workspace');

let vsix = '';
before(() => {
  vsix = buildVsix('extension-host').vsix;
});

async function runSuite(name: string, suite: string, trustWorkspace: boolean): Promise<HostSuiteRun> {
  let session: VsCodeSession | undefined;
  try {
    const resultsFile = join(PROJECT_ROOT, 'test-results', 'vscode', `${name}-results.json`);
    session = await startSession({
      name,
      workspaceSource: WORKSPACE,
      trustWorkspace,
      vsix,
      env: { [RESULTS_ENV]: resultsFile, EKS_VSCODE_HOST_SUITE: suite },
    });
    return await runHostSuite({
      tools: session.tools,
      server: session.server,
      suiteDir: SUITE_DIR,
      resultsFile,
      artifactsDir: session.dir,
    });
  } finally {
    await session?.stop();
  }
}

async function reportResults(t: TestContext, run: HostSuiteRun): Promise<void> {
  assert.ok(
    run.results.length > 0,
    `the suite inside VS Code reported no results (exit ${run.exitCode}):\n${run.log.slice(-60).join('\n')}`,
  );
  for (const result of run.results) {
    await t.test(result.name, { todo: result.todo }, () => {
      if (!result.ok) assert.fail(result.error ?? 'failed');
    });
  }
  const counted = run.results.filter((r) => !r.todo);
  assert.equal(run.exitCode, counted.every((r) => r.ok) ? 0 : 1, 'VS Code exit code');
}

test('in a trusted workspace the installed extension passes the extension-host suite', async (t) => {
  await reportResults(t, await runSuite('host-trusted', 'trusted', true));
});

test('in Restricted Mode diagnostics still work and cluster commands refuse', async (t) => {
  await reportResults(t, await runSuite('host-restricted', 'restricted', false));
});
