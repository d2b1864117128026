// Dry-run, diff and apply of a manifest the user has open: the text goes to kubectl on stdin (so
// nothing from the file becomes a command-line argument), and kubectl's errors are mapped back to the
// document and field they are about.

import { isMap, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { parseYaml } from '../engine/parse/parseYaml';
import type { Kubectl } from './kubectl';
import { ClusterError } from './errors';

export interface ManifestProblem {
  message: string;
  /** Zero-based offsets into the text. */
  start: number;
  end: number;
}

export interface DryRunResult {
  ok: boolean;
  output: string;
  problems: ManifestProblem[];
}

export async function dryRunManifest(
  kubectl: Kubectl,
  text: string,
  signal?: AbortSignal,
): Promise<DryRunResult> {
  const result = await kubectl.run(['apply', '--dry-run=server', '--filename=-'], {
    stdin: text,
    signal,
    okExitCodes: [1],
  });
  if (result.exitCode === 0) return { ok: true, output: result.stdout, problems: [] };
  // A non-API failure (no context, unreachable, forbidden) is one of our specific errors, not a manifest problem.
  const generic = kubectl.explain(result);
  if (generic.code !== 'command-failed' && generic.code !== 'not-found') throw generic;
  return {
    ok: false,
    output: result.stdout,
    problems: problemsFrom(text, kubectl.redactor.redact(result.stderr)),
  };
}

export async function diffManifest(
  kubectl: Kubectl,
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
  kubectl: Kubectl,
  text: string,
  signal?: AbortSignal,
): Promise<{ live: string; merged: string }> {
  const live = await kubectl.run(['get', '--ignore-not-found', '--filename=-', '--output=yaml'], {
    stdin: text,
    signal,
  });
  const merged = await kubectl.run(['apply', '--dry-run=server', '--filename=-', '--output=yaml'], {
    stdin: text,
    signal,
  });
  return { live: stripVolatile(live.stdout), merged: stripVolatile(merged.stdout) };
}

export async function applyManifest(kubectl: Kubectl, text: string, signal?: AbortSignal): Promise<string> {
  const result = await kubectl.run(['apply', '--filename=-'], { stdin: text, signal });
  return result.stdout;
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
