// `eksnet lint`: the same checks as the editor, for terminals and CI.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { lintText, LineIndex, type Diagnostic, type EngineSettings, type RuleLevel } from '../../engine';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIO } from '../io';
import { formatOutput, type LintRecord, type OutputFormat } from '../output/lintOutput';
import { formatSarif } from '../output/sarif';

type LintFormat = OutputFormat | 'sarif';

const FORMATS: readonly LintFormat[] = ['text', 'json', 'sarif'];
const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

const HELP = `Usage: eksnet lint [options] PATHS…

Checks NetworkPolicy, SecurityGroupPolicy and ENIConfig documents in YAML files.
Directories are searched for *.yaml and *.yml; "-" reads standard input.

Options:
  --format text|json|sarif     output format (default text; sarif is SARIF 2.1.0)
  --rule CODE=off|info|warning|error
                               change one rule's severity (repeatable)
  --target eks|generic         include EKS network policy agent caveats (default eks)
  --cluster-ip-family ipv4|ipv6
  --max-file-size-mb N         skip files larger than N MB (default 10)

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

interface LintOptions {
  format: LintFormat;
  settings: Partial<EngineSettings>;
  paths: string[];
}

export function parseLintArgs(args: string[]): LintOptions | 'help' {
  const options: LintOptions = { format: 'text', settings: { rules: {} }, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--format': {
        const format = value() as LintFormat;
        if (!FORMATS.includes(format))
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
        options.format = format;
        break;
      }
      case '--rule': {
        const spec = value();
        const match = /^([A-Za-z0-9]+)=(\w+)$/.exec(spec);
        if (!match || !LEVELS.includes(match[2] as RuleLevel)) {
          throw new UsageError(`--rule expects CODE=${LEVELS.join('|')}, not "${spec}"`);
        }
        options.settings.rules = {
          ...options.settings.rules,
          [match[1].toUpperCase()]: match[2] as RuleLevel,
        };
        break;
      }
      case '--target': {
        const target = value();
        if (target !== 'eks' && target !== 'generic')
          throw new UsageError(`--target must be eks or generic, not "${target}"`);
        options.settings.target = target;
        break;
      }
      case '--cluster-ip-family': {
        const family = value();
        if (family !== 'ipv4' && family !== 'ipv6')
          throw new UsageError(`--cluster-ip-family must be ipv4 or ipv6, not "${family}"`);
        options.settings.clusterIpFamily = family;
        break;
      }
      case '--max-file-size-mb': {
        const size = Number(value());
        if (!(size > 0)) throw new UsageError('--max-file-size-mb must be a positive number');
        options.settings.maxFileSizeMB = size;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-')
          throw new UsageError(`unknown option "${arg}"; run "eksnet lint --help"`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0)
    throw new UsageError('no paths given; pass files, directories or - for stdin');
  return options;
}

export async function lintCommand(args: string[], io: CliIO): Promise<number> {
  const options = parseLintArgs(args);
  if (options === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const records: LintRecord[] = [];
  for (const file of collectFiles(options.paths, io.cwd)) {
    // YAML also ends lines at a lone CR (old Mac files); turning it into LF keeps every offset and
    // lets line numbers count it.
    const text = (file === '-' ? await io.readStdin() : readText(file, io.cwd)).replace(/\r(?!\n)/g, '\n');
    const shown = file === '-' ? '<stdin>' : file;
    // One by one: spreading the records of a file with 100,000 findings overflows the stack.
    for (const record of toRecords(shown, text, lintText(text, options.settings))) records.push(record);
  }
  io.stdout(options.format === 'sarif' ? formatSarif(records) : formatOutput(options.format, records));
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

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Expands directories into their YAML files (sorted, for stable output); keeps file order otherwise. */
export function collectFiles(paths: string[], cwd: string): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push(path);
      continue;
    }
    const absolute = resolve(cwd, path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`cannot read "${path}": no such file or directory`);
    }
    if (!stats.isDirectory()) {
      files.push(path);
      continue;
    }
    const walk = (directory: string): void => {
      for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
        a.name.localeCompare(b.name),
      )) {
        const full = join(directory, entry.name);
        if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
        else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.push(relative(cwd, full) || full);
      }
    };
    walk(absolute);
  }
  return files;
}

function readText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
