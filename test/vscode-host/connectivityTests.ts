// The connectivity commands inside a real VS Code, trusted or in Restricted Mode (they only read
// manifests): Show Connectivity on a folder (as the Explorer's context menu runs it) returns its
// flows, and Can A Reach B? answers with the deciding rules on both sides, or the missing piece.

import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EDITOR_COMMAND_IDS } from '../../src/shared/commands';
import type { CanReachResult, ConnectivityResult } from '../../src/shared/protocol';
import type { HostTest } from './runner';

/** The fixture is read where it is (the suite runs from out/test/vscode-host of the project). */
const FOLDER = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'vscode', 'connectivity-workspace');

export function connectivityHostTests(): HostTest[] {
  return [
    {
      name: 'Show Connectivity on a folder lists its flows; Can A Reach B? answers yes with the deciding rules, or no with the missing piece',
      timeoutMs: 60_000,
      async run() {
        try {
          const result = await vscode.commands.executeCommand<ConnectivityResult>(
            EDITOR_COMMAND_IDS.showConnectivity,
            vscode.Uri.file(FOLDER),
          );
          // The folder's five files, and whatever documents other tests left open.
          assert.ok(result.files >= 5, `${result.files} files`);
          assert.deepEqual(
            result.flows
              .filter((flow) => flow.dst === 'shop/api[Deployment]')
              .map((flow) => `${flow.src} ${flow.conn}`),
            ['monitoring/prometheus[Deployment] TCP 9090', 'shop/web[Deployment] TCP 9090'],
          );

          const yes = await vscode.commands.executeCommand<CanReachResult>(EDITOR_COMMAND_IDS.canReach, {
            src: 'shop/web[Deployment]',
            dst: 'shop/api[Deployment]',
            protocol: 'TCP',
            port: 9090,
          });
          assert.equal(yes.answer?.allowed, true);
          const egress = yes.answer?.egress.deciding ?? [];
          assert.deepEqual(
            egress.map((rule) => rule.label),
            ['shop/web egress rule 1'],
          );
          assert.equal(
            egress[0].location?.uri,
            vscode.Uri.file(join(FOLDER, 'policies', 'web.yaml')).toString(),
          );
          assert.equal(egress[0].location?.line, 19);
          assert.deepEqual(
            yes.answer?.ingress.deciding.map((rule) => rule.label),
            ['shop/api ingress rule 1'],
          );

          const no = await vscode.commands.executeCommand<CanReachResult>(EDITOR_COMMAND_IDS.canReach, {
            src: 'monitoring/prometheus[Deployment]',
            dst: 'shop/db[StatefulSet]',
            protocol: 'TCP',
            port: 5432,
          });
          assert.equal(no.answer?.allowed, false);
          assert.equal(no.answer?.egress.passes, true, 'prometheus is not isolated for egress');
          assert.equal(
            no.answer?.ingress.reason,
            'No ingress rule of shop/db or shop/default-deny allows it (ingress from monitoring/prometheus[Deployment] on TCP 5432).',
          );
        } finally {
          await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
      },
    },
  ];
}
