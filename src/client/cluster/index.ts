// The cluster commands at activation: every id is registered at once, but their code (kubectl and
// aws runners, reports, dialogs, the kubeconfig's YAML parser) is a bundle of its own,
// dist/clusterCommands.js (features.ts), loaded the first time a cluster command runs, or for the
// context status bar item once the first diagnostics are out (src/extension.ts), so that opening a
// YAML file does not wait for it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { CLUSTER_COMMAND_IDS } from '../../shared/commands';
import type { ClusterCommands } from './features';

/** Next to dist/extension.js in the package; scripts/build.mjs writes it. */
const CLUSTER_BUNDLE = 'clusterCommands.js';

export interface ClusterFeatures {
  /**
   * Loads the cluster code in `delayMs` (which also shows the context status bar item), unless it
   * is loaded, or due, before then; nothing once the extension is deactivated.
   */
  loadIn(delayMs: number): void;
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
  let timer: NodeJS.Timeout | undefined;
  let due = Number.POSITIVE_INFINITY;
  context.subscriptions.push({
    dispose() {
      clearTimeout(timer);
      due = Number.NEGATIVE_INFINITY; // nothing is scheduled any more
    },
  });
  return {
    loadIn(delayMs) {
      if (commands || Date.now() + delayMs >= due) return;
      clearTimeout(timer);
      due = Date.now() + delayMs;
      timer = setTimeout(() => void load(), delayMs);
    },
  };
}
