// `eksnet connectivity`: what can talk to what under every NetworkPolicy of a folder of manifests or
// of the live cluster; `--diff OLD NEW` lists the connections a change opens or closes.

import { createClusterTools } from '../../cluster';
import { readClusterObjects } from '../../cluster/connectivity';
import {
  buildAnalysis,
  describeProblem,
  diffConnectivity,
  eksChecker,
  eksFindingsOfValue,
  findingsByPolicy,
  FORMATS,
  readTexts,
  type ConnectivityFormat,
  type ConnectivityPolicy,
  type ConnectivitySources,
  type EksFinding,
} from '../../engine/connectivity';
import type { ConnectivityAnalysis } from '../../engine/connectivity';
import type { ObjectLike } from '../../engine/model/workloads';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../engine';
import { EXIT_OK, UsageError, type CliIO } from '../io';
import { renderDiff, renderList } from '../output/connectivityOutput';
import { cliLog, parseClusterArgs, reportFailure } from './clusterOptions';
import { collectInputs, InputError, readInputFile } from '../inputs';

const HELP = `Usage: eksnet connectivity [options] PATHS…
       eksnet connectivity --diff OLD NEW [options]
       eksnet connectivity --from-cluster [-n NAMESPACE | -A] [cluster options]

Lists every allowed connection between the workloads of the manifests (Deployments, StatefulSets,
DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs, Pods and Lists of them) and to and
from IP ranges, under all their NetworkPolicies. Directories are searched for *.yaml and *.yml;
"-" reads standard input.

Options:
  --format txt|json|md|csv|dot   output format (default txt); json is exactly the connlist of
                                 np-guard/netpol-analyzer (netpol-analyzer list -o json)
  --diff OLD NEW                 the connections that going from OLD to NEW opens or closes
  --target eks|generic           flag what the EKS network policy agent does differently (default eks)
  --cluster-ip-family ipv4|ipv6  the cluster's IP family, for the EKS caveats (default ipv4)

Live cluster (read-only: kubectl get namespaces, pods, networkpolicies):
  --from-cluster                 read the cluster instead of files
  -n, --namespace NAME           only the Pods and policies of one namespace
  -A, --all-namespaces           every namespace (the default)
  --context NAME                 kubeconfig context (default: the current context)
  --kubeconfig PATH              kubeconfig file (default: KUBECONFIG or ~/.kube/config)
  --kubectl PATH                 kubectl executable (default: EKSNET_KUBECTL or kubectl on PATH)
  --timeout SECONDS              limit for each kubectl command
  --verbose                      print every kubectl command to stderr

Exit status: 0 listed, 1 the cluster could not be read, 2 usage or I/O error.
`;

interface ConnectivityOptions {
  format: ConnectivityFormat;
  target: EngineSettings['target'];
  clusterIpFamily: EngineSettings['clusterIpFamily'];
  diff?: [string, string];
  fromCluster: boolean;
  namespace?: string;
  /** Flags passed on to the shared cluster option parser. */
  clusterArgs: string[];
  paths: string[];
}

