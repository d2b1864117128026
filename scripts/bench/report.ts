// Turns benchmark results into the console summary and docs/performance.md.

import { cpus, release, totalmem } from 'node:os';
import { renderConnectivity, type ConnectivityResult } from './connectivityBench';
import { execSync } from 'node:child_process';
import type { DuringValidation, ServerResult } from './measureServer';
import type { ActivationRun, CliRun } from './processMeasures';
import type { Stats } from './stats';

export interface SizeResult {
  /** Multi-document file, or one `kind: List` document (`documents` is then its item count). */
  kind?: 'documents' | 'list';
  documents: number;
  bytes: number;
  injectedMistakes: number;
  parseMs: number;
  ours: ServerResult;
  theirs?: ServerResult;
  engineEdit: Stats;
  cli: CliRun;
  /** Hover and completion while the whole file was being validated (largest file and the List). */
  during?: { ours: DuringValidation; theirs?: DuringValidation };
}

export interface BenchReport {
  date: Date;
  machine: string;
  samples: number;
  results: SizeResult[];
  activation: ActivationRun | string;
  vsixBytes?: number;
  /** One-minute load average when the run started and ended (other work on the machine skews timings). */
  load: { start: number; end: number };
  connectivity?: ConnectivityResult;
  /** Measured inside VS Code (code-server), or why it could not be. */
  vscode?: VsCodeTimings | string;
}

/** One extension's medians in one scenario. */
export interface VsCodeRow {
  activationMs: number;
  firstDiagnosticsMs: number;
  beforeActivateMs: number;
  squigglesMs: number;
}

export interface VsCodeTimings {
  /** The extension host's own activation time for this extension (median of the runs). */
  activationMs: number;
  /** From opening a small manifest in the editor to its diagnostics in the Problems data (median). */
  firstDiagnosticsMs: number;
  /** Of that, VS Code's own time before it calls activate() (median; NaN when not marked). */
  beforeActivateMs: number;
  /** From the file's editor appearing in the workbench to its first squiggle (median; NaN if unseen). */
  squigglesMs: number;
  /** From the editor appearing to the extension host's onDidOpenTextDocument (median). */
  hostLearnsMs: number;
  /** From our diagnostics reaching the extension host to the first squiggle on screen (median). */
  toScreenMs: number;
  /** The same figures for a minimal extension that gives a diagnostic at once (floorExtension.ts). */
  floor?: VsCodeRow;
  /** Ours and the floor again, with the file opened once the window has settled. */
  settled?: VsCodeRow;
  floorSettled?: VsCodeRow;
  runs: number;
  /** The activation times as the extension host reports them (first run). */
  detail?: string;
}

export function describeMachine(): string {
  const cpu = cpus();
  const memory = `${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM`;
  let commit = 'unknown commit';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    // Not a git checkout (for example an unpacked release); the date still identifies the run.
  }
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${memory}, Linux ${release()}, Node ${process.version}, commit ${commit}`;
}

// (A NaN read back from results.json by --report-only is null.)
const ms = (value: number | undefined | null): string =>
  typeof value !== 'number' || Number.isNaN(value)
    ? 'n/a'
    : value >= 100
      ? value.toFixed(0)
      : value.toFixed(1);
const stats = (value: Stats | undefined): string =>
  value
    ? `${ms(value.median)} / ${ms(value.p95)}${value.samples < 20 ? ` (n=${value.samples})` : ''}`
    : 'n/a';
const megabytes = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 2).toFixed(bytes < 10 * 1024 ** 2 ? 1 : 0)} MB`;
const ratio = (a: number | undefined, b: number | undefined, digits = 1): string =>
  a === undefined || b === undefined || b === 0 ? 'n/a' : `${(a / b).toFixed(digits)}×`;
