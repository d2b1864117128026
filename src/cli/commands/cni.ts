// `eksnet cni status` and `eksnet cni enable pod-eni|custom-networking|prefix-delegation`.
// A change is always shown as a plan first and made only after --yes or a "yes" at the prompt.

import { createInterface } from 'node:readline';
import {
  applyPlan,
  createClusterTools,
  featureById,
  FEATURES,
  planEnable,
  readCniStatus,
  renderOutcome,
  renderPlan,
  renderStatus,
  type CniStatus,
} from '../../cluster';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CliIO } from '../io';
import { CLUSTER_OPTIONS_HELP, cliLog, parseClusterArgs, printJson, reportFailure } from './clusterOptions';

const HELP = `Usage: eksnet cni status [options]
       eksnet cni enable ${Object.keys(FEATURES).join('|')} [--dry-run] [--yes] [options]

status   the VPC CNI version and networking settings of aws-node, and network policy enforcement
enable   switch a feature on: prints the plan (context, command, settings before → after), asks for
         confirmation (or takes --yes), changes aws-node, then reads it back
  --dry-run   send the change as a server-side dry run; nothing is changed
  --yes       make the change without asking

${CLUSTER_OPTIONS_HELP}
Exit status: 0 done, 1 cluster error or change not confirmed, 2 usage error.
`;

/** Asks a yes/no question; undefined when there is no terminal to ask on. */
export type Confirm = (question: string) => Promise<boolean | undefined>;

export const terminalConfirm: Confirm = async (question) => {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await new Promise<string>((resolve) => prompt.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
};

export function makeCniCommand(confirm: Confirm): CliCommand {
  return async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      io.stdout(HELP);
      return sub === undefined ? 2 : EXIT_OK;
    }
    if (sub === 'status') return status(rest, io);
    if (sub === 'enable') return enable(rest, io, confirm);
    throw new UsageError(`unknown subcommand "${sub}"; use "status" or "enable"`);
  };
}

export const cniCommand: CliCommand = makeCniCommand(terminalConfirm);

async function status(args: string[], io: CliIO): Promise<number> {
  const options = parseClusterArgs(args, io);
  if (options.help) return (io.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
  try {
    const result = await readCniStatus(tools.kubectl);
    if (options.format === 'json') printJson(io, statusJson(result));
    else io.stdout(renderStatus(result, 'text'));
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, 'cni status', error);
  }
}

export function statusJson(status: CniStatus): unknown {
  return {
    context: status.context,
    version: status.version ?? null,
    image: status.image ?? null,
    managedBy: status.owner.kind,
    settings: Object.fromEntries(
      status.settings.map((s) => [s.name, { value: s.value ?? null, effective: s.effective }]),
    ),
    networkPolicy: status.networkPolicy,
  };
}

async function enable(args: string[], io: CliIO, confirm: Confirm): Promise<number> {
  const options = parseClusterArgs(args, io, { yes: true, dryRun: true });
  if (options.help) return (io.stdout(HELP), EXIT_OK);
  const [featureName, extra] = options.positional;
  const feature = featureName ? featureById(featureName) : undefined;
  if (!feature) throw new UsageError(`name a feature to enable: ${Object.keys(FEATURES).join(', ')}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const json = options.format === 'json';
  const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
  try {
    const plan = await planEnable(tools.kubectl, feature.id);
    const planJson = {
      feature: plan.feature.id,
      context: plan.context.context,
      cluster: plan.context.cluster,
      version: plan.version ?? null,
      changes: plan.changes,
      command: plan.commandLine,
      warnings: plan.warnings,
      caveats: plan.caveats,
      managedBy: plan.owner.kind,
      addon: plan.addon ?? null,
    };
    if (!json) io.stdout(renderPlan(plan, 'text'));
    if (plan.changes.length === 0) {
      if (json) printJson(io, { plan: planJson, applied: false, dryRun: options.dryRun });
      return EXIT_OK;
    }
    if (!options.dryRun && !options.yes) {
      const answer = await confirm(`Change aws-node on context "${plan.context.context}"? [y/N] `);
      if (answer !== true) {
        const why = answer === undefined ? 'no --yes given and no terminal to ask on' : 'not confirmed';
        if (json) printJson(io, { plan: planJson, applied: false, dryRun: false, reason: why });
        io.stderr(
          `eksnet cni enable: nothing changed (${why}); run again with --yes to apply, or --dry-run to test.\n`,
        );
        return EXIT_FINDINGS;
      }
    }
    const outcome = await applyPlan(tools.kubectl, plan, { dryRun: options.dryRun });
    if (json)
      printJson(io, { plan: planJson, applied: !outcome.dryRun, dryRun: outcome.dryRun, result: outcome });
    else io.stdout(`\n${renderOutcome(outcome)}`);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, 'cni enable', error);
  }
}
