// The status bar item naming the kubeconfig context the cluster commands will act on, in the
// warning colour when its name looks like production. It reads the kubeconfig files (runs nothing)
// and follows the settings and the files. A click offers the kubeconfig's contexts (from
// `kubectl config get-contexts -o name`) and the Networking Doctor; choosing a context sets
// eksNetworking.context (workspace settings when a folder is open), never the kubeconfig itself.

import { watch, type FSWatcher } from 'node:fs';
import * as vscode from 'vscode';
import { currentContextIn, kubeconfigFiles } from '../../cluster';
import { CLUSTER_COMMAND_IDS } from '../../shared/commands';
import { ClusterSession } from './session';
import { readClusterSettings } from './settings';

/** prod, prd, production or live as a word of the name (`eks-prod-1`, `arn:…:cluster/prod`), not `product`. */
export function looksLikeProduction(context: string): boolean {
  return /(?:^|[^a-z0-9])(?:prod|prd|production|live)(?:[^a-z0-9]|$)/i.test(context);
}

/** The context the commands will act on, as the status bar shows it, and where it comes from. */
export function displayedContext(): { context: string | undefined; from: 'setting' | 'kubeconfig' } {
  const settings = readClusterSettings();
  if (settings.context) return { context: settings.context, from: 'setting' };
  const files = kubeconfigFiles(settings.kubeconfig, process.env);
  return { context: currentContextIn(files), from: 'kubeconfig' };
}

export function registerContextStatusBar(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('eksNetworking.context', vscode.StatusBarAlignment.Left, 10);
  item.name = 'EKS Networking: Kubernetes context';
  item.command = CLUSTER_COMMAND_IDS.selectContext;
  let watchers: FSWatcher[] = [];

  const watchKubeconfig = () => {
    for (const watcher of watchers) watcher.close();
    watchers = [];
    // `kubectl config use-context` rewrites the file: follow it (a rename replaces the watched inode).
    for (const file of kubeconfigFiles(readClusterSettings().kubeconfig, process.env)) {
      try {
        watchers.push(watch(file, { persistent: false }, () => (refresh(), watchKubeconfigSoon())));
      } catch {
        // a file that cannot be watched still shows its context; it just does not follow changes
      }
    }
  };
  let rewatch: NodeJS.Timeout | undefined;
  const watchKubeconfigSoon = () => {
    clearTimeout(rewatch);
    rewatch = setTimeout(watchKubeconfig, 200);
  };

  const refresh = () => {
    if (!vscode.workspace.isTrusted) {
      item.hide();
      return;
    }
    const { context: name, from } = displayedContext();
    item.text = `$(server-environment) ${name ?? 'no context'}`;
    const production = name !== undefined && looksLikeProduction(name);
    item.backgroundColor = production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.tooltip = new vscode.MarkdownString(
      [
        name
          ? `EKS Networking cluster commands act on context **${escapeMarkdown(name)}**${production ? ' (looks like production)' : ''}.`
          : 'No Kubernetes context is selected.',
        from === 'setting'
          ? 'Chosen with the eksNetworking.context setting.'
          : "The kubeconfig's current context.",
        'Click to choose another context or run the Networking Doctor.',
      ].join('\n\n'),
    );
    item.show();
  };

  context.subscriptions.push(
    item,
    { dispose: () => (watchers.forEach((w) => w.close()), clearTimeout(rewatch)) },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('eksNetworking')) return;
      refresh();
      watchKubeconfig();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => (refresh(), watchKubeconfig())),
  );
  refresh();
  if (vscode.workspace.isTrusted) watchKubeconfig();
}

const DOCTOR = '$(pulse) Run Networking Doctor';
const USE_CURRENT = "$(discard) Use the kubeconfig's current context";

/** The status bar item's click (CLUSTER_COMMAND_IDS.selectContext). */
export async function selectContext(log: vscode.LogOutputChannel): Promise<string | undefined> {
  const session = ClusterSession.start(log);
  if (!session) return undefined;
  const contexts = await session.step('reading the kubeconfig contexts…', (signal) =>
    session.tools.kubectl.listContexts(signal),
  );
  if (!contexts) return undefined;
  const shown = displayedContext();
  const items: vscode.QuickPickItem[] = [
    ...contexts.map((name) => ({
      label: name,
      description: name === shown.context ? 'in use' : looksLikeProduction(name) ? 'production?' : undefined,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...(shown.from === 'setting' ? [{ label: USE_CURRENT }] : []),
    { label: DOCTOR },
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title: 'EKS Networking: context for the cluster commands',
    placeHolder: 'Sets eksNetworking.context (your kubeconfig is not changed)',
  });
  if (!choice) return undefined;
  if (choice.label === DOCTOR) {
    await vscode.commands.executeCommand(CLUSTER_COMMAND_IDS.networkingDoctor);
    return undefined;
  }
  const value = choice.label === USE_CURRENT ? undefined : choice.label;
  // Workspace settings when a folder is open: another window keeps its own context.
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('eksNetworking').update('context', value, target);
  session.info(
    value
      ? `eksNetworking.context is now "${value}" (${target === vscode.ConfigurationTarget.Workspace ? 'workspace' : 'user'} settings).`
      : "eksNetworking.context cleared: the kubeconfig's current context is used.",
  );
  return value;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