const percent = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(0)}%`;
const failed = (result: ServerResult | undefined): string =>
  result?.error ? ` (${result.name} failed: ${result.error})` : '';

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

interface Target {
  goal: string;
  measured: string;
  met: boolean | undefined;
  /** How far off, when missed. */
  gap?: string;
}

const documentResults = (report: BenchReport): SizeResult[] =>
  report.results.filter((result) => result.kind !== 'list');
const listResult = (report: BenchReport): SizeResult | undefined =>
  report.results.find((result) => result.kind === 'list');
const scenarioName = (result: SizeResult): string =>
  result.kind === 'list'
    ? `the ${result.documents.toLocaleString('en-US')}-item List`
    : `${result.documents.toLocaleString('en-US')} documents`;

function speedUpTarget(result: SizeResult): Target | undefined {
  const { ours, theirs } = result;
  if (theirs?.openMs === undefined || ours.openMs === undefined) return undefined;
  const speedUp = theirs.openMs / ours.openMs;
  return {
    goal: `Open → first diagnostics ≥ 2.5 × faster than yaml-language-server at ${scenarioName(result)}`,
    measured: speedUp >= 1 ? `${speedUp.toFixed(1)}× faster` : `${(1 / speedUp).toFixed(1)}× slower`,
    met: speedUp >= 2.5,
    gap: speedUp >= 2.5 ? undefined : `${(2.5 / speedUp).toFixed(2)}× short`,
  };
}

function targets(report: BenchReport): Target[] {
  const documents = documentResults(report);
  const largest = documents.reduce<SizeResult | undefined>(
    (best, result) => (!best || result.documents > best.documents ? result : best),
    undefined,
  );
  const list = listResult(report);
  const found: Target[] = [];
  const opened = [documents.find((result) => result.documents === 1000), largest, list];
  for (const result of new Set(opened)) {
    const target = result && speedUpTarget(result);
    if (target) found.push(target);
  }
  for (const result of [largest, list]) {
    if (!result) continue;
    const editP95 = Math.max(result.ours.editEnd?.p95 ?? NaN, result.ours.editMiddle?.p95 ?? NaN);
    found.push(check(`Edit → diagnostics p95 ≤ 20 ms at ${scenarioName(result)}`, editP95, 20, 'ms'));
  }
  for (const result of [largest, list]) {
    if (!result?.during) continue;
    const name = scenarioName(result);
    found.push(check(`Hover p95 ≤ 10 ms while ${name} is validated`, result.during.ours.hover.p95, 10, 'ms'));
    found.push(
      check(`Completion p95 ≤ 10 ms while ${name} is validated`, result.during.ours.completion.p95, 10, 'ms'),
    );
  }
  if (largest) {
    const n = scenarioName(largest);
    const { ours, theirs } = largest;
    found.push(
      check(
        `Open → first diagnostics ≤ 1.2 × bare \`yaml\` parse at ${n}`,
        ours.openMs,
        1.2 * largest.parseMs,
        'ms',
      ),
    );
    if (theirs?.peakBytes !== undefined && ours.peakBytes !== undefined) {
      const share = ours.peakBytes / theirs.peakBytes;
      found.push({
        goal: `Peak memory ≤ 40% of yaml-language-server's at ${n}`,
        measured: `${(share * 100).toFixed(0)}% (${megabytes(ours.peakBytes)} vs ${megabytes(theirs.peakBytes)})`,
        met: share <= 0.4,
        gap: share <= 0.4 ? undefined : `${((share - 0.4) * 100).toFixed(0)} points over`,
      });
    }
    found.push(check(`Hover p95 ≤ 10 ms at ${n}`, ours.hover?.p95, 10, 'ms'));
    found.push(check(`Completion p95 ≤ 10 ms at ${n}`, ours.completion?.p95, 10, 'ms'));
    found.push(check(`Label-value completion p95 ≤ 10 ms at ${n}`, ours.selectorCompletion?.p95, 10, 'ms'));
  }
  const host = report.vscode;
  if (host && typeof host !== 'string') {
    found.push(
      check("Activation ≤ 50 ms in VS Code (the extension host's own timing)", host.activationMs, 50, 'ms'),
    );
    found.push(
      // What a user sees when the workbench page could be watched; else the extension host's figure.
      Number.isFinite(host.squigglesMs)
        ? check(
            'First diagnostics of a small file ≤ 300 ms after the editor opens it (squiggles on screen, window just started)',
            host.squigglesMs,
            300,
            'ms',
          )
        : check(
            'First diagnostics of a small file ≤ 300 ms after the editor opens it',
            host.firstDiagnosticsMs,
            300,
            'ms',
          ),
    );
    if (host.settled && Number.isFinite(host.settled.squigglesMs))
      found.push(
        check(
          'First diagnostics of a small file ≤ 300 ms after the editor opens it (squiggles on screen, settled window)',
          host.settled.squigglesMs,
          300,
          'ms',
        ),
      );
  }
  found.push(
    check(
      '`.vsix` ≤ 1 MB',
      report.vsixBytes === undefined ? undefined : report.vsixBytes / 1024 ** 2,
      1,
      'MB',
    ),
  );
  return found;
}

