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
      log.warn(RESTRICTED_MODE_MESSAGE);
      // Not awaited: a notification stays until dismissed, and the command should finish now.
      void vscode.window
        .showWarningMessage(RESTRICTED_MODE_MESSAGE, 'Manage Workspace Trust')
        .then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
        });
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
      showError(error, log);
      return undefined;
    }
  }

  const register = (command: string, handler: () => Promise<unknown>) =>
    context.subscriptions.push(vscode.commands.registerCommand(command, handler));

  /** Each read-only command shows its report and also returns the Markdown (for other commands and tests). */
  const showReport = async (name: string, markdown: string | undefined): Promise<string | undefined> => {
    if (markdown !== undefined) await reports.showMarkdown(name, markdown);
    return markdown;
  };

  register(CLUSTER_COMMANDS.showCniStatus, async () => {
    const status = await withCluster('reading aws-node…', ({ tools, signal }) =>
      readCniStatus(tools.kubectl, signal),
    );
    return showReport('VPC CNI Status', status && renderStatus(status, 'markdown'));
  });

  register(CLUSTER_COMMANDS.showCniNodes, async () => {
    const markdown = await withCluster('reading CNINodes…', async ({ tools, signal }) => {
      const info = await tools.kubectl.contextInfo(signal);
      return renderCniNodes(info.context, cniNodeRows(await listCniNodes(tools.kubectl, signal)), 'markdown');
    });
    return showReport('CNINodes', markdown);
  });

  register(CLUSTER_COMMANDS.showNodePrefixes, async () => {
    const report = await withCluster('reading node prefixes…', async ({ tools, signal }) => {
      const info = tools.aws.settings.clusterName ? undefined : await tools.kubectl.contextInfo(signal);
      return readNodePrefixes(tools.aws, info, signal);
    });
    return showReport('Node Prefixes', report && renderPrefixes(report, 'markdown'));
  });

  register(CLUSTER_COMMANDS.networkingDoctor, async () => {
    const report = await withCluster('running the Networking Doctor…', ({ tools, signal }) =>
      runDoctor(tools.kubectl, tools.aws, signal),
    );
    return showReport('Networking Doctor', report && renderDoctor(report, 'markdown'));
  });

  const enable = (feature: FeatureId) => async () => {
    const plan = await withCluster('planning the change…', ({ tools, signal }) =>
      planEnable(tools.kubectl, feature, signal),
    );
    if (!plan) return undefined;
    if (plan.changes.length === 0) {
      void vscode.window.showInformationMessage(
        `${plan.feature.title} is already on for context "${plan.context.context}"; nothing to change.`,
      );
      return undefined;
    }
    const buttons = ['Change aws-node', 'Dry Run Only', ...(plan.addon ? ['Copy Add-on Command'] : [])];
    const choice = await vscode.window.showWarningMessage(
      `Enable ${plan.feature.title.toLowerCase()} on context "${plan.context.context}"?`,
      { modal: true, detail: renderPlan(plan, 'text') },
      ...buttons,
    );
    if (choice === 'Copy Add-on Command' && plan.addon) {
      await vscode.env.clipboard.writeText(plan.addon.command);
      void vscode.window.showInformationMessage(
        'Copied the "aws eks update-addon" command; merge its configuration values with your current add-on configuration before running it.',
      );
      return undefined;
    }
    if (choice !== 'Change aws-node' && choice !== 'Dry Run Only') {
      log.info(`Not confirmed: aws-node on context "${plan.context.context}" was not changed.`);
      return undefined;
    }
    const dryRun = choice === 'Dry Run Only';
    const outcome = await withCluster(dryRun ? 'dry run…' : 'changing aws-node…', ({ tools, signal }) =>
      applyPlan(tools.kubectl, plan, { dryRun, signal }),
    );
    if (!outcome) return undefined;
    log.info(renderOutcome(outcome));
    const next = feature === 'pod-eni' && !dryRun ? 'Show CNINodes' : undefined;
    void vscode.window.showInformationMessage(outcome.message, ...(next ? [next] : [])).then((action) => {
      if (action && action === next) void vscode.commands.executeCommand(CLUSTER_COMMANDS.showCniNodes);
    });
    return outcome;
  };
  register(CLUSTER_COMMANDS.enablePodEni, enable('pod-eni'));
  register(CLUSTER_COMMANDS.enableCustomNetworking, enable('custom-networking'));
  register(CLUSTER_COMMANDS.enablePrefixDelegation, enable('prefix-delegation'));

  register(CLUSTER_COMMANDS.dryRunCurrentFile, async () => {
    const document = activeYaml();
    if (!document) return undefined;
    const result = await withCluster('server dry run…', ({ tools, signal }) =>
      dryRunManifest(tools.kubectl, ensureManifestText(document.getText()), signal),
    );
    if (!result) return undefined;
    diagnostics.set(
      document.uri,
      result.problems.map((problem) => {
        const range = new vscode.Range(
          document.positionAt(problem.start),
          document.positionAt(Math.max(problem.end, problem.start)),
        );
        const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = DRY_RUN_SOURCE;
        return diagnostic;
      }),
    );
    const name = path.basename(document.fileName);
    if (result.ok)
      void vscode.window.showInformationMessage(`The API server accepts ${name}: ${result.output.trim()}`);
    else void vscode.window.showErrorMessage(`The API server rejected ${name}; see the Problems view.`);
    return result;
  });

  register(CLUSTER_COMMANDS.diffCurrentFile, async () => {
    const document = activeYaml();
    if (!document) return undefined;
    const result = await withCluster('kubectl diff…', ({ tools, signal }) =>
      liveAndMerged(tools.kubectl, ensureManifestText(document.getText()), signal),
    );
    if (!result) return undefined;
    const name = path.basename(document.fileName);
    await reports.showDiff(name, result.live, result.merged, `${name}: cluster ↔ after apply`);
    return result;
  });

  register(CLUSTER_COMMANDS.applyCurrentFile, async () => {
    const document = activeYaml();
    if (!document) return undefined;
    const target = await withCluster('reading the context…', ({ tools, signal }) =>
      tools.kubectl.contextInfo(signal),
    );
    if (!target) return undefined;
    const name = path.basename(document.fileName);
    const choice = await vscode.window.showWarningMessage(
      `Apply ${name} to context "${target.context}"?`,
      {
        modal: true,
        detail: `Cluster: ${target.cluster} (${target.server})\nCommand: kubectl apply --filename=- < ${name}\n\nRun "Diff Current File" first to see what changes.`,
      },
      'Apply',
    );
    if (choice !== 'Apply') return undefined;
    const output = await withCluster(`applying ${name}…`, ({ tools, signal }) =>
      applyManifest(tools.kubectl, ensureManifestText(document.getText()), signal),
    );
    if (output !== undefined) void vscode.window.showInformationMessage(output.trim() || `Applied ${name}.`);
    return output;
  });
}

export const DRY_RUN_SOURCE = 'kubectl (server dry run)';

function activeYaml(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'yaml') {
    void vscode.window.showWarningMessage('EKS Networking: open a YAML manifest in the editor first.');
    return undefined;
  }
  return document;
}

function showError(error: unknown, log: vscode.LogOutputChannel): void {
  if (isClusterError(error, 'cancelled')) {
    log.info(error.message);
    return;
  }
  const message =
    error instanceof ClusterError ? error.message : `Unexpected error: ${(error as Error).message}`;
  log.error(message);
  const offerSettings =
    error instanceof ClusterError &&
    ['tool-not-found', 'no-context', 'no-cluster-name', 'invalid-input', 'timeout'].includes(error.code);
  void vscode.window
    .showErrorMessage(`EKS Networking: ${message}`, 'Show Log', ...(offerSettings ? ['Open Settings'] : []))
    .then((choice) => {
      if (choice === 'Show Log') log.show(true);
      if (choice === 'Open Settings')
        void vscode.commands.executeCommand('workbench.action.openSettings', 'eksNetworking');
    });
}
