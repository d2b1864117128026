// Dry-run, diff and apply of a manifest the user has open: the text goes to kubectl on stdin (so
// nothing from the file becomes a command-line argument), and kubectl's errors are mapped back to the
// document and field they are about.

import { isMap, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { parseYaml } from '../engine/parse/parseYaml';
import type { Kubectl, TargetedKubectl } from './kubectl';
import { ClusterError, isClusterError } from './errors';
import type { ClusterTarget } from './target';
import { printable } from './validate';

export interface ManifestProblem {
  message: string;
  /** Zero-based offsets into the text. */
  start: number;
  end: number;
}

export interface DryRunResult {
  target: ClusterTarget;
  ok: boolean;
  output: string;
  problems: ManifestProblem[];
}

export async function dryRunManifest(
  runner: Kubectl,
  text: string,
  signal?: AbortSignal,
): Promise<DryRunResult> {
  const target = await runner.resolveTarget(signal);
  const kubectl = runner.at(target);
  const result = await kubectl.run(['apply', '--dry-run=server', '--filename=-'], {
    stdin: text,
    signal,
    okExitCodes: [1],
  });
  if (result.exitCode === 0) return { target, ok: true, output: result.stdout, problems: [] };
  // A non-API failure (no context, unreachable, forbidden) is one of our specific errors, not a manifest problem.
  const generic = kubectl.explain(result);
  if (generic.code !== 'command-failed' && generic.code !== 'not-found') throw generic;
  return {
    target,
    ok: false,
    output: result.stdout,
    problems: problemsFrom(text, kubectl.redactor.redact(result.stderr)),
  };
}

export async function diffManifest(
  runner: Kubectl,
  text: string,
  signal?: AbortSignal,
): Promise<{ target: ClusterTarget; changed: boolean; diff: string }> {
  const target = await runner.resolveTarget(signal);
  return { target, ...(await diffOn(runner.at(target), text, signal)) };
}

async function diffOn(
  kubectl: TargetedKubectl,
  text: string,
  signal?: AbortSignal,
): Promise<{ changed: boolean; diff: string }> {
  // kubectl diff exits 1 when there are differences and >1 on errors.
  const result = await kubectl.run(['diff', '--filename=-'], { stdin: text, signal, okExitCodes: [1] });
  if (result.exitCode === 1 && !result.stdout.trim()) throw kubectl.explain(result);
  return { changed: result.exitCode === 1, diff: result.stdout };
}

/** What kubectl diff compares: the live objects and the objects after a server-side dry-run apply. */
export async function liveAndMerged(
  runner: Kubectl,
  text: string,
  signal?: AbortSignal,
): Promise<{ target: ClusterTarget; live: string; merged: string }> {
  const target = await runner.resolveTarget(signal);
  const kubectl = runner.at(target);
  const live = await kubectl.run(['get', '--ignore-not-found', '--filename=-', '--output=yaml'], {
    stdin: text,
    signal,
  });
  const merged = await kubectl.run(['apply', '--dry-run=server', '--filename=-', '--output=yaml'], {
    stdin: text,
    signal,
  });
  return { target, live: stripVolatile(live.stdout), merged: stripVolatile(merged.stdout) };
}

export interface ApplyResult {
  /** kubectl's own report ("networkpolicy.networking.k8s.io/x created"), or what the read-back found. */
  output: string;
  /** Set when kubectl was stopped after it started and `kubectl diff` then found nothing left to apply. */
  interrupted?: string;
}

/**
 * Applies `text` to the confirmed `target` only: the context is re-read first and the apply refused
 * when it now points at another API server. When kubectl is stopped after it started (timeout,
 * cancel, lost connection), `kubectl diff` tells whether the cluster now matches the text.
 */
export async function applyManifest(
  runner: Kubectl,
  target: ClusterTarget,
  text: string,
  options: { signal?: AbortSignal; label?: string } = {},
): Promise<ApplyResult> {
  await runner.confirmTarget(target, options.signal);
  const kubectl = runner.at(target);
  try {
    const result = await kubectl.run(['apply', '--filename=-'], { stdin: text, signal: options.signal });
    return { output: result.stdout };
  } catch (error) {
    if (!isClusterError(error) || !['timeout', 'cancelled', 'unreachable'].includes(error.code)) throw error;
    const what =
      error.code === 'cancelled'
        ? 'was cancelled'
        : error.code === 'timeout'
          ? 'did not finish in time'
          : 'lost the connection';
    const happened = `kubectl ${what} after it started applying ${options.label ?? 'the file'}`;
    const check = `${kubectl.commandLine(['diff', '--filename=-'])} < ${options.label ?? 'FILE'}`;
    let diff: { changed: boolean };
    try {
      diff = await diffOn(kubectl, text);
    } catch (diffError) {
      throw new ClusterError(
        'interrupted',
        `${happened}, and the cluster could not be compared with it afterwards (${(diffError as Error).message}): the change may have been applied. Check with: ${check}`,
      );
    }
    if (diff.changed) {
      throw new ClusterError(
        'interrupted',
        `${happened}; kubectl diff afterwards still finds differences on context "${printable(target.context)}", so it was not applied, or only partly. Check with: ${check}, then apply again.`,
      );
    }
    const message = `${happened}, but the cluster now matches it: kubectl diff on context "${printable(target.context)}" finds no differences (checked afterwards).`;
    return { output: message, interrupted: happened };
  }
}

function stripVolatile(yamlText: string): string {
  return yamlText
    .split('\n')
    .filter((line) => !/^\s+(resourceVersion|uid|generation|creationTimestamp):/.test(line))
    .join('\n');
}

/** Maps kubectl error lines to the document (by kind and name) and, when given, the field path. */
export function problemsFrom(text: string, stderr: string): ManifestProblem[] {
  // The engine's guarded parse: the open file may be hostile (quadratic duplicate keys, aliases).
  const list: Document[] = parseYaml(text).map((parsed) => parsed.document);
  const problems: ManifestProblem[] = [];
  for (const line of stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    if (/^(Warning|W\d{4}|E\d{4})/.test(line)) continue;
    const invalid =
      /The (\w+) "([^"]+)" is invalid: (.*)$/.exec(line) ??
      /(?:^|: )(\w+)(?:\.[\w.-]+)? "([^"]+)" is invalid: (.*)$/.exec(line);
    const kind = invalid?.[1];
    const name = invalid?.[2];
    const detail = invalid?.[3] ?? line.replace(/^Error from server \(\w+\): /, '').replace(/^error: /, '');
    const document =
      list.find((doc) => doc.get('kind') === kind && (doc.getIn(['metadata', 'name']) as unknown) === name) ??
      (list.length === 1 ? list[0] : undefined);
    const range = document
      ? rangeOf(document, detail)
      : [0, Math.min(text.length, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length)];
    for (const message of detail.split(/, (?=[a-z][\w.[\]]*: )/))
      problems.push({ message: message.trim(), start: range[0], end: range[1] });
  }
  if (problems.length === 0 && stderr.trim())
    problems.push({ message: stderr.trim().split('\n')[0], start: 0, end: 0 });
  return problems;
}

function rangeOf(document: Document, detail: string): [number, number] {
  const field = /^([a-zA-Z][\w.[\]]*): /.exec(detail)?.[1];
  const path = field
    ? field
        .split(/\.|\[(\d+)\]/)
        .filter((part) => part !== undefined && part !== '')
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    : [];
  for (let length = path.length; length > 0; length--) {
    const node = document.getIn(path.slice(0, length), true) as YamlNode | undefined;
    if (node?.range) return [node.range[0], node.range[1]];
  }
  const kindNode = document.contents;
  if (isMap(kindNode) || isSeq(kindNode)) {
    const range = kindNode.range;
    if (range)
      return [range[0], Math.min(range[1], range[0] + 1 + Math.max(0, String(document).indexOf('\n')))];
  }
  return [0, 0];
}

export function ensureManifestText(text: string): string {
  if (!text.trim())
    throw new ClusterError('invalid-input', 'The file is empty; there is nothing to send to the cluster.');
  return text;
}
