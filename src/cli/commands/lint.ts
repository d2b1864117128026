// `eksnet lint`: the same checks as the editor, for terminals and CI.

import { lintTexts, LineIndex, RULE_LEVELS, type Diagnostic, type EngineSettings } from '../../engine';
import { parseSettings, type RawSettings } from '../../shared/settings';
import { takeSettingsFlag, walkArgs } from '../args';
import { collectInputs, InputError, readInputFile } from '../inputs';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIO } from '../io';
import { formatOutput, type LintRecord, type OutputFormat } from '../output/lintOutput';
import { formatSarif } from '../output/sarif';

type LintFormat = OutputFormat | 'sarif';

const FORMATS: readonly LintFormat[] = ['text', 'json', 'sarif'];

const HELP = `Usage: eksnet lint [options] [--] PATHS…

Checks NetworkPolicy, SecurityGroupPolicy, ENIConfig, Gateway API and VPC Lattice
documents in YAML files.
Directories are searched for *.yaml and *.yml (symbolic links are followed);
"-" reads standard input. "--" ends the options: later arguments are paths.

Options:
  --format text|json|sarif     output format (default text; sarif is SARIF 2.1.0)
  --rule CODE=${RULE_LEVELS.join('|')}
                               change one rule's level (repeatable)
  --target eks|generic         include EKS network policy agent caveats (default eks)
  --cluster-ip-family ipv4|ipv6
  --max-file-size-mb N         read at most N MB of each file (default 10); larger
                               files are not checked and make the exit status 2
  --lattice-gateway-class NAME a GatewayClass handled by the AWS Gateway API
                               Controller (VPC Lattice), besides those the files
                               show (repeatable, or comma-separated)
  --lattice-listeners-per-service N
                               the account's Lattice listeners-per-service quota (2)
  --lattice-rules-per-listener N
                               the account's Lattice rules-per-listener quota (5)

A setting with a bad value is named in a warning on stderr and ignored.
Paths that cannot be read are named on stderr, one line each; the rest is linted.

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error (something was not checked).
`;

interface LintOptions {
  format: LintFormat;
  settings: EngineSettings;
  /** Settings values that were ignored, one sentence each. */
  warnings: string[];
  paths: string[];
}

export function parseLintArgs(args: string[]): LintOptions | 'help' {
  let format: LintFormat = 'text';
  let help = false;
  const raw: RawSettings & { rules: Record<string, unknown> } = { rules: {} };
  const paths: string[] = [];
  walkArgs(
    args,
    (flag, value) => {
      if (flag === '--help' || flag === '-h') help = true;
      else if (flag === '--format') {
        const chosen = value() as LintFormat;
        if (!FORMATS.includes(chosen))
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${chosen}"`);
        format = chosen;
      } else return takeSettingsFlag(flag, value, raw);
      return true;
    },
    (path) => paths.push(path),
    'eksnet lint --help',
  );
  if (help) return 'help';
  if (paths.length === 0) throw new UsageError('no paths given; pass files, directories or - for stdin');
  // Standard input can be read only once: a second "-" would find it empty and pass unchecked.
  if (paths.filter((path) => path === '-').length > 1)
    throw new UsageError('"-" (standard input) can be given only once');
  const { engine, warnings } = parseSettings(raw, 'cli');
  return { format, settings: engine, warnings, paths };
}

export async function lintCommand(args: string[], io: CliIO): Promise<number> {
  const options = parseLintArgs(args);
  if (options === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  for (const warning of options.warnings) io.stderr(`eksnet lint: warning: ${warning}\n`);
  const inputs: { name: string; text: string }[] = [];
  // What could not be checked: named on stderr as it happens, counted in the summary, exit 2.
  const unchecked: string[] = [];
  const problem = (message: string): void => {
    unchecked.push(message);
    io.stderr(`eksnet lint: ${message}\n`);
  };
  const limitMB = options.settings.maxFileSizeMB;
  for (const input of collectInputs(options.paths, io.cwd)) {
    if (input.kind === 'problem') {
      problem(input.message);
      continue;
    }
    let text: string;
    try {
      text =
        input.kind === 'stdin' ? await io.readStdin(limitMB) : readInputFile(input.file, io.cwd, limitMB);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problem(error.message);
      continue;
    }
    // YAML also ends lines at a lone CR (old Mac files); turning it into LF keeps every offset and
    // lets line numbers count it.
    text = text.replace(/\r(?!\n)/g, '\n');
    inputs.push({ name: input.kind === 'stdin' ? '<stdin>' : input.file, text });
  }
  // One run: the cross-resource checks (another policy already allowing DNS, duplicates) see every file.
  const results = lintTexts(inputs, options.settings);
  const records = inputs.flatMap(({ name, text }, index) => toRecords(name, text, results[index]));
  io.stdout(
    options.format === 'sarif'
      ? formatSarif(records, unchecked)
      : formatOutput(options.format, records, unchecked.length),
  );
  if (unchecked.length > 0) return EXIT_USAGE;
  return records.some((record) => record.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

function toRecords(file: string, text: string, diagnostics: Diagnostic[]): LintRecord[] {
  const lines = new LineIndex(text);
  return diagnostics.map((diagnostic) => {
    const start = lines.positionAt(diagnostic.range.start);
    const end = lines.positionAt(diagnostic.range.end);
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
      path: diagnostic.path,
    };
  });
}