function check(goal: string, value: number | undefined, limit: number, unit: string): Target {
  if (value === undefined || Number.isNaN(value)) return { goal, measured: 'n/a', met: undefined };
  const shown = unit === 'MB' ? value.toFixed(2) : ms(value);
  return {
    goal,
    measured: `${shown} ${unit}`,
    met: value <= limit,
    gap:
      value <= limit
        ? undefined
        : `${(value / limit).toFixed(1)}× the limit (${ms(value - limit)} ${unit} over)`,
  };
}

const verdict = (target: Target): string =>
  target.met === undefined ? 'not measured' : target.met ? 'met' : `missed: ${target.gap}`;

export function renderConsoleTable(report: BenchReport): string {
  const rows = report.results.map((r) => [
    r.kind === 'list' ? `List ${r.documents}` : String(r.documents),
    ms(r.parseMs),
    ms(r.ours.openMs),
    ms(r.theirs?.openMs),
    stats(r.ours.editMiddle),
    stats(r.theirs?.editMiddle),
    stats(r.ours.hover),
    stats(r.ours.completion),
    megabytes(r.ours.peakBytes),
    megabytes(r.theirs?.peakBytes),
    r.cli.documentsPerSecond.toFixed(0),
  ]);
  const header = [
    'docs',
    'parse ms',
    'open ours',
    'open yaml-ls',
    'edit mid ours p50/p95',
    'edit mid yaml-ls',
    'hover p50/p95',
    'completion p50/p95',
    'mem ours',
    'mem yaml-ls',
    'CLI docs/s',
  ];
  const lines = [table(header, rows), ''];
  for (const r of report.results) {
    if (!r.during) continue;
    lines.push(
      `During validation of ${scenarioName(r)}: hover ${stats(r.during.ours.hover)}, completion ${stats(r.during.ours.completion)} (validation ${ms(r.during.ours.validationMs)} ms)` +
        (r.during.theirs
          ? `; yaml-ls hover ${stats(r.during.theirs.hover)}, completion ${stats(r.during.theirs.completion)} (validation ${ms(r.during.theirs.validationMs)} ms)`
          : ''),
    );
  }
  lines.push('', 'Targets:');
  for (const target of targets(report))
    lines.push(`  ${target.goal}: ${target.measured} — ${verdict(target)}`);
  return lines.join('\n');
}

