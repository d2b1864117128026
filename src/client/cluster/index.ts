// The cluster commands at activation: every id is registered at once, but their code (kubectl and
// aws runners, reports, dialogs, the kubeconfig's YAML parser) is a bundle of its own,
// dist/clusterCommands.js (features.ts), loaded the first time a cluster command runs or the context
// status bar item is shown, so opening a YAML file does not pay for it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { CLUSTER_COMMAND_IDS } from '../../shared/commands';
import type { ClusterCommands } from './features';

/** Next to dist/extension.js in the package; scripts/build.mjs writes it. */
const CLUSTER_BUNDLE = 'clusterCommands.js';

export interface ClusterFeatures {
  /** Loads the cluster code if it is not loaded yet, which also shows the context status bar item. */
  load(): void;
}

export function registerClusterCommands(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): ClusterFeatures {
  let commands: ClusterCommands | undefined;
  const load = (): ClusterCommands => {
    if (!commands) {
      // A plain require at run time: esbuild leaves it alone, so the bundle stays separate.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bundle = require(path.join(__dirname, CLUSTER_BUNDLE)) as typeof import('./features');
      commands = bundle.createClusterCommands(context, log);
    }
    return commands;
  };
  for (const id of Object.values(CLUSTER_COMMAND_IDS)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, (...args: unknown[]) => load()[id](...args)),
    );
  }
  return { load: () => void load() };
}
