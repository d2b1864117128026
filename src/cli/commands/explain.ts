// `eksnet explain FILE…`: the same plain-words explanation as the editor's "Explain Resource" view.
// The files are one run, as for `eksnet lint`: the notes of each resource are exactly the semantic
// findings `eksnet lint` reports on its lines with the same options.

import { checkRun, RULE_LEVELS, type EngineSettings } from '../../engine';
import { explainFile, type ResourceExplanation } from '../../engine/editing';
import { parseSettings, type RawSettings } from '../../shared/settings';
import { takeSettingsFlag, walkArgs } from '../args';
import { collectInputs, InputError, readInputFile } from '../inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io';
import { escapeControls } from '../output/escape';

const FORMATS = ['text', 'json'] as const;
type ExplainFormat = (typeof FORMATS)[number];

const HELP = `Usage: eksnet explain [options] [--] FILE…

Explains in plain words what each resource in the files does: for a NetworkPolicy which pods it
selects, what traffic is allowed and denied, and the EKS caveats; for a SecurityGroupPolicy and an
ENIConfig what the AWS controllers do with it; for a Gateway API route on VPC Lattice which
requests go to which backends, through which service network, under which auth policy (the
Gateway, Services and policies are read from the files too). Its notes are the findings
\`eksnet lint\` reports for the resource with the same options (the files are checked together,
as one lint run). Directories are searched for *.yaml and *.yml; "-" reads standard input; "--"
ends the options.

Options:
  --format text|json           text (default), or one JSON record per resource:
                               {file, line, endLine, kind, namespace, name, markdown, notes}
  --rule CODE=${RULE_LEVELS.join('|')}
                               change one rule's level (repeatable)
  --target eks|generic         include EKS caveats (default eks)
  --cluster-ip-family ipv4|ipv6
  --max-file-size-mb N         read at most N MB of each file (default 10)
  --lattice-gateway-class NAME a GatewayClass handled by the AWS Gateway API
                               Controller (VPC Lattice), besides those FILE shows

Exit status: 0 explained, 1 nothing to explain, 2 usage or I/O error.
`;

/** One resource in `--format json`; lines are 1-based. */
export interface ExplainRecord {
  file: string;
  line: number;
  endLine: number;
  kind: string;
  namespace: string | null;
  name: string | null;
  markdown: string;
  notes: { code: string; severity: string; message: string }[];
}

export async function explainCommand(args: string[], io: CliIO): Promise<number> {
  const raw: RawSettings & { rules: Record<string, unknown> } = { rules: {} };
  const paths: string[] = [];
  let help = false;
  let format = 'text' as ExplainFormat;
  walkArgs(
    args,
    (flag, value) => {
      if (flag === '--help' || flag === '-h') help = true;
      else if (flag === '--format') {
        const chosen = value();
        if (!(FORMATS as readonly string[]).includes(chosen))
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${chosen}"`);
        format = chosen as ExplainFormat;
      } else return takeSettingsFlag(flag, value, raw);
      return true;
    },
    (path) => paths.push(path),
    'eksnet explain --help',
  );
  if (help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (paths.length === 0) throw new UsageError('give a FILE (or - for standard input)');
  if (paths.filter((path) => path === '-').length > 1)
    throw new UsageError('"-" (standard input) can be given only once');
  const { engine: settings, warnings } = parseSettings(raw, 'cli');
  for (const warning of warnings) io.stderr(`eksnet explain: warning: ${warning}\n`);

  const inputs: { name: string; text: string }[] = [];
  let unreadable = 0;
  for (const input of collectInputs(paths, io.cwd)) {
    try {
      if (input.kind === 'problem') throw new InputError(input.message);
      const text =
        input.kind === 'stdin'
          ? await io.readStdin(settings.maxFileSizeMB)
          : readInputFile(input.file, io.cwd, settings.maxFileSizeMB);
      // As `eksnet lint` does: a lone CR ends a line too.
      const name = input.kind === 'stdin' ? '<stdin>' : input.file;
      inputs.push({ name, text: text.replace(/\r(?!\n)/g, '\n') });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // One file named on the command line that cannot be read is a usage error, as before.
      if (paths.length === 1 && input.kind !== 'problem') throw new UsageError(error.message);
      io.stderr(`eksnet explain: ${error.message}\n`);
      unreadable++;
    }
  }
  const explanations = explainRun(inputs, settings);
  if (explanations.length === 0) {
    const where = paths.length === 1 ? escapeControls(paths[0]) : 'the files given';
    io.stderr(
      `eksnet explain: nothing to explain in ${where} (no NetworkPolicy, SecurityGroupPolicy, ENIConfig, Gateway API or Lattice resource).\n`,
    );
    return unreadable > 0 ? EXIT_USAGE : EXIT_FINDINGS;
  }
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(explanations.map(toRecord), null, 2)}\n`
      : explanations.map(({ explanation }) => explanation.text).join('\n'),
  );
  return unreadable > 0 ? EXIT_USAGE : EXIT_OK;
}

/** Every resource of the files, explained with the diagnostics of one lint run over them. */
function explainRun(
  inputs: readonly { name: string; text: string }[],
  settings: EngineSettings,
): { file: string; explanation: ResourceExplanation }[] {
  return checkRun(inputs, settings).flatMap(({ name, manifest, diagnostics, workspace }) =>
    explainFile(manifest, settings, diagnostics, workspace).map((explanation) => ({
      file: name,
      explanation,
    })),
  );
}

function toRecord({ file, explanation }: { file: string; explanation: ResourceExplanation }): ExplainRecord {
  const { resource } = explanation;
  return {
    file,
    line: explanation.line,
    endLine: explanation.endLine,
    kind: resource.kind,
    namespace: resource.resource.scope === 'Cluster' ? null : (resource.namespace ?? null),
    name: resource.name ?? null,
    markdown: explanation.text,
    notes: explanation.notes.map(({ code, severity, message }) => ({ code, severity, message })),
  };
}