export function renderReport(report: BenchReport): string {
  const results = documentResults(report);
  const list = listResult(report);
  const activation = typeof report.activation === 'string' ? undefined : report.activation;
  const sections = [
    '# Performance',
    '',
    '<!-- Written by `npm run bench` (scripts/bench/; `npm run bench -- --help` lists the options,',
    '`--vscode-only` measures only inside VS Code). Edit scripts/bench/report.ts, not this file. -->',
    '',
    `Measured ${report.date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${report.machine}.`,
    `Load average (1 min) ${report.load.start.toFixed(1)} at the start and ${report.load.end.toFixed(1)} at the end of the run${report.load.start > 2 || report.load.end > 2 ? ': other work shared the 2 cores, so absolute times are inflated; ratios from the same run are the fairer reading' : ''}.`,
    '',
    'Files: deterministic multi-document NetworkPolicy files (selectors, `ipBlock` with `except`, named',
    'and numbered ports, egress to DNS, `kubectl get` metadata on most documents, about 4% of',
    'documents with one mistake), generated by `scripts/bench/generateManifests.ts`, and a',
    '`kubectl get networkpolicy -A -o yaml` dump: one `kind: List` document printed as kubectl prints',
    'it (sorted keys, unindented sequences, the last-applied-configuration annotation as a `|` literal,',
    'managedFields), generated by `scripts/bench/generateList.ts`. Both servers run',
    'as `node … --stdio` child processes (ours with the Node options the extension starts it with,',
    '`src/shared/serverLaunch.ts`) and are driven by the same JSON-RPC client; yaml-language-server',
    'gets our NetworkPolicy schema through `yaml.schemas` (a single-file copy with the common',
    `definitions inlined). Timings are in milliseconds, "p50 / p95" over ${report.samples} samples unless`,
    'marked `n=…` (a phase stops early after 60 s, which only the slower server reaches).',
    '',
    '## Targets',
    '',
    table(
      ['Target', 'Measured', 'Result'],
      targets(report).map((target) => [target.goal, target.measured, verdict(target)]),
    ),
    '',
    '## Open → first diagnostics',
    '',
    'From sending `didOpen` to receiving the first `publishDiagnostics`, in a fresh server; median of',
    '3 fresh servers (yaml-language-server: 1 above 1,000 documents). The floor is `parseAllDocuments`',
    'on the whole file in a fresh Node process, median of 3.',
    '',
    table(
      [
        'Documents',
        'Size',
        '`yaml` parse (floor)',
        'eks-networking',
        '÷ floor',
        'yaml-language-server',
        'speed-up',
      ],
      results.map((r) => [
        r.documents.toLocaleString('en-US'),
        megabytes(r.bytes),
        ms(r.parseMs),
        ms(r.ours.openMs) + failed(r.ours),
        ratio(r.ours.openMs, r.parseMs, 2),
        ms(r.theirs?.openMs) + failed(r.theirs),
        ratio(r.theirs?.openMs, r.ours.openMs),
      ]),
    ),
    '',
    '## Edit → diagnostics',
    '',
    'One character typed (the case of a `protocol: TCP` letter toggled, so every edit changes the',
    'diagnostics) in the last document and in the middle one, timed from `didChange` to the publish',
    'for that edit (ours: matched by document version; yaml-language-server does not send versions, so',
    'by the changed diagnostics). yaml-language-server waits 200 ms before validating; ours validates',
    'at once when the last validation of the file was quick (see below). "Engine alone" is',
    '`ManifestFile.update` for the same edit in-process, without LSP.',
    '',
    table(
      ['Documents', 'End: ours', 'End: yaml-ls', 'Middle: ours', 'Middle: yaml-ls', 'Engine alone'],
      results.map((r) => [
        r.documents.toLocaleString('en-US'),
        stats(r.ours.editEnd),
        stats(r.theirs?.editEnd),
        stats(r.ours.editMiddle),
        stats(r.theirs?.editMiddle),
        stats(r.engineEdit),
      ]),
    ),
    '',
    '## Hover and completion',
    '',
    'Round trip of `textDocument/hover` on a `podSelector` key, `textDocument/completion` inside a',
    '`policyTypes` key, and completion of a label value in `podSelector.matchLabels` (where our server',
    'also offers labels used elsewhere in the workspace), all in the middle document ("n/a": the',
    'server did not offer the feature in this run).',
    '',
    table(
      [
        'Documents',
        'Hover: ours',
        'Hover: yaml-ls',
        'Completion: ours',
        'Completion: yaml-ls',
        'Label value: ours',
        'Label value: yaml-ls',
      ],
      results.map((r) => [
        r.documents.toLocaleString('en-US'),
        stats(r.ours.hover),
        stats(r.theirs?.hover),
        stats(r.ours.completion),
        stats(r.theirs?.completion),
        stats(r.ours.selectorCompletion),
        stats(r.theirs?.selectorCompletion),
      ]),
    ),
    '',
    ...listSection(list),
    ...duringSection(report.results),
    '## Peak memory',
    '',
    '`VmHWM` of the server process from `/proc/PID/status` after the whole scenario.',
    '',
    table(
      ['Documents', 'eks-networking', 'yaml-language-server', 'ours as share'],
      report.results.map((r) => [
        r.kind === 'list'
          ? `List of ${r.documents.toLocaleString('en-US')} items`
          : r.documents.toLocaleString('en-US'),
        megabytes(r.ours.peakBytes),
        megabytes(r.theirs?.peakBytes),
        percent(r.ours.peakBytes, r.theirs?.peakBytes),
      ]),
    ),
    '',
    '## CLI throughput',
    '',
    '`node dist/cli.js lint --format json FILE`, wall time including Node start-up.',
    '',
    table(
      ['Documents', 'Wall time', 'Documents per second', 'Findings (injected mistakes)'],
      report.results.map((r) => [
        r.kind === 'list'
          ? `List of ${r.documents.toLocaleString('en-US')} items`
          : r.documents.toLocaleString('en-US'),
        `${ms(r.cli.ms)} ms`,
        r.cli.documentsPerSecond.toFixed(0),
        `${r.cli.findings} (${r.injectedMistakes})`,
      ]),
    ),
    '',
    ...renderConnectivity(report.connectivity),
    '## Activation and package size',
    '',
    ...vscodeSection(report.vscode),
    activation
      ? [
          'Outside VS Code, `scripts/bench/activationProbe.ts` loads `dist/extension.js` with a stand-in',
          '`vscode` module and calls `activate()`; the language client really starts the server.',
          'Median of 5 fresh processes.',
          '',
          table(
            ['Load `dist/extension.js`', '`activate()` call', 'Until the server answered `initialize`'],
            [
              [
                `${ms(activation.loadMs)} ms`,
                `${ms(activation.activateCallMs)} ms`,
                activation.activateResolvedMs === undefined
                  ? `n/a (${activation.note ?? ''})`
                  : `${ms(activation.activateResolvedMs)} ms`,
              ],
            ],
          ),
        ].join('\n')
      : `Activation outside VS Code could not be measured: ${String(report.activation)}`,
    '',
    `\`.vsix\` (\`npm run package\`): ${report.vsixBytes === undefined ? 'n/a' : `${(report.vsixBytes / 1024).toFixed(0)} KB`}.`,
    '',
  ];
  return `${sections.join('\n')}${NOTES}`;
}

