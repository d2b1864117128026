// The VS Code side of the cluster commands: trust check, progress with cancellation, modal confirmation
// before any change, reports as Markdown previews, kubectl diff as a diff view, dry-run errors as
// diagnostics, and every command in the "EKS Networking" log. The work itself is in src/cluster.

import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  applyManifest,
  applyPlan,
  ClusterError,
  cniNodeRows,
  createClusterTools,
  dryRunManifest,
  ensureManifestText,
  isClusterError,
  listCniNodes,
  liveAndMerged,
  planEnable,
  readCniStatus,
  readNodePrefixes,
  renderCniNodes,
  renderDoctor,
  renderOutcome,
  renderPlan,
  renderPrefixes,
  renderStatus,
  runDoctor,
  type ClusterLog,
  type ClusterTools,
  type FeatureId,
} from '../../cluster';
import { readClusterSettings } from './settings';
import { RESTRICTED_MODE_MESSAGE } from './trust';
import { REPORT_SCHEME, ReportDocuments } from './views';

export const CLUSTER_COMMANDS = {
  showCniStatus: 'eksNetworking.showCniStatus',
  enablePodEni: 'eksNetworking.enableSecurityGroupsForPods',
  showCniNodes: 'eksNetworking.showCniNodes',
  enableCustomNetworking: 'eksNetworking.enableCustomNetworking',
  enablePrefixDelegation: 'eksNetworking.enablePrefixDelegation',
  showNodePrefixes: 'eksNetworking.showNodePrefixes',
  dryRunCurrentFile: 'eksNetworking.dryRunCurrentFile',
  diffCurrentFile: 'eksNetworking.diffCurrentFile',
  applyCurrentFile: 'eksNetworking.applyCurrentFile',
  networkingDoctor: 'eksNetworking.networkingDoctor',
} as const;

interface Run {
  tools: ClusterTools;
  signal: AbortSignal;
}

