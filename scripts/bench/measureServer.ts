// Drives one language server through the editor scenario on one file: open, wait for the first
// diagnostics, type one character at the end and in the middle (each time waiting for the
// diagnostics of that edit), hover, complete, then read the server's peak memory.

import { performance } from 'node:perf_hooks';
import type { Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspSession, type LspSessionOptions, type Publish } from './lspSession';
import { summarize, type Stats } from './stats';

export interface ServerSpec {
  name: string;
  command: string[];
  session?: LspSessionOptions;
  initializationOptions?: unknown;
  /** Settings pushed after `initialized`; the server is expected to pull them. */
  settings?: unknown;
  /** Our server publishes the document version; yaml-language-server does not. */
  publishesVersion: boolean;
}

/** Where the scenario types, hovers and completes, found by `findAnchors`. */
export interface EditAnchors {
  /** Just after the last letter of a `protocol: TCP` value; the edit toggles that letter's case. */
  endProtocol: Position;
  middleProtocol: Position;
  /** Inside the `podSelector` key of the middle document. */
  hover: Position;
  /** Inside the `policyTypes` key of the middle document, as if typing it. */
  completion: Position;
  /** After `app: ` in the middle document's `podSelector.matchLabels`, where label values are offered. */
  selectorCompletion: Position;
}

export interface ServerResult {
  name: string;
  /** Median over `openRuns` fresh servers. */
  openMs?: number;
  openRuns?: number;
  firstDiagnostics?: number;
  editEnd?: Stats;
  editMiddle?: Stats;
  hover?: Stats;
  completion?: Stats;
  selectorCompletion?: Stats;
  peakBytes?: number;
  error?: string;
}

export interface ScenarioLimits {
  samples: number;
  /** Stop sampling a phase once it has used this long (a slow server still gets `minSamples`). */
  phaseBudgetMs: number;
  minSamples: number;
  timeoutMs: number;
}

export async function measureServer(
  spec: ServerSpec,
  uri: string,
  text: string,
  anchors: EditAnchors,
  limits: ScenarioLimits,
): Promise<ServerResult> {
  const result: ServerResult = { name: spec.name };
  const session = new LspSession(spec.command, spec.session);
  try {
    const initialized = await session.initialize(spec.initializationOptions);
    if (spec.settings !== undefined) await session.changeConfiguration(spec.settings, limits.timeoutMs);

    const first = await openAndWait(session, spec, uri, text, limits.timeoutMs);
    result.openMs = first.ms;
    result.firstDiagnostics = first.publish.params.diagnostics.length;

    let version = 1;
    const baseline = first.publish.params.diagnostics.length;
    const typeAt = async (anchor: Position): Promise<Stats> => {
      const samples: number[] = [];
      const phaseStarted = performance.now();
      for (let edit = 1; edit <= limits.samples; edit++) {
        const overBudget = performance.now() - phaseStarted > limits.phaseBudgetMs;
        // An even number of edits leaves the text as it was, so the next phase starts clean.
        if (overBudget && samples.length >= limits.minSamples && edit % 2 === 1) break;
        version++;
        const introducesError = edit % 2 === 1;
        const sequence = session.nextSequence;
        const started = performance.now();
        await session.change(uri, version, [
          {
            range: { start: { ...anchor, character: anchor.character - 1 }, end: anchor },
            text: introducesError ? 'p' : 'P',
          },
        ]);
        const expected = version;
        const accept = (params: PublishDiagnosticsParams): boolean =>
          (spec.publishesVersion ? params.version === expected : true) &&
          (introducesError ? params.diagnostics.length > baseline : params.diagnostics.length === baseline);
        const publish = await session.waitForPublish(uri, sequence, accept, limits.timeoutMs);
        samples.push(publish.at - started);
      }
      return summarize(samples);
    };
    result.editEnd = await typeAt(anchors.endProtocol);
    result.editMiddle = await typeAt(anchors.middleProtocol);

    const requestLatency = async (method: string, position: Position): Promise<Stats> => {
      const samples: number[] = [];
      const phaseStarted = performance.now();
      for (let i = 0; i < limits.samples; i++) {
        if (performance.now() - phaseStarted > limits.phaseBudgetMs && samples.length >= limits.minSamples)
          break;
        const { ms } = await session.timedRequest(method, { textDocument: { uri }, position });
        samples.push(ms);
      }
      return summarize(samples);
    };
    if (initialized.capabilities.hoverProvider) {
      result.hover = await requestLatency('textDocument/hover', anchors.hover);
    }
    if (initialized.capabilities.completionProvider) {
      result.completion = await requestLatency('textDocument/completion', anchors.completion);
      result.selectorCompletion = await requestLatency('textDocument/completion', anchors.selectorCompletion);
    }
    result.peakBytes = session.peakMemoryBytes();
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
    result.peakBytes ??= session.peakMemoryBytes();
  } finally {
    await session.shutdown();
  }
  return result;
}

async function openAndWait(
  session: LspSession,
  spec: ServerSpec,
  uri: string,
  text: string,
  timeoutMs: number,
): Promise<{ ms: number; publish: Publish }> {
  const sequence = session.nextSequence;
  const started = performance.now();
  await session.open(uri, text);
  const publish = await session.waitForPublish(
    uri,
    sequence,
    (params) => !spec.publishesVersion || params.version === 1,
    timeoutMs,
  );
  return { ms: publish.at - started, publish };
}