function listSection(list: SizeResult | undefined): string[] {
  if (!list) return [];
  return [
    `## A kubectl dump: one List of ${list.documents.toLocaleString('en-US')} items`,
    '',
    'The same measurements on the `kind: List` dump. Ours reads a List item by item (each item is a',
    'unit of validation, like a `---` document), so an edit re-validates one item; yaml-language-server',
    'validates the whole document after every edit.',
    '',
    table(
      [
        'Size',
        '`yaml` parse',
        'Open: ours',
        'Open: yaml-ls',
        'speed-up',
        'Edit end: ours',
        'Edit end: yaml-ls',
        'Edit middle: ours',
        'Edit middle: yaml-ls',
        'Engine alone',
        'Hover: ours',
        'Completion: ours',
      ],
      [
        [
          megabytes(list.bytes),
          ms(list.parseMs),
          ms(list.ours.openMs) + failed(list.ours),
          ms(list.theirs?.openMs) + failed(list.theirs),
          ratio(list.theirs?.openMs, list.ours.openMs),
          stats(list.ours.editEnd),
          stats(list.theirs?.editEnd),
          stats(list.ours.editMiddle),
          stats(list.theirs?.editMiddle),
          stats(list.engineEdit),
          stats(list.ours.hover),
          stats(list.ours.completion),
        ],
      ],
    ),
    '',
  ];
}

