// Enable Security Groups for Pods / Custom Networking / Prefix Delegation: plan, a modal dialog
// whose default is the safe choice, then the change on the plan's own target (never the context
// that happens to be current after the dialog), and the real outcome, also after a timeout or cancel.

import * as vscode from 'vscode';
import { applyPlan, planEnable, planTitle, renderOutcome, renderPlan, type FeatureId } from '../../cluster';
import { CLUSTER_COMMAND_IDS } from '../../shared/commands';
import { ClusterSession } from './session';

export const DRY_RUN_ONLY = 'Dry Run Only';
export const CHANGE_AWS_NODE = 'Change aws-node';
export const COPY_COMMAND = 'Copy Command';
export const COPY_ADDON_COMMAND = 'Copy Add-on Command';

export function enableFeature(feature: FeatureId, log: vscode.LogOutputChannel) {
  return async (): Promise<unknown> => {
    const session = ClusterSession.start(log);
    if (!session) return undefined;
    const plan = await session.step('planning the change…', (signal) =>
      planEnable(session.tools.kubectl, feature, signal),
    );
    if (!plan) return undefined;
    if (plan.changes.length === 0) {
      void vscode.window.showInformationMessage(
        session.redact(
          `${plan.feature.title} is already on for context "${plan.target.context}"; nothing to change.`,
        ),
      );
      return undefined;
    }
    // The safe choice comes first, so it is the dialog's default button; Cancel is added by VS Code.
    const buttons = [
      DRY_RUN_ONLY,
      CHANGE_AWS_NODE,
      COPY_COMMAND,
      ...(plan.addon ? [COPY_ADDON_COMMAND] : []),
    ];
    const choice = await vscode.window.showWarningMessage(
      session.redact(planTitle(plan)),
      { modal: true, detail: session.redact(renderPlan(plan, 'text', { dialog: true })) },
      ...buttons,
    );
    if (choice === COPY_COMMAND || (choice === COPY_ADDON_COMMAND && plan.addon)) {
      const command = choice === COPY_COMMAND ? plan.commandLine : plan.addon!.command;
      await vscode.env.clipboard.writeText(command);
      void vscode.window.showInformationMessage(
        choice === COPY_COMMAND
          ? 'Copied the kubectl command; aws-node was not changed.'
          : 'Copied the "aws eks update-addon" command; merge its configuration values with your current add-on configuration before running it.',
      );
      return undefined;
    }
    if (choice !== CHANGE_AWS_NODE && choice !== DRY_RUN_ONLY) {
      session.info(`Not confirmed: aws-node on context "${plan.target.context}" was not changed.`);
      return undefined;
    }
    const dryRun = choice === DRY_RUN_ONLY;
    // Same session (settings read when the command started) and the plan's own target.
    const outcome = await session.step(dryRun ? 'dry run…' : 'changing aws-node…', (signal) =>
      applyPlan(session.tools.kubectl, plan, { dryRun, signal }),
    );
    if (!outcome) return undefined;
    session.info(renderOutcome(outcome));
    const next = feature === 'pod-eni' && !dryRun ? 'Show CNINodes' : undefined;
    const show = outcome.interrupted
      ? vscode.window.showWarningMessage
      : vscode.window.showInformationMessage;
    void show(session.redact(outcome.message), ...(next ? [next] : [])).then((action) => {
      if (action && action === next) void vscode.commands.executeCommand(CLUSTER_COMMAND_IDS.showCniNodes);
    });
    return outcome;
  };
}
