// `eksnet diff FILE` and `eksnet apply FILE [--dry-run] [--yes]`: the editor's Diff / Dry-run / Apply
// Current File for terminals. The file goes to kubectl on stdin; applying needs --yes or a "y".

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyManifest, diffManifest, dryRunManifest, ensureManifestText } from '../../cluster';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliCommand, type CliIO } from '../io';
import { terminalConfirm, type Confirm } from './cni';
import { CLUSTER_OPTIONS_HELP, runClusterSession, parseClusterArgs, printJson } from './clusterOptions';

const DIFF_HELP = `Usage: eksnet diff FILE|- [options]

Shows what applying FILE would change (kubectl diff against a server-side dry run).
Exit status: 0 no differences, 1 differences or a cluster error, 2 usage error.

${CLUSTER_OPTIONS_HELP}`;

const APPLY_HELP = `Usage: eksnet apply FILE|- [--dry-run] [--yes] [options]

Applies FILE with kubectl apply. --dry-run asks the API server to validate it without changing
anything (problems are reported per document and field); otherwise --yes or a "y" at the prompt is
needed (FILE - reads the manifest from standard input, so it needs --yes). The file is read once:
what was shown is what is sent, to the context named in the prompt.

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

export const diffCommand: CliCommand = async (args, rawIO) => {
  const options = parseClusterArgs(args, rawIO);
  if (options.help) return (rawIO.stdout(DIFF_HELP), EXIT_OK);
  if (options.positional.length > 1) throw new UsageError(`unexpected argument "${options.positional[1]}"`);
  const manifest = await readManifest(options.positional[0], rawIO);
  return runClusterSession(options, rawIO, 'diff', async ({ tools, io, signal }) => {
    const result = await diffManifest(tools.kubectl, ensureManifestText(manifest.text), signal);
    if (options.format === 'json')
      printJson(io, { context: result.target.context, changed: result.changed, diff: result.diff });
    else
      io.stdout(
        result.changed ? result.diff : `No differences: applying ${manifest.label} would change nothing.\n`,
      );
    return result.changed ? EXIT_FINDINGS : EXIT_OK;
  });
};

export function makeApplyCommand(confirm: Confirm): CliCommand {
  return async (args, rawIO) => {
    const options = parseClusterArgs(args, rawIO, { yes: true, dryRun: true });
    if (options.help) return (rawIO.stdout(APPLY_HELP), EXIT_OK);
    if (options.positional.length > 1) throw new UsageError(`unexpected argument "${options.positional[1]}"`);
    const fromStdin = options.positional[0] === '-';
    if (fromStdin && !options.yes && !options.dryRun)
      throw new UsageError(
        'the manifest comes on standard input, so no answer can be read there; add --yes (check it first with --dry-run or eksnet diff)',
      );
    const manifest = await readManifest(options.positional[0], rawIO);
    return runClusterSession(options, rawIO, 'apply', async ({ tools, io, signal }) => {
      const text = ensureManifestText(manifest.text);
      if (options.dryRun) {
        const result = await dryRunManifest(tools.kubectl, text, signal);
        if (options.format === 'json')
          printJson(io, {
            context: result.target.context,
            ok: result.ok,
            output: result.output,
            problems: result.problems,
          });
        else if (result.ok) io.stdout(result.output);
        else
          for (const problem of result.problems)
            io.stdout(`${manifest.label}:${lineOf(text, problem.start)}: ${problem.message}\n`);
        return result.ok ? EXIT_OK : EXIT_FINDINGS;
      }
      const target = await tools.kubectl.resolveTarget(signal);
      if (!options.yes) {
        const answer = await confirm(
          tools.redactor.redact(
            `Apply ${manifest.label} to context "${target.context}" (cluster ${target.cluster} at ${target.server})? [y/N] `,
          ),
        );
        if (answer !== true) {
          const why =
            answer === undefined ? 'no --yes given and no answer on standard input' : 'not confirmed';
          io.stderr(`eksnet apply: nothing changed (${why}); run again with --yes, or --dry-run to test.\n`);
          return EXIT_FINDINGS;
        }
      }
      // The text read above, to the target named in the prompt (re-checked before it is sent).
      const result = await applyManifest(tools.kubectl, target, text, { label: manifest.label, signal });
      if (options.format === 'json')
        printJson(io, {
          context: target.context,
          output: result.output,
          interrupted: result.interrupted ?? null,
        });
      else io.stdout(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
      return EXIT_OK;
    });
  };
}

export const applyCommand: CliCommand = makeApplyCommand(terminalConfirm);

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
