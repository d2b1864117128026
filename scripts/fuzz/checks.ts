// What the fuzzer asserts about one text: every engine entry point returns without throwing, within
// the time limit, and every range it hands back (diagnostics, fix edits, completion ranges) lies
// inside the text it was given.

import {
  lintText,
  ManifestFile,
  withDefaults,
  type Diagnostic,
  type EngineSettings,
  type OffsetRange,
} from '../../src/engine';
import {
  collectLabels,
  completeInFile,
  WorkspaceLabels,
  disableLineEdit,
  documentSymbols,
  explainFile,
  fixAllEdits,
  type OutlineSymbol,
} from '../../src/engine/editing';

export interface Problem {
  /** `throw`, `slow` or `range`. */
  type: 'throw' | 'slow' | 'range';
  entryPoint: string;
  detail: string;
}

export interface CheckOptions {
  /** A single entry point taking longer than this is a finding. */
  timeLimitMs: number;
  settings?: Partial<EngineSettings>;
  /** Text the incremental path starts from (the unmutated seed file), so its cache is exercised. */
  previousText?: string;
  /** How many cursor offsets to try the editing features at. */
  cursorProbes?: number;
  /** Chooses the cursor offsets; defaults to evenly spread offsets. */
  pickOffset?: (length: number, probe: number) => number;
}

function rangeProblem(range: OffsetRange, length: number): string | undefined {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `non-integer range ${start}-${end}`;
  if (start < 0 || end < start || end > length) return `range ${start}-${end} outside 0-${length}`;
  return undefined;
}

/** Every way a diagnostic list can point outside the text: its range, or one of its fixes' edits. */
export function diagnosticRangeProblems(diagnostics: readonly Diagnostic[], length: number): string[] {
  const problems: string[] = [];
  for (const diagnostic of diagnostics) {
    const own = rangeProblem(diagnostic.range, length);
    if (own) problems.push(`${diagnostic.code} ${own}`);
    for (const fix of diagnostic.fixes ?? []) {
      for (const edit of fix.edits) {
        const editProblem = rangeProblem(edit, length);
        if (editProblem) problems.push(`${diagnostic.code} fix "${fix.title}" edit ${editProblem}`);
      }
    }
  }
  return problems;
}

function timed<T>(
  entryPoint: string,
  options: CheckOptions,
  problems: Problem[],
  run: () => T,
): T | undefined {
  const started = performance.now();
  let result: T | undefined;
  try {
    result = run();
  } catch (error) {
    problems.push({ type: 'throw', entryPoint, detail: (error as Error)?.stack ?? String(error) });
  }
  const elapsed = performance.now() - started;
  if (elapsed > options.timeLimitMs) {
    problems.push({ type: 'slow', entryPoint, detail: `took ${Math.round(elapsed)} ms` });
  }
  return result;
}

function evenOffset(length: number, probe: number, probes: number): number {
  return Math.floor(((probe + 1) * length) / (probes + 1));
}

/** Runs every engine entry point on `text` and returns what went wrong (empty when all is well). */
export function checkText(text: string, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const settings = withDefaults(options.settings);

  const diagnostics = timed('lintText', options, problems, () => lintText(text, settings));
  for (const detail of diagnosticRangeProblems(diagnostics ?? [], text.length)) {
    problems.push({ type: 'range', entryPoint: 'lintText', detail });
  }

  if (options.previousText !== undefined) {
    const file = new ManifestFile(settings);
    const previous = options.previousText;
    timed('ManifestFile.update(previous)', options, problems, () => file.update(previous));
    const updated = timed('ManifestFile.update', options, problems, () => file.update(text));
    for (const detail of diagnosticRangeProblems(updated ?? [], text.length)) {
      problems.push({ type: 'range', entryPoint: 'ManifestFile.update', detail });
    }
  }

  // The whole-file editing features, on the file as the language server holds it.
  const file = new ManifestFile(settings);
  const fileDiagnostics =
    timed('ManifestFile.update(text)', options, problems, () => file.update(text)) ?? [];
  const lines = file.getLines();
  const outOfRange = (entryPoint: string, ranges: readonly OffsetRange[]): void => {
    for (const range of ranges) {
      const detail = rangeProblem(range, text.length);
      if (detail) problems.push({ type: 'range', entryPoint, detail });
    }
  };
  const symbols = timed('documentSymbols', options, problems, () => documentSymbols(file)) ?? [];
  outOfRange('documentSymbols', symbolRanges(symbols));
  timed('explainFile', options, problems, () => explainFile(file, settings, fileDiagnostics));
  outOfRange(
    'fixAllEdits',
    timed('fixAllEdits', options, problems, () => fixAllEdits(fileDiagnostics)) ?? [],
  );
  for (const diagnostic of fileDiagnostics.slice(0, 5)) {
    const edit = timed('disableLineEdit', options, problems, () => disableLineEdit(text, lines, diagnostic));
    if (edit) outOfRange('disableLineEdit', [edit]);
  }

  // The file's own workloads stand in for the workspace, so label and port name completion run too.
  const labels = new WorkspaceLabels();
  timed('collectLabels', options, problems, () => collectLabels(text, labels));
  const probes = options.cursorProbes ?? 0;
  for (let probe = 0; probe < probes; probe++) {
    const offset = options.pickOffset
      ? options.pickOffset(text.length, probe)
      : evenOffset(text.length, probe, probes);
    const candidates = timed(`completeInFile(${offset})`, options, problems, () =>
      completeInFile(file, offset, { labels: () => [labels] }),
    );
    for (const candidate of candidates?.items ?? []) {
      outOfRange(`completeInFile(${offset})`, [candidate.range, ...(candidate.additionalEdits ?? [])]);
    }
    const hover = timed(`hoverAt(${offset})`, options, problems, () => file.hoverAt(offset, { settings }));
    if (hover) {
      const detail = rangeProblem(hover.range, text.length);
      if (detail) problems.push({ type: 'range', entryPoint: `hoverAt(${offset})`, detail });
    }
  }
  return problems;
}

function symbolRanges(symbols: readonly OutlineSymbol[]): OffsetRange[] {
  return symbols.flatMap((symbol) => [symbol.range, symbol.selectionRange, ...symbolRanges(symbol.children)]);
}
