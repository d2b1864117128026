// `npm run bench`: the performance benchmark. Generates the NetworkPolicy files, measures our
// language server and yaml-language-server side by side over LSP stdio, plus the bare parse, the
// engine alone, the CLI, activation and the .vsix, and inside VS Code itself activation and a small
// file's first diagnostics (vscodeTimings.ts; `--vscode-only` runs just that), then prints the table
// and writes docs/performance.md. Started by scripts/bench/run.mjs, which builds what it measures first.
//
// Options: see HELP below (`npm run bench -- --help`).

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateNetworkPolicies } from './generateManifests';
import { generateKubectlList } from './generateList';
import {
  findAnchors,
  findListAnchors,
  measureDuringValidation,
  measureOpen,
  measureServer,
  type EditAnchors,
  type ScenarioLimits,
  type ServerResult,
  type ServerSpec,
} from './measureServer';
import { summarize } from './stats';
import { measureConnectivity } from './connectivityBench';
import { engineEditTimes } from './engineTimes';
import { cliThroughput, coldParseMs, measureActivation, type ActivationRun } from './processMeasures';
import { writeSelfContainedSchema, yamlSettings } from './yamlLanguageServer';
import { measureInVsCode } from './vscodeTimings';
import { SERVER_NODE_OPTIONS } from '../../src/shared/serverLaunch';
import {
  describeMachine,
  renderConsoleTable,
  renderReport,
  type BenchReport,
  type SizeResult,
  type VsCodeTimings,
} from './report';

const HELP = `npm run bench -- [options]
  --sizes 10,100,1000,5000   multi-document files to measure (documents per file)
  --list-items 1000          a kubectl List dump of this many items (0 skips it)
  --samples 20               edits and requests per phase
  --open-runs 3              fresh servers per open measurement (median)
  --phase-budget-s 60        a phase stops early after this long (the slower server reaches it)
  --connectivity 2000x500    workloads x policies for the connectivity analysis (0 skips it)
  --skip-yaml-ls             measure our server only
  --vscode-runs 3            fresh VS Code windows (code-server) for activation and first
                             diagnostics inside VS Code (0 skips it)
  --vscode-only              run only the VS Code phase and print it (docs/performance.md is
                             left alone)
  --no-write                 print the results, leave docs/performance.md alone
  --quick                    development run: --sizes 100,1000 --list-items 1000 --samples 8
                             --open-runs 1 --connectivity 0 --vscode-runs 1 --no-write
  --report-only              re-render docs/performance.md from the last run's results
Environment: EKSNET_VALIDATION_WORKERS=N sets the server's worker threads (0: none).`;