export function registerClusterCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  const reports = new ReportDocuments();
  const diagnostics = vscode.languages.createDiagnosticCollection('eks-networking-cluster');
  context.subscriptions.push(
    reports,
    diagnostics,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
  );
  const clusterLog: ClusterLog = {
    info: (message) => log.info(message),
    error: (message) => log.error(message),
  };

  /** Runs `work` with a cancellable progress notification; shows a ClusterError as one message. */
  async function withCluster<T>(title: string, work: (run: Run) => Promise<T>): Promise<T | undefined> {
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage(
        RESTRICTED_MODE_MESSAGE,
        'Manage Workspace Trust',
      );
      if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    try {
      return await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `EKS Networking: ${title}`,
          cancellable: true,
        },
        async (_progress, token) => {
          const controller = new AbortController();
          const subscription = token.onCancellationRequested(() => controller.abort());
          try {
            const tools = createClusterTools(readClusterSettings(), clusterLog);
            return await work({ tools, signal: controller.signal });
          } finally {
            subscription.dispose();
          }
        },
      );
    } catch (error) {
      await showError(error, log);
      return undefined;
    }
  }

  const register = (command: string, handler: () => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(command, handler));

  register(CLUSTER_COMMANDS.showCniStatus, async () => {
    const status = await withCluster('reading aws-node…', ({ tools, signal }) =>
      readCniStatus(tools.kubectl, signal),
    );
    if (status) await reports.showMarkdown('VPC CNI Status', renderStatus(status, 'markdown'));
  });

  register(CLUSTER_COMMANDS.showCniNodes, async () => {
    const result = await withCluster('reading CNINodes…', async ({ tools, signal }) => {
      const info = await tools.kubectl.contextInfo(signal);
      return renderCniNodes(info.context, cniNodeRows(await listCniNodes(tools.kubectl, signal)), 'markdown');
    });
    if (result) await reports.showMarkdown('CNINodes', result);
  });

  register(CLUSTER_COMMANDS.showNodePrefixes, async () => {
    const result = await withCluster('reading node prefixes…', async ({ tools, signal }) => {
      const info = tools.aws.settings.clusterName ? undefined : await tools.kubectl.contextInfo(signal);
      return readNodePrefixes(tools.aws, info, signal);
    });
    if (result) await reports.showMarkdown('Node Prefixes', renderPrefixes(result, 'markdown'));
  });

  register(CLUSTER_COMMANDS.networkingDoctor, async () => {
    const report = await withCluster('running the Networking Doctor…', ({ tools, signal }) =>
      runDoctor(tools.kubectl, tools.aws, signal),
    );
    if (report) await reports.showMarkdown('Networking Doctor', renderDoctor(report, 'markdown'));
  });

  const enable = (feature: FeatureId) => async () => {
    const plan = await withCluster('planning the change…', ({ tools, signal }) =>
      planEnable(tools.kubectl, feature, signal),
    );
    if (!plan) return;
    if (plan.changes.length === 0) {
      await vscode.window.showInformationMessage(
        `${plan.feature.title} is already on for context "${plan.context.context}"; nothing to change.`,
      );
      return;
    }
    const buttons = ['Change aws-node', 'Dry Run Only', ...(plan.addon ? ['Copy Add-on Command'] : [])];
    const choice = await vscode.window.showWarningMessage(
      `Enable ${plan.feature.title.toLowerCase()} on context "${plan.context.context}"?`,
      { modal: true, detail: renderPlan(plan, 'text') },
      ...buttons,
    );
    if (choice === 'Copy Add-on Command' && plan.addon) {
      await vscode.env.clipboard.writeText(plan.addon.command);
      await vscode.window.showInformationMessage(
        'Copied the "aws eks update-addon" command; merge its configuration values with your current add-on configuration before running it.',
      );
      return;
    }
    if (choice !== 'Change aws-node' && choice !== 'Dry Run Only') return;
    const dryRun = choice === 'Dry Run Only';
    const outcome = await withCluster(dryRun ? 'dry run…' : 'changing aws-node…', ({ tools, signal }) =>
      applyPlan(tools.kubectl, plan, { dryRun, signal }),
    );
    if (!outcome) return;
    log.info(renderOutcome(outcome));
    const next = feature === 'pod-eni' && !dryRun ? 'Show CNINodes' : undefined;
    const action = await vscode.window.showInformationMessage(outcome.message, ...(next ? [next] : []));
    if (action === next) await vscode.commands.executeCommand(CLUSTER_COMMANDS.showCniNodes);
  };
  register(CLUSTER_COMMANDS.enablePodEni, enable('pod-eni'));
  register(CLUSTER_COMMANDS.enableCustomNetworking, enable('custom-networking'));
  register(CLUSTER_COMMANDS.enablePrefixDelegation, enable('prefix-delegation'));

  register(CLUSTER_COMMANDS.dryRunCurrentFile, async () => {
    const document = activeYaml();
    if (!document) return;
    const result = await withCluster('server dry run…', ({ tools, signal }) =>
      dryRunManifest(tools.kubectl, ensureManifestText(document.getText()), signal),
    );
    if (!result) return;
    diagnostics.set(
      document.uri,
      result.problems.map((problem) => {
        const range = new vscode.Range(
          document.positionAt(problem.start),
          document.positionAt(Math.max(problem.end, problem.start)),
        );
        const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'kubectl (server dry run)';
        return diagnostic;
      }),
    );
    if (result.ok)
      await vscode.window.showInformationMessage(
        `The API server accepts ${path.basename(document.fileName)}: ${result.output.trim()}`,
      );
    else
      await vscode.window.showErrorMessage(
        `The API server rejected ${path.basename(document.fileName)}; see the Problems view.`,
      );
  });

  register(CLUSTER_COMMANDS.diffCurrentFile, async () => {
    const document = activeYaml();
    if (!document) return;
    const result = await withCluster('kubectl diff…', ({ tools, signal }) =>
      liveAndMerged(tools.kubectl, ensureManifestText(document.getText()), signal),
    );
    if (!result) return;
    const name = path.basename(document.fileName);
    await reports.showDiff(name, result.live, result.merged, `${name}: cluster ↔ after apply`);
  });

  register(CLUSTER_COMMANDS.applyCurrentFile, async () => {
    const document = activeYaml();
    if (!document) return;
    const target = await withCluster('reading the context…', ({ tools, signal }) =>
      tools.kubectl.contextInfo(signal),
    );
    if (!target) return;
    const name = path.basename(document.fileName);
    const choice = await vscode.window.showWarningMessage(
      `Apply ${name} to context "${target.context}"?`,
      {
        modal: true,
        detail: `Cluster: ${target.cluster} (${target.server})\nCommand: kubectl apply --filename=- < ${name}\n\nRun "Diff Current File" first to see what changes.`,
      },
      'Apply',
    );
    if (choice !== 'Apply') return;
    const output = await withCluster(`applying ${name}…`, ({ tools, signal }) =>
      applyManifest(tools.kubectl, ensureManifestText(document.getText()), signal),
    );
    if (output !== undefined) await vscode.window.showInformationMessage(output.trim() || `Applied ${name}.`);
  });
}

function activeYaml(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage('EKS Networking: open a YAML manifest in the editor first.');
    return undefined;
  }
  return document;
}

async function showError(error: unknown, log: vscode.LogOutputChannel): Promise<void> {
  if (isClusterError(error, 'cancelled')) {
    log.info((error as ClusterError).message);
    return;
  }
  const message =
    error instanceof ClusterError ? error.message : `Unexpected error: ${(error as Error).message}`;
  log.error(message);
  const settingsButton =
    error instanceof ClusterError &&
    ['tool-not-found', 'no-context', 'no-cluster-name', 'invalid-input', 'timeout'].includes(error.code)
      ? ['Open Settings']
      : [];
  const choice = await vscode.window.showErrorMessage(
    `EKS Networking: ${message}`,
    'Show Log',
    ...settingsButton,
  );
  if (choice === 'Show Log') log.show(true);
  if (choice === 'Open Settings')
    await vscode.commands.executeCommand('workbench.action.openSettings', 'eksNetworking');
}
