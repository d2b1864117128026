// `eksnet diff FILE` and `eksnet apply FILE [--dry-run] [--yes]`: the editor's Diff / Dry-run / Apply
// Current File for terminals. The file goes to kubectl on stdin; applying needs --yes or a "y".

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  applyManifest,
  createClusterTools,
  diffManifest,
  dryRunManifest,
  ensureManifestText,
  ClusterError,
} from '../../cluster';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CliIO } from '../io';
import { terminalConfirm, type Confirm } from './cni';
import { CLUSTER_OPTIONS_HELP, cliLog, parseClusterArgs, printJson, reportFailure } from './clusterOptions';

const DIFF_HELP = `Usage: eksnet diff FILE|- [options]

Shows what applying FILE would change (kubectl diff against a server-side dry run).
Exit status: 0 no differences, 1 differences or a cluster error, 2 usage error.

${CLUSTER_OPTIONS_HELP}`;

const APPLY_HELP = `Usage: eksnet apply FILE|- [--dry-run] [--yes] [options]

Applies FILE with kubectl apply. --dry-run asks the API server to validate it without changing
anything (problems are reported per document and field); otherwise --yes or a "y" at the prompt is
needed.

${CLUSTER_OPTIONS_HELP}`;

async function readManifest(name: string | undefined, io: CliIO): Promise<{ label: string; text: string }> {
  if (!name) throw new UsageError('name the manifest file (or - for standard input)');
  if (name === '-') return { label: 'standard input', text: await io.readStdin() };
  try {
    return { label: name, text: readFileSync(resolve(io.cwd, name), 'utf8') };
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${(error as Error).message}`);
  }
}

export const diffCommand: CliCommand = async (args, io) => {
  const options = parseClusterArgs(args, io);
  if (options.help) return (io.stdout(DIFF_HELP), EXIT_OK);
  if (options.positional.length > 1) throw new UsageError(`unexpected argument "${options.positional[1]}"`);
  const manifest = await readManifest(options.positional[0], io);
  const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
  try {
    const result = await diffManifest(tools.kubectl, ensureManifestText(manifest.text));
    if (options.format === 'json') printJson(io, result);
    else
      io.stdout(
        result.changed ? result.diff : `No differences: applying ${manifest.label} would change nothing.\n`,
      );
    return result.changed ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    return reportFailure(io, 'diff', error);
  }
};

export function makeApplyCommand(confirm: Confirm): CliCommand {
  return async (args, io) => {
    const options = parseClusterArgs(args, io, { yes: true, dryRun: true });
    if (options.help) return (io.stdout(APPLY_HELP), EXIT_OK);
    if (options.positional.length > 1) throw new UsageError(`unexpected argument "${options.positional[1]}"`);
    const manifest = await readManifest(options.positional[0], io);
    const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
    try {
      const text = ensureManifestText(manifest.text);
      if (options.dryRun) {
        const result = await dryRunManifest(tools.kubectl, text);
        if (options.format === 'json') printJson(io, result);
        else if (result.ok) io.stdout(result.output);
        else
          for (const problem of result.problems)
            io.stdout(`${manifest.label}:${lineOf(text, problem.start)}: ${problem.message}\n`);
        return result.ok ? EXIT_OK : EXIT_FINDINGS;
      }
      const context = await tools.kubectl.contextInfo();
      if (!options.yes) {
        const answer = await confirm(
          `Apply ${manifest.label} to context "${context.context}" (${context.cluster})? [y/N] `,
        );
        if (answer !== true) {
          const why = answer === undefined ? 'no --yes given and no terminal to ask on' : 'not confirmed';
          io.stderr(`eksnet apply: nothing changed (${why}); run again with --yes, or --dry-run to test.\n`);
          return EXIT_FINDINGS;
        }
      }
      const output = await applyManifest(tools.kubectl, text);
      if (options.format === 'json') printJson(io, { context: context.context, output });
      else io.stdout(output);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof ClusterError) return reportFailure(io, 'apply', error);
      throw error;
    }
  };
}

export const applyCommand: CliCommand = makeApplyCommand(terminalConfirm);

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