interface Options {
  root: string;
  /** The build under test: its dist/ and its .vsix (run.mjs packages a private copy of the project). */
  build: string;
  vsix: string;
  work: string;
  sizes: number[];
  samples: number;
  phaseBudgetMs: number;
  write: boolean;
  yamlLanguageServer: boolean;
  /** `WORKLOADSxPOLICIES`, or `0` to skip. */
  connectivity: string;
  listItems: number;
  openRuns: number;
  vscodeRuns: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    return index === -1 ? undefined : argv[index + 1];
  };
  const root = value('--root') ?? process.cwd();
  const quick = argv.includes('--quick');
  return {
    root,
    build: value('--build') ?? root,
    vsix: value('--vsix') ?? join(root, 'eks-networking.vsix'),
    work: value('--work') ?? join(root, '.cache', 'bench'),
    sizes: (value('--sizes') ?? (quick ? '100,1000' : '10,100,1000,5000')).split(',').map(Number),
    // Edits alternate between adding and removing a mistake, so a phase must end on an even count to
    // leave the text as it found it.
    samples: Math.max(2, 2 * Math.ceil(Number(value('--samples') ?? (quick ? 8 : 20)) / 2)),
    phaseBudgetMs: Number(value('--phase-budget-s') ?? 60) * 1000,
    write: !argv.includes('--no-write') && !quick,
    yamlLanguageServer: !argv.includes('--skip-yaml-ls'),
    connectivity: value('--connectivity') ?? (quick ? '0' : '2000x500'),
    listItems: Number(value('--list-items') ?? 1000),
    openRuns: Number(value('--open-runs') ?? (quick ? 1 : 3)),
    vscodeRuns: Number(value('--vscode-runs') ?? (quick ? 1 : 3)),
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    log(HELP);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  if (process.argv.includes('--report-only')) {
    // Re-renders docs/performance.md from the last run's results (after editing report.ts).
    const saved = JSON.parse(readFileSync(join(options.work, 'results.json'), 'utf8')) as BenchReport;
    writeFileSync(
      join(options.root, 'docs', 'performance.md'),
      renderReport({ ...saved, date: new Date(saved.date) }),
    );
    log(renderConsoleTable(saved));
    return;
  }
  if (process.argv.includes('--vscode-only')) {
    log(`inside VS Code: ${JSON.stringify(await vscodeTimings(options))}`);
    return;
  }
  const loadAtStart = loadavg()[0];
  const filesDirectory = join(options.work, 'files');
  mkdirSync(filesDirectory, { recursive: true });
  const schemaUri = writeSelfContainedSchema(options.root, join(options.work, 'schema'));
  const limits: ScenarioLimits = {
    samples: options.samples,
    phaseBudgetMs: options.phaseBudgetMs,
    minSamples: 4,
    timeoutMs: 300_000,
  };
  const ours: ServerSpec = {
    name: 'eks-networking',
    // Started as the extension starts it.
    command: [process.execPath, ...SERVER_NODE_OPTIONS, join(options.build, 'dist', 'server.js'), '--stdio'],
    publishesVersion: true,
  };
  const theirs: ServerSpec = {
    name: 'yaml-language-server',
    command: [
      process.execPath,
      join(options.root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
      '--stdio',
    ],
    session: { configuration: (section) => (section === 'yaml' ? yamlSettings(schemaUri) : null) },
    settings: null,
    publishesVersion: false,
  };

  const scenarios: Scenario[] = options.sizes.map((documents) => documentsScenario(documents));
  if (options.listItems > 0) scenarios.push(listScenario(options.listItems));
  // Requests while a whole file is validated: in the largest multi-document file and in the List.
  const largest = Math.max(...options.sizes);
  const results: SizeResult[] = [];
  for (const scenario of scenarios) {
    const { documents, text, anchors } = scenario;
    const file = join(filesDirectory, scenario.fileName);
    writeFileSync(file, text);
    // Not the file's real path: yaml-language-server's glob matching skips dot-folders like .cache.
    const uri = `file:///bench/${scenario.fileName}`;
    log(`\n${scenario.label} (${(text.length / 1e6).toFixed(2)} MB)`);

    // Opening is measured in fresh processes (median), the floor likewise: one cold run is easily
    // disturbed on a busy 2-core machine.
    const parseMs = summarize(
      Array.from({ length: options.openRuns }, () => coldParseMs(options.root, file)),
    ).median;
    log(`  bare yaml parse: ${parseMs.toFixed(0)} ms`);
    const oursResult = await measureServer(ours, uri, text, anchors, limits);
    await repeatOpen(ours, oursResult, uri, text, limits.timeoutMs, options.openRuns);
    log(`  ${oursResult.name}: ${JSON.stringify(oursResult)}`);
    const theirsResult = options.yamlLanguageServer
      ? await measureServer(theirs, uri, text, anchors, limits)
      : undefined;
    // yaml-language-server's open takes long at the larger sizes; it is repeated where that is affordable.
    if (theirsResult)
      await repeatOpen(
        theirs,
        theirsResult,
        uri,
        text,
        limits.timeoutMs,
        documents <= 1000 ? options.openRuns : 1,
      );
    if (theirsResult) log(`  ${theirsResult.name}: ${JSON.stringify(theirsResult)}`);
    let during: SizeResult['during'];
    if (scenario.kind === 'list' || documents === largest) {
      during = { ours: await measureDuringValidation(ours, uri, text, anchors, limits.timeoutMs) };
      if (options.yamlLanguageServer)
        during.theirs = await measureDuringValidation(theirs, uri, text, anchors, limits.timeoutMs);
      log(`  during validation: ${JSON.stringify(during)}`);
    }
    const engine = engineEditTimes(text, anchors.middleProtocol, options.samples);
    const cli = cliThroughput(join(options.build, 'dist', 'cli.js'), file, documents);
    log(`  engine edit: ${JSON.stringify(engine)}; cli: ${JSON.stringify(cli)}`);
    results.push({
      kind: scenario.kind,
      documents,
      bytes: text.length,
      injectedMistakes: scenario.injectedMistakes,
      parseMs,
      ours: oursResult,
      theirs: theirsResult,
      during,
      engineEdit: engine,
      cli,
    });
  }

  const [workloads, policies] = options.connectivity.split('x').map(Number);
  const connectivity =
    workloads > 0
      ? measureConnectivity(
          { workloads, policies: policies || 0 },
          { cli: join(options.build, 'dist', 'cli.js'), work: options.work },
        )
      : undefined;
  if (connectivity) log(`\nconnectivity: ${JSON.stringify(connectivity)}`);

  let activation: ActivationRun | string;
  try {
    activation = measureActivation(
      join(options.work, 'activationProbe.js'),
      join(options.build, 'dist', 'extension.js'),
      join(options.root, 'node_modules', '@types', 'vscode', 'index.d.ts'),
    );
  } catch (error) {
    activation = (error as Error).message;
  }
  const vscode = options.vscodeRuns > 0 ? await vscodeTimings(options) : undefined;
  if (vscode) log(`\ninside VS Code: ${JSON.stringify(vscode)}`);
  let vsixBytes: number | undefined;
  try {
    vsixBytes = statSync(options.vsix).size;
  } catch {
    vsixBytes = undefined;
  }

  const report = {
    date: new Date(),
    machine: describeMachine(),
    samples: options.samples,
    results,
    activation,
    vsixBytes,
    load: { start: loadAtStart, end: loadavg()[0] },
    connectivity,
    vscode,
  };
  writeFileSync(join(options.work, 'results.json'), JSON.stringify(report, null, 2));
  log(`\n${renderConsoleTable(report)}`);
  if (options.write) {
    const target = join(options.root, 'docs', 'performance.md');
    writeFileSync(target, renderReport(report));
    log(`Wrote ${target}`);
  }
}

/** Activation and first diagnostics inside code-server, or why they could not be measured. */
async function vscodeTimings(options: Options): Promise<VsCodeTimings | string> {
  log(`\ninside VS Code (${options.vscodeRuns} fresh windows)`);
  try {
    return await measureInVsCode({
      vsix: options.vsix,
      probeDir: join(options.work, 'vscode-probe'),
      work: join(options.work, 'vscode'),
      runs: options.vscodeRuns,
    });
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

interface Scenario {
  kind: 'documents' | 'list';
  label: string;
  fileName: string;
  /** Documents, or items of the List. */
  documents: number;
  text: string;
  anchors: EditAnchors;
  injectedMistakes: number;
}

function documentsScenario(documents: number): Scenario {
  const middle = documents >> 1;
  const generated = generateNetworkPolicies({ documents, clean: new Set([middle, documents - 1]) });
  return {
    kind: 'documents',
    label: `${documents} documents`,
    fileName: `networkpolicies-${documents}.yaml`,
    documents,
    text: generated.text,
    anchors: findAnchors(generated.text, middle),
    injectedMistakes: generated.injectedMistakes,
  };
}

/** `kubectl get networkpolicy -A -o yaml` of a cluster with `items` policies. */
function listScenario(items: number): Scenario {
  const middle = items >> 1;
  const generated = generateKubectlList({ items, clean: new Set([middle, items - 1]) });
  return {
    kind: 'list',
    label: `kind: List of ${items} items`,
    fileName: `networkpolicy-list-${items}.yaml`,
    documents: items,
    text: generated.text,
    anchors: findListAnchors(generated.text, middle),
    injectedMistakes: generated.injectedMistakes,
  };
}

/** Adds `runs - 1` more fresh-server opens to a result and keeps the median. */
async function repeatOpen(
  spec: ServerSpec,
  result: ServerResult,
  uri: string,
  text: string,
  timeoutMs: number,
  runs: number,
): Promise<void> {
  if (result.openMs === undefined || result.error) return;
  const times = [result.openMs];
  for (let i = 1; i < runs; i++) times.push(await measureOpen(spec, uri, text, timeoutMs));
  result.openMs = summarize(times).median;
  result.openRuns = times.length;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