function duringSection(results: readonly SizeResult[]): string[] {
  const measured = results.filter((r) => r.during);
  if (measured.length === 0) return [];
  return [
    '## Requests during validation',
    '',
    'A fresh server opens the file and, without waiting, gets hover and completion requests one',
    'after another (each sent when the previous one is answered) until its first diagnostics arrive;',
    '"p50 / p95 (n=…)" of the round trips answered during that validation. Ours validates in slices of',
    'a few milliseconds on its thread, answering requests in between, and in worker threads.',
    '',
    table(
      [
        'File',
        'Validation: ours',
        'Hover: ours',
        'Completion: ours',
        'Validation: yaml-ls',
        'Hover: yaml-ls',
        'Completion: yaml-ls',
      ],
      measured.map((r) => [
        scenarioName(r),
        `${ms(r.during?.ours.validationMs)} ms`,
        stats(r.during?.ours.hover),
        stats(r.during?.ours.completion),
        r.during?.theirs ? `${ms(r.during.theirs.validationMs)} ms` : 'n/a',
        stats(r.during?.theirs?.hover),
        stats(r.during?.theirs?.completion),
      ]),
    ),
    '',
  ];
}

/** `text` in lines of at most `width` characters, broken at spaces. */
function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function vscodeSection(timings: BenchReport['vscode']): string[] {
  if (timings === undefined) return ['Inside VS Code: not measured in this run.', ''];
  if (typeof timings === 'string') return [`Inside VS Code: could not be measured (${timings}).`, ''];
  return [
    'Inside VS Code (code-server 4.99 with the extension installed from the `.vsix`, started by',
    '`scripts/vscode/`, driven by Playwright; `scripts/bench/vscodeTimings.ts`). Each run is a fresh',
    'window: once the workbench is ready, a small NetworkPolicy file (3 documents) is opened with',
    "Ctrl+P, which also activates the extension. **Activation** is the extension host's own figure for",
    'our extension as "Developer: Show Running Extensions" shows it (loading `dist/extension.js` plus',
    'the `activate()` call, until it returns its promise). **Open → first diagnostics** is timed in the',
    'extension host, from `onDidOpenTextDocument` for the file to the first of our diagnostics for it',
    "(`scripts/bench/vscodeProbe.ts`); it includes activation and the language server's start.",
    '**VS Code before `activate()`** is the part of it VS Code spends on its own, from the extension',
    "host's performance marks: before it loads `dist/extension.js`, and between loading it and calling",
    "`activate()`, while it fetches the extension's storage from the workbench; the extension's only",
    'work in it is starting the server process. **Open → squiggles in the editor** is what a user sees,',
    'timed in the workbench page: from the editor of the file appearing to its first squiggle, so it',
    'also holds what the workbench does before and after the extension host (telling it that the file',
    'is open, drawing the diagnostics it is sent).',
    '**Floor** is a minimal extension measured the same way (`scripts/bench/floorExtension.ts`):',
    'activated by the same file, it gives each YAML file one diagnostic at once, with no language',
    'server and no client library. What it takes is what VS Code takes on this machine. **Window',
    'just started**: the file is opened as soon as the workbench is ready, while VS Code is still',
    'starting its own extensions; **settled window**: once the workbench has marked its last start-up',
    'phase (`code/LifecyclePhase/Eventually`), as when a user opens a file in a window that has been',
    'open for a moment.',
    `Median of ${timings.runs} windows each. Only this phase: \`npm run bench -- --vscode-only\`.`,
    '',
    table(
      [
        '',
        'Activation (extension host)',
        'Open → first diagnostics (small file)',
        'Of which VS Code before `activate()`',
        'Open → squiggles in the editor',
      ],
      (
        [
          ['EKS Networking, window just started', timings],
          ['Floor: a minimal extension, window just started', timings.floor],
          ['EKS Networking, settled window', timings.settled],
          ['Floor: a minimal extension, settled window', timings.floorSettled],
        ] as Array<[string, VsCodeRow | undefined]>
      )
        .flatMap(([label, row]) => (row ? [[label, row] as const] : []))
        .map(([label, row]) => [
          label,
          `${ms(row.activationMs)} ms`,
          `${ms(row.firstDiagnosticsMs)} ms`,
          `${ms(row.beforeActivateMs)} ms`,
          `${ms(row.squigglesMs)} ms`,
        ]),
    ),
    '',
    ...(timings.hostLearnsMs === undefined
      ? []
      : [
          ...wrap(
            `Where VS Code's own time goes (medians): the extension host learns that the file is open ` +
              `${ms(timings.hostLearnsMs)} ms after its editor appears; before calling \`activate()\` VS ` +
              `Code spends ${ms(timings.beforeActivateMs)} ms on its own; and the first squiggle is on ` +
              `screen ${ms(timings.toScreenMs)} ms after the diagnostics reach the extension host. The ` +
              "rest is the extension's: activation, the language client's start and the server's answer.",
          ),
          '',
        ]),
    ...(timings.detail ? [`Running Extensions showed: ${timings.detail}.`, ''] : []),
  ];
}

