// Options shared by the cluster subcommands (cni, cninodes, prefixes, doctor) and how they become
// ClusterSettings. Values are passed to kubectl/aws as single argv entries, never through a shell.

import {
  CLI_HINTS,
  ClusterError,
  createClusterTools,
  DEFAULT_TIMEOUT_SECONDS,
  type ClusterLog,
  type ClusterSettings,
  type ClusterTools,
} from '../../cluster';
import { EXIT_FINDINGS, UsageError, type CliIO } from '../io';

export type ClusterFormat = 'text' | 'json';

export interface ClusterCliOptions {
  settings: ClusterSettings;
  format: ClusterFormat;
  yes: boolean;
  dryRun: boolean;
  verbose: boolean;
  help: boolean;
  positional: string[];
}

export const CLUSTER_OPTIONS_HELP = `Cluster options:
  --context NAME        kubeconfig context (default: the current context)
  --kubeconfig PATH     kubeconfig file (default: KUBECONFIG or ~/.kube/config)
  --format text|json    output format (default text)
  --kubectl PATH        kubectl executable (default: EKSNET_KUBECTL or kubectl on PATH)
  --aws PATH            aws executable (default: EKSNET_AWS or aws on PATH)
  --profile NAME        AWS profile for aws calls
  --region NAME         AWS region for aws calls (default: from the cluster ARN)
  --cluster NAME        EKS cluster name (default: from the context's cluster ARN)
  --timeout SECONDS     limit for each kubectl/aws command (default ${DEFAULT_TIMEOUT_SECONDS})
  --verbose             print every command and its output (credentials removed) to stderr
`;

const VALUE_FLAGS = new Set([
  '--context',
  '--kubeconfig',
  '--format',
  '--kubectl',
  '--aws',
  '--profile',
  '--region',
  '--cluster',
  '--timeout',
]);

export function parseClusterArgs(
  args: string[],
  io: CliIO,
  allowed: { yes?: boolean; dryRun?: boolean } = {},
): ClusterCliOptions {
  const values = new Map<string, string>();
  const options = { yes: false, dryRun: false, verbose: false, help: false, positional: [] as string[] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--') {
      options.positional.push(...args.slice(index + 1));
      break;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    if (VALUE_FLAGS.has(flag)) {
      const value = equals > 0 ? arg.slice(equals + 1) : args[++index];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values.set(flag, value);
    } else if (flag === '--yes' || flag === '-y') {
      if (!allowed.yes) throw new UsageError(`${flag} is only for commands that change the cluster`);
      options.yes = true;
    } else if (flag === '--dry-run') {
      if (!allowed.dryRun) throw new UsageError('--dry-run is only for commands that change the cluster');
      options.dryRun = true;
    } else if (flag === '--verbose') {
      options.verbose = true;
    } else if (flag === '--help' || flag === '-h') {
      options.help = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${flag}"`);
    } else {
      options.positional.push(arg);
    }
  }
  const format = values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be text or json, not "${format}"`);
  const timeout = Number(values.get('--timeout') ?? DEFAULT_TIMEOUT_SECONDS);
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw new UsageError('--timeout must be a positive number of seconds');
  const settings: ClusterSettings = {
    kubectlPath: values.get('--kubectl') || io.env.EKSNET_KUBECTL || 'kubectl',
    awsPath: values.get('--aws') || io.env.EKSNET_AWS || 'aws',
    kubeconfig: values.get('--kubeconfig') || undefined,
    context: values.get('--context') || undefined,
    awsProfile: values.get('--profile') || undefined,
    awsRegion: values.get('--region') || undefined,
    clusterName: values.get('--cluster') || undefined,
    timeoutSeconds: timeout,
    env: io.env,
    hints: CLI_HINTS,
  };
  return { settings, format, ...options };
}

/** The log: silent unless --verbose, then stderr. */
export function cliLog(io: CliIO, verbose: boolean): ClusterLog {
  if (!verbose) return { info: () => undefined, error: () => undefined };
  return { info: (message) => io.stderr(`${message}\n`), error: (message) => io.stderr(`${message}\n`) };
}

export interface ClusterSession {
  tools: ClusterTools;
  /** Writes through the redactor. */
  io: CliIO;
  /** Aborted by Ctrl+C: kubectl is stopped, and a change in flight is read back and reported. */
  signal: AbortSignal;
}

/**
 * Runs a cluster subcommand: kubectl and aws runners, and an `io` whose every line (reports, prompts,
 * errors, the --verbose log) passes the redactor, so no credential the kubeconfig, the environment
 * or the aws files hold can reach the terminal, whatever produced the text. kubectl runs in its own
 * process group, so Ctrl+C is turned into a cancel here (a second Ctrl+C quits at once). A
 * ClusterError becomes one line on stderr and exit code 1.
 */
export async function runClusterSession(
  options: ClusterCliOptions,
  rawIO: CliIO,
  command: string,
  body: (session: ClusterSession) => Promise<number>,
): Promise<number> {
  let redact = (text: string) => text;
  const io: CliIO = {
    ...rawIO,
    stdout: (text) => rawIO.stdout(redact(text)),
    stderr: (text) => rawIO.stderr(redact(text)),
  };
  const tools = createClusterTools(options.settings, cliLog(io, options.verbose));
  redact = (text) => tools.redactor.redact(text);
  const controller = new AbortController();
  const interrupt = () => {
    io.stderr(`eksnet ${command}: stopping kubectl (Ctrl+C again to quit at once)…\n`);
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  try {
    return await body({ tools, io, signal: controller.signal });
  } catch (error) {
    return reportFailure(io, command, error);
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}

/** Prints a cluster failure as one line and returns the exit code for it. */
export function reportFailure(io: CliIO, command: string, error: unknown): number {
  if (error instanceof ClusterError) {
    io.stderr(`eksnet ${command}: ${error.message}\n`);
    return EXIT_FINDINGS;
  }
  throw error;
}

export function printJson(io: CliIO, value: unknown): void {
  io.stdout(
    `${JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? Object.fromEntries(item) : item), 2)}\n`,
  );
}