const CLUSTER_VALUE_FLAGS = new Set(['--context', '--kubeconfig', '--kubectl', '--timeout']);
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function parseConnectivityArgs(args: string[]): ConnectivityOptions | 'help' {
  const options: ConnectivityOptions = {
    format: 'txt',
    target: 'eks',
    clusterIpFamily: 'ipv4',
    fromCluster: false,
    clusterArgs: [],
    paths: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const value = (): string => {
      const next = equals > 0 ? arg.slice(equals + 1) : args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--format' || flag === '-o') options.format = oneOf(flag, value(), FORMATS);
    else if (flag === '--target') options.target = oneOf(flag, value(), ['eks', 'generic'] as const);
    else if (flag === '--cluster-ip-family')
      options.clusterIpFamily = oneOf(flag, value(), ['ipv4', 'ipv6'] as const);
    else if (flag === '--diff') {
      const old = value();
      const now = args[++i];
      if (now === undefined || now.startsWith('-'))
        throw new UsageError('--diff needs two paths: --diff OLD NEW');
      options.diff = [old, now];
    } else if (flag === '--from-cluster') options.fromCluster = true;
    else if (flag === '--namespace' || flag === '-n') {
      const name = value();
      if (!NAMESPACE_NAME.test(name))
        throw new UsageError(`"${name}" is not a namespace name (lower-case letters, digits and -)`);
      options.namespace = name;
    } else if (flag === '--all-namespaces' || flag === '-A') options.namespace = undefined;
    else if (CLUSTER_VALUE_FLAGS.has(flag)) options.clusterArgs.push(flag, value());
    else if (flag === '--verbose') options.clusterArgs.push(flag);
    else if (arg.startsWith('-') && arg !== '-')
      throw new UsageError(`unknown option "${arg}"; run "eksnet connectivity --help"`);
    else options.paths.push(arg);
  }
  const sources = [options.diff !== undefined, options.fromCluster, options.paths.length > 0].filter(
    Boolean,
  ).length;
  if (sources === 0) throw new UsageError('give PATHS, --diff OLD NEW or --from-cluster');
  if (sources > 1) throw new UsageError('give only one of PATHS, --diff OLD NEW and --from-cluster');
  if (!options.fromCluster && (options.namespace !== undefined || options.clusterArgs.length > 0)) {
    throw new UsageError('cluster options (--namespace, --context, …) go with --from-cluster');
  }
  return options;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export async function connectivityCommand(args: string[], io: CliIO): Promise<number> {
  const options = parseConnectivityArgs(args);
  if (options === 'help') return (io.stdout(HELP), EXIT_OK);
  if (options.diff) {
    const before = buildAnalysis((await readAll([options.diff[0]], io, options)).objects);
    const after = buildAnalysis((await readAll([options.diff[1]], io, options)).objects);
    warn(io, [...before.warnings, ...after.warnings]);
    io.stdout(renderDiff(diffConnectivity(before.analysis, after.analysis), options.format));
    return EXIT_OK;
  }
  let analysis: ConnectivityAnalysis<ObjectLike, ObjectLike>;
  let findings: () => ReadonlyMap<ConnectivityPolicy<ObjectLike>, readonly EksFinding[]>;
  if (options.fromCluster) {
    const cluster = parseClusterArgs(options.clusterArgs, io);
    const tools = createClusterTools(cluster.settings, cliLog(io, cluster.verbose));
    try {
      const read = await readClusterObjects(tools.kubectl, { namespace: options.namespace });
      warn(io, read.warnings);
      const built = buildAnalysis<ObjectLike>(read.objects, { live: true });
      warn(io, built.warnings);
      analysis = built.analysis;
    } catch (error) {
      return reportFailure(io, 'connectivity', error);
    }
    // Live policies are in no file: each is linted on its own for the caveats.
    findings = () =>
      new Map(
        analysis.input.policies.map((policy) => [policy, eksFindingsOfValue(policy.origin.value, options)]),
      );
  } else {
    const sources = await readAll(options.paths, io, options);
    const built = buildAnalysis<ObjectLike>(sources.objects);
    warn(io, built.warnings);
    analysis = built.analysis;
    findings = () => findingsByPolicy(analysis, sources.eks);
  }
  if (analysis.workloadPeers.length === 0)
    warn(io, ['no workloads found, so there is no connection to list.']);
  const checker = options.target === 'eks' ? eksChecker(analysis, findings()) : undefined;
  const output = renderList(analysis, options.format, checker);
  await writeChunks(io, output.stdout);
  for (const note of output.stderrNotes()) io.stderr(`eksnet connectivity: ${note}\n`);
  return EXIT_OK;
}

/** Reads every input through the engine (the parse `eksnet lint` does), or stops at the first that cannot be read. */
async function readAll(
  paths: string[],
  io: CliIO,
  options: ConnectivityOptions,
): Promise<ConnectivitySources> {
  const limitMB = DEFAULT_SETTINGS.maxFileSizeMB;
  const files: { name: string; text: string }[] = [];
  for (const input of collectInputs(paths, io.cwd)) {
    // An answer without some of the files would be wrong, not partial: stop there.
    if (input.kind === 'problem') throw new UsageError(input.message);
    try {
      files.push(
        input.kind === 'stdin'
          ? { name: '<stdin>', text: await io.readStdin(limitMB) }
          : { name: input.file, text: readInputFile(input.file, io.cwd, limitMB) },
      );
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new UsageError(error.message);
    }
  }
  const sources = readTexts(files, { target: options.target, clusterIpFamily: options.clusterIpFamily });
  warn(
    io,
    sources.problems.map((problem) => describeProblem(problem)),
  );
  return sources;
}

/**
 * Writes in blocks of about 1 MB, waiting for a slow reader: one write per line is slow, and one
 * string for everything may not fit in memory.
 */
async function writeChunks(io: CliIO, chunks: Iterable<string>): Promise<void> {
  let block = '';
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= 1 << 20) {
      io.stdout(block);
      block = '';
      await io.stdoutDrained?.();
    }
  }
  if (block) io.stdout(block);
}

function warn(io: CliIO, warnings: readonly string[]): void {
  for (const warning of warnings) io.stderr(`eksnet connectivity: warning: ${warning}\n`);
}
