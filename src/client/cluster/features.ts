// The VS Code side of the cluster commands, as one table of command id → handler. The work itself is
// in src/cluster; each handler runs one ClusterSession (settings read once, trust checked, progress,
// errors, redacted log). Dialogs and reports live in the files next to this one.
// Bundled on its own (dist/clusterCommands.js) and loaded by index.ts on first use.

import * as vscode from 'vscode';
import { CLUSTER_COMMAND_IDS, type ClusterCommandId } from '../../shared/commands';
import { enableFeature } from './changeCommands';
import { applyCurrentFile, diffCurrentFile, dryRunCurrentFile } from './manifestCommands';
import { REPORTS, showReport } from './reportCommands';
import { registerContextStatusBar, selectContext } from './statusBar';
import { REPORT_SCHEME, ReportDocuments } from './views';

export type ClusterCommands = Record<ClusterCommandId, (...args: unknown[]) => Promise<unknown>>;

/** Creates the cluster commands' state and the context status bar item; returns the handlers. */
export function createClusterCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): ClusterCommands {
  const reports = new ReportDocuments();
  const diagnostics = vscode.languages.createDiagnosticCollection('eks-networking-cluster');
  context.subscriptions.push(
    reports,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
  );
  registerContextStatusBar(context);
  return {
    [CLUSTER_COMMAND_IDS.selectContext]: () => selectContext(log),
    [CLUSTER_COMMAND_IDS.showCniStatus]: showReport(REPORTS.status, log, reports),
    [CLUSTER_COMMAND_IDS.showCniNodes]: showReport(REPORTS.cniNodes, log, reports),
    [CLUSTER_COMMAND_IDS.showNodePrefixes]: showReport(REPORTS.prefixes, log, reports),
    [CLUSTER_COMMAND_IDS.networkingDoctor]: showReport(REPORTS.doctor, log, reports),
    [CLUSTER_COMMAND_IDS.showLatticeStatus]: showReport(REPORTS.lattice, log, reports),
    [CLUSTER_COMMAND_IDS.enablePodEni]: enableFeature('pod-eni', log),
    [CLUSTER_COMMAND_IDS.enableCustomNetworking]: enableFeature('custom-networking', log),
    [CLUSTER_COMMAND_IDS.enablePrefixDelegation]: enableFeature('prefix-delegation', log),
    [CLUSTER_COMMAND_IDS.dryRunCurrentFile]: dryRunCurrentFile(log, diagnostics),
    [CLUSTER_COMMAND_IDS.diffCurrentFile]: diffCurrentFile(log, reports),
    [CLUSTER_COMMAND_IDS.applyCurrentFile]: applyCurrentFile(log, diagnostics),
  };
}
