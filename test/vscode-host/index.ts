// Entry point VS Code loads as extensionTestsPath: runs inside the extension host of a real
// VS Code 1.99 (code-server) against the extension installed from the .vsix.
// Which suite runs is chosen by test/vscode/extensionHost.test.ts through the environment.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsTests, openAndWaitForPublish, recordPublishedDiagnostics } from './diagnosticsTests';
import { editorFeatureTests } from './editorFeatureTests';
import { completionTests } from './completionTests';
import { clusterHostTests, clusterRestrictedTests } from '../cluster/vscodeHostTests';
import { serverRestartTests } from './serverRestartTests';
import { installedFromVsixTest, manifestTests } from './manifestTests';
import { restrictedModeTests } from './restrictedModeTests';
import { connectivityHostTests } from './connectivityTests';
import { redHatYamlTests } from './redHatYamlTests';
import { walkthroughTests } from './walkthroughTests';
import { latticeHostTests } from './latticeTests';
import { runHostTests, type HostTest } from './runner';
import { codeOf, waitForDiagnostics } from './helpers';

function trustedSuite(): HostTest[] {
  return [
    installedFromVsixTest(process.env.EKS_VSCODE_EXTENSIONS_DIR),
    ...diagnosticsTests(),
    ...manifestTests(),
    ...editorFeatureTests(),
    ...latticeHostTests(),
    ...completionTests(),
    ...walkthroughTests(),
    ...clusterHostTests(),
    ...connectivityHostTests(),
    // Last: it kills the language server.
    ...serverRestartTests(),
  ];
}

function restrictedSuite(): HostTest[] {
  return [
    {
      name: 'the workspace is open in Restricted Mode',
      async run() {
        assert.equal(vscode.workspace.isTrusted, false);
      },
    },
    {
      name: 'diagnostics still appear in Restricted Mode',
      async run() {
        const editor = await openAndWaitForPublish('security-group-policy.yaml');
        await waitForDiagnostics(
          editor.document.uri,
          (all) => all.some((d) => codeOf(d) === 'SCH001'),
          'SCH001 on the top-level namespace',
        );
      },
    },
    ...clusterRestrictedTests(),
    ...restrictedModeTests(),
    // Reading manifests needs no trust.
    ...connectivityHostTests(),
  ];
}

export async function run(): Promise<void> {
  const suite = process.env.EKS_VSCODE_HOST_SUITE ?? 'trusted';
  recordPublishedDiagnostics();
  const tests =
    suite === 'restricted' ? restrictedSuite() : suite === 'redhat' ? redHatYamlTests() : trustedSuite();
  await runHostTests(tests, process.env.EKS_VSCODE_HOST_RESULTS);
}
