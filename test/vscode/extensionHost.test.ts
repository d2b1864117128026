// Runs the suite in test/vscode-host inside the extension host of a real VS Code 1.99 (code-server),
// with the extension installed from the .vsix that `npm run package` builds. Each result from inside
// VS Code becomes its own subtest here.

import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildVsix, RESULTS_ROOT, startSession, type VsCodeSession } from '../../scripts/vscode/session';
import {
  buildRedHatYamlStandIn,
  YAML_LANGUAGE_SERVER_ENV,
  yamlLanguageServerModule,
} from '../../scripts/vscode/redHatYamlStandIn';
import { runHostSuite, RESULTS_ENV, type HostSuiteRun } from '../../scripts/vscode/workbench';
import { FIXTURES, PROJECT_ROOT } from '../support/paths';

const SUITE_DIR = join(PROJECT_ROOT, 'out', 'test', 'vscode-host');
const WORKSPACE = join(FIXTURES, 'vscode', 'workspace');

let vsix = '';
before(() => {
  vsix = buildVsix('extension-host').vsix;
});

interface SuiteOptions {
  trustWorkspace: boolean;
  workspaceSource?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  otherExtensions?: string[];
}

async function runSuite(name: string, suite: string, options: SuiteOptions): Promise<HostSuiteRun> {
  let session: VsCodeSession | undefined;
  try {
    const resultsFile = join(PROJECT_ROOT, 'test-results', 'vscode', `${name}-results.json`);
    session = await startSession({
      name,
      workspaceSource: options.workspaceSource ?? WORKSPACE,
      trustWorkspace: options.trustWorkspace,
      vsix,
      otherExtensions: options.otherExtensions,
      settings: options.settings,
      env: { [RESULTS_ENV]: resultsFile, EKS_VSCODE_HOST_SUITE: suite, ...options.env },
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
  await reportResults(t, await runSuite('host-trusted', 'trusted', { trustWorkspace: true }));
});

test('in Restricted Mode diagnostics still work and cluster commands refuse', async (t) => {
  await reportResults(t, await runSuite('host-restricted', 'restricted', { trustWorkspace: false }));
});

test('beside Red Hat YAML (a stand-in running yaml-language-server) nothing is reported, hovered or completed twice', async (t) => {
  const name = 'host-redhat';
  const standIn = await buildRedHatYamlStandIn(join(RESULTS_ROOT, `${name}-stand-in`));
  // The strict Kubernetes stand-in schema, mapped to every YAML file as users map `kubernetes`.
  const schema = join(RESULTS_ROOT, name, 'workspace', 'kubernetes-strict.schema.json');
  const run = await runSuite(name, 'redhat', {
    trustWorkspace: true,
    workspaceSource: join(FIXTURES, 'redhat-yaml'),
    settings: {
      'yaml.schemas': { [schema]: '*.yaml' },
      'yaml.schemaStore.enable': false,
      'yaml.kubernetesCRDStore.enable': false,
    },
    env: { [YAML_LANGUAGE_SERVER_ENV]: yamlLanguageServerModule() },
    otherExtensions: [standIn],
  });
  await reportResults(t, run);
});