/** How the speed is obtained and why targets are missed; kept here so the generated page always carries it. */
const NOTES = `
## How it is fast

- **One cache entry per \`---\` document.** \`ManifestFile\` keeps each document's diagnostics and
  resource values keyed by its text; no YAML syntax trees are kept, which is most of the memory
  difference to yaml-language-server.
- **An edit touches one document.** The server keeps each open document in pieces of 16 KB
  (\`OpenDocument\`, \`src/server/document.ts\`), so an edit copies one piece and not the whole
  file, and records each \`didChange\` range as offsets (\`EditJournal\` in \`src/server/state.ts\`).
  \`ManifestFile.sync(document, edits)\` reads only the document's length: it takes the text around
  the edits from the units it already holds, re-splits only the documents around the edit,
  re-validates those whose text changed, and shifts the rest (\`src/engine/service/edits.ts\`). Each
  document's diagnostics and workspace objects are kept per document and moved, not placed again
  (\`ChunkPlacements\` in \`src/engine/service/assemble.ts\`), and the workspace counts names as
  files change, so the duplicate-name check costs nothing while no name repeats. The line index is
  patched, not rebuilt (a typed array), and the \`eksnet-disable\` scan runs only when some document
  contains one. \`test/engine/incremental.test.ts\` checks after hundreds of random edits that this
  gives exactly what a full validation gives, and \`test/server/document.test.ts\` that the pieces
  answer as the protocol library's own text document does.
- **A young generation sized for large files.** The server runs with \`--max-semi-space-size=32\`
  (\`src/shared/serverLaunch.ts\`; the extension starts it so, and so does this benchmark). With
  Node's default, most of what opening a file of thousands of documents allocates is promoted to
  the old generation, and the full collection that follows lands on the first keystrokes.
- **The server starts while VS Code prepares the activation.** \`dist/extension.js\` starts the
  server's process as soon as VS Code has loaded it (\`src/client/loader.ts\`), and the cluster
  commands' code, which the status bar needs, is loaded only after the first diagnostics, so it
  does not hold up the client's first messages.
- **Code caches.** \`dist/extension.js\` and \`dist/server.js\` run their bundles with V8's code
  cache (\`src/shared/cachedBundle.ts\`), kept in the user's cache folder: from the second start on,
  neither compiles its bundle again.
- **No typing pause when it is not needed.** Diagnostics are published at once after an edit when
  the previous update took under 30 ms of CPU, otherwise after a 100 ms pause.
- **Documents that are not ours are skipped** before parsing (a text test for our kinds).
- **Validators are generated at build time** (ajv standalone, \`scripts/gen-validators.mjs\`), so the
  first validation does not compile the schemas.
- **Hover and completion parse only the document under the cursor.**

## Why targets are missed, or met only narrowly

The Targets table gives the size of each miss; this is why. This machine has 2 cores and other
builds and test suites often run on it at the same time (see the load average above), which
inflates absolute times and above all the p95 values; compare the two servers within one run.
Several targets sit close to their limits, and runs of the whole benchmark on this machine have
met them in some runs and missed them by a millisecond or two in others.

- **Edit → diagnostics p95 ≤ 20 ms.** A keystroke's own work is small ("Engine alone"; in-process
  at 5,000 documents about 2.5 ms with everything the server adds). What is left at the tail is the
  first keystrokes after opening: the edits at the end of the file are the first ones, and they run
  code the opening did not (so V8 compiles it then) and absorb the collection of what opening left
  behind. The larger young generation (above) took the 5,000-document p95 from about 30 ms to
  about 12–19 ms; the List's first edits still reach 15–25 ms in some runs. The rest of a round trip
  is JSON-RPC and converting and sending the file's whole diagnostic list (LSP has no partial
  publish).
- **Open ≥ 2.5 × faster than yaml-language-server at 1,000 documents and on the List.** Across
  runs ours has been 2.1–2.9 × faster at 1,000 documents and 2.5–3.1 × on the List, against
  2.8–3.3 × at 5,000. Opening runs every document's schema check and rules; on two cores small
  documents stay on the server's own thread (one worker thread cost more in messages than it
  saved), and the first validations run code V8 has not compiled yet, a fixed cost that weighs
  more in a 1,000-document file than in a 5,000-document one. The List also costs its split into
  items and a parse of its own lines.
- **Hover and completion p95 ≤ 10 ms while the List is validated.** Validation runs in slices of
  2 ms and steps aside when a request arrives, so most requests wait a few milliseconds. The first
  request after opening waits for the List's split (one step of 50–80 ms for 1,000 items), and a
  garbage collection during validation can add 5–10 ms to one request; with about 150–200 requests
  answered during validation, a handful of those is the p95.
- **First diagnostics of a small file ≤ 300 ms.** Judged on what a user sees: from the file's
  editor appearing to its first squiggle. The floor rows show that VS Code alone takes more than
  that here, in a window that has just started and in a settled one alike: a minimal extension
  that gives a diagnostic the moment it is activated, with no server, waits about as long as ours
  for VS Code to activate it, and its squiggle still comes 0.3–0.7 s after the editor appears
  (medians 0.34–0.45 s across runs). The section above splits VS Code's share out: the workbench
  tells the extension host that the file is open (tens of ms); before calling \`activate()\` VS Code fetches
  the extension's storage from the workbench, which is busy starting (100–300 ms in these runs);
  and what the extension hands over is drawn 70–350 ms later (the Problems count in the status bar
  changes at about the same moment as the squiggle). So the target cannot be met on this machine
  whatever the extension does. What ours adds is the difference to the floor. The server's process
  is started when the extension's code is loaded, so it boots and loads its bundle during the
  storage wait (measured with timestamps, it is often ready when \`activate()\` is called), and
  nothing else runs between the client's start and its first messages to the server (the cluster
  code waits for the first diagnostics). From \`activate()\` to diagnostics handed to VS Code is
  then about 50–140 ms: the client's handshake with the server, which has the document 10–30 ms
  after the client starts, and the first validation, which runs code V8 has not compiled yet. In
  slow runs, or when VS Code's wait is short, the server is what is waited for: Node takes up to
  250 ms to boot it while VS Code's own extensions start on the same two cores.
- **Activation ≤ 50 ms.** What VS Code counts (the Running Extensions figure: loading
  \`dist/extension.js\` and the synchronous part of \`activate()\`) is nearly all loading the client's
  bundle: about 94% of it (460 KB minified) is vscode-languageclient with the LSP protocol packages,
  which activation needs to start the server. Running it from V8's code cache took loading from
  about 57 ms to about 30 ms outside VS Code, and Running Extensions from 90–116 ms to 35–80 ms from
  the second start on; the first start after an install or an update has no cache yet (120–140 ms).
  What is left is evaluating the client's modules, and the figure moves by tens of milliseconds
  between windows with what else the extension host is doing; the median of three sits near the
  limit. Loading the client only after \`activate()\` returns would shrink the figure without
  saving the extension host any time, so it is not done. (The server's process is started in the
  microtask after the code is loaded, outside both parts of the figure; it costs the extension
  host a process spawn, a few milliseconds, in a moment it would otherwise wait.)
- **\`.vsix\` ≤ 1 MB** (our own target). The bundles are about 0.95 MB of it, compressed: the
  server's (with the generated schema validators) and the validation workers' are two copies of the
  engine. The README's screenshots, embedded so that the extension's page shows them offline, take
  about 0.55 MB and the walkthrough's four pictures 0.18 MB, both stored with a reduced palette (it
  was 1.4 MB and 0.47 MB before).
`;
