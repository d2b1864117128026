// `eksnet cni status` and `eksnet cni enable pod-eni|custom-networking|prefix-delegation`.
// A change is always shown as a plan first and made only after --yes or a "yes" at the prompt.

import { createInterface } from 'node:readline';
import {
  applyPlan,
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
import { CLUSTER_OPTIONS_HELP, runClusterSession, parseClusterArgs, printJson } from './clusterOptions';

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

/** Asks a yes/no question; undefined when no answer comes (standard input closed or empty). */
export type Confirm = (question: string) => Promise<boolean | undefined>;

/**
 * Asks on stderr and reads the answer from standard input: typed at a terminal or piped in
 * (`echo y | eksnet …`). End of input without an answer is "no answer", so nothing changes.
 */
export const terminalConfirm: Confirm = async (question) => {
  const prompt = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY === true && process.stderr.isTTY === true,
  });
  try {
    return await new Promise<boolean | undefined>((resolve) => {
      prompt.once('close', () => resolve(undefined));
      // Ctrl+C at the prompt is a "no".
      prompt.once('SIGINT', () => prompt.close());
      prompt.question(question, (answer) => resolve(/^y(es)?$/i.test(answer.trim())));
    });
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

async function status(args: string[], rawIO: CliIO): Promise<number> {
  const options = parseClusterArgs(args, rawIO);
  if (options.help) return (rawIO.stdout(HELP), EXIT_OK);
  if (options.positional.length > 0) throw new UsageError(`unexpected argument "${options.positional[0]}"`);
  return runClusterSession(options, rawIO, 'cni status', async ({ tools, io, signal }) => {
    const result = await readCniStatus(tools.kubectl, signal);
    if (options.format === 'json') printJson(io, statusJson(result));
    else io.stdout(renderStatus(result, 'text'));
    return EXIT_OK;
  });
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

async function enable(args: string[], rawIO: CliIO, confirm: Confirm): Promise<number> {
  const options = parseClusterArgs(args, rawIO, { yes: true, dryRun: true });
  if (options.help) return (rawIO.stdout(HELP), EXIT_OK);
  const [featureName, extra] = options.positional;
  const feature = featureName ? featureById(featureName) : undefined;
  if (!feature) throw new UsageError(`name a feature to enable: ${Object.keys(FEATURES).join(', ')}`);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const json = options.format === 'json';
  return runClusterSession(options, rawIO, 'cni enable', async ({ tools, io, signal }) => {
    const plan = await planEnable(tools.kubectl, feature.id, signal);
    const planJson = {
      feature: plan.feature.id,
      context: plan.target.context,
      cluster: plan.target.cluster,
      server: plan.target.server,
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
      const answer = await confirm(
        tools.redactor.redact(`Change aws-node on context "${plan.target.context}"? [y/N] `),
      );
      if (answer !== true) {
        const why = answer === undefined ? 'no --yes given and no answer on standard input' : 'not confirmed';
        if (json) printJson(io, { plan: planJson, applied: false, dryRun: false, reason: why });
        io.stderr(
          `eksnet cni enable: nothing changed (${why}); run again with --yes to apply, or --dry-run to test.\n`,
        );
        return EXIT_FINDINGS;
      }
    }
    // The plan carries its target: the change goes there, whatever the current context is by now.
    const outcome = await applyPlan(tools.kubectl, plan, { dryRun: options.dryRun, signal });
    if (json)
      printJson(io, { plan: planJson, applied: !outcome.dryRun, dryRun: outcome.dryRun, result: outcome });
    else io.stdout(`\n${renderOutcome(outcome)}`);
    return EXIT_OK;
  });
}