/** Open → first diagnostics in a fresh server, for repeating that measurement on its own. */
export async function measureOpen(
  spec: ServerSpec,
  uri: string,
  text: string,
  timeoutMs: number,
): Promise<number> {
  const session = new LspSession(spec.command, spec.session);
  try {
    await session.initialize(spec.initializationOptions);
    if (spec.settings !== undefined) await session.changeConfiguration(spec.settings, timeoutMs);
    return (await openAndWait(session, spec, uri, text, timeoutMs)).ms;
  } finally {
    await session.shutdown();
  }
}

export interface DuringValidation {
  /** Round trips of hover and completion requests sent one after another while the file was validated. */
  hover: Stats;
  completion: Stats;
  /** From `didOpen` until the first diagnostics (the validation the requests were answered during). */
  validationMs: number;
}

/**
 * Opens the file in a fresh server and, without waiting, sends hover and completion requests one
 * after another (each as soon as the previous one is answered) until the first diagnostics arrive:
 * how interactive requests fare while the whole file is being validated.
 */
export async function measureDuringValidation(
  spec: ServerSpec,
  uri: string,
  text: string,
  anchors: EditAnchors,
  timeoutMs: number,
): Promise<DuringValidation> {
  const session = new LspSession(spec.command, spec.session);
  try {
    await session.initialize(spec.initializationOptions);
    if (spec.settings !== undefined) await session.changeConfiguration(spec.settings, timeoutMs);
    const sequence = session.nextSequence;
    const started = performance.now();
    let done = false;
    const published = session
      .waitForPublish(uri, sequence, (params) => !spec.publishesVersion || params.version === 1, timeoutMs)
      .then((publish) => {
        done = true;
        return publish.at - started;
      });
    await session.open(uri, text);
    const hover: number[] = [];
    const completion: number[] = [];
    for (let turn = 0; !done && performance.now() - started < timeoutMs; turn++) {
      const [method, position, samples] =
        turn % 2 === 0
          ? (['textDocument/hover', anchors.hover, hover] as const)
          : (['textDocument/completion', anchors.completion, completion] as const);
      const { ms } = await session.timedRequest(method, { textDocument: { uri }, position });
      // A request answered after validation ended was not answered during it.
      if (!done) samples.push(ms);
    }
    return { hover: summarize(hover), completion: summarize(completion), validationMs: await published };
  } finally {
    await session.shutdown();
  }
}

/** Finds the scenario's positions in a kubectl List dump made by `generateKubectlList`. */
export function findListAnchors(text: string, middleItem: number): EditAnchors {
  const lines = text.split('\n');
  const itemStarts = lines.flatMap((line, index) => (line.startsWith('- apiVersion:') ? [index] : []));
  const within = (item: number, pattern: RegExp, last = false): { line: number; match: RegExpExecArray } => {
    const end = itemStarts[item + 1] ?? lines.length;
    let found: { line: number; match: RegExpExecArray } | undefined;
    for (let line = itemStarts[item]; line < end; line++) {
      const match = pattern.exec(lines[line]);
      if (match) {
        found = { line, match };
        if (!last) break;
      }
    }
    if (!found) throw new Error(`no line matching ${pattern} in item ${item}`);
    return found;
  };
  // The ingress port's protocol: the last `protocol: TCP` of the item.
  const protocolIn = (item: number): Position => {
    const { line, match } = within(item, /^(\s+protocol: )TCP$/, true);
    return { line, character: match[1].length + 3 };
  };
  const hover = within(middleItem, /^( {4})podSelector:/);
  const completion = within(middleItem, /^( {4})policyTypes:/);
  // The only `app:` at this depth is the one in spec.podSelector.matchLabels.
  const selector = within(middleItem, /^( {8}app: )/);
  return {
    endProtocol: protocolIn(itemStarts.length - 1),
    middleProtocol: protocolIn(middleItem),
    hover: { line: hover.line, character: hover.match[1].length + 4 },
    completion: { line: completion.line, character: completion.match[1].length + 3 },
    selectorCompletion: { line: selector.line, character: selector.match[1].length },
  };
}

/** Finds the scenario's positions in a file made by `generateNetworkPolicies`. */
export function findAnchors(text: string, middleDocument: number): EditAnchors {
  const lines = text.split('\n');
  const documentStarts = lines.flatMap((line, index) => (line === '---' ? [index] : []));
  const lineAfter = (from: number, pattern: RegExp): { line: number; match: RegExpExecArray } => {
    for (let line = from; line < lines.length; line++) {
      const match = pattern.exec(lines[line]);
      if (match) return { line, match };
    }
    throw new Error(`no line matching ${pattern} after line ${from}`);
  };
  const protocolIn = (document: number): Position => {
    const { line, match } = lineAfter(documentStarts[document], /^(\s*- protocol: )TCP$/);
    return { line, character: match[1].length + 3 };
  };
  const middleStart = documentStarts[middleDocument];
  const hover = lineAfter(middleStart, /^( {2})podSelector:/);
  const completion = lineAfter(middleStart, /^( {2})policyTypes:/);
  const selector = lineAfter(hover.line + 1, /^( {6}app: )/);
  return {
    endProtocol: protocolIn(documentStarts.length - 1),
    middleProtocol: protocolIn(middleDocument),
    hover: { line: hover.line, character: hover.match[1].length + 4 },
    completion: { line: completion.line, character: completion.match[1].length + 3 },
    selectorCompletion: { line: selector.line, character: selector.match[1].length },
  };
}
