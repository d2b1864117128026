// Completion from what the workspace's objects carry: label keys and values inside selectors, so a
// selector matches real pods, namespaces and service accounts, and container port names for `port`.
// A workspace can hold 100,000 labels: the list is filtered by what is typed, ranked, and cut to
// MAX_LABEL_CANDIDATES, and marked incomplete so the editor asks again as the user types.

import type { OffsetRange, Path } from '../types';
import type { CompletionCandidate, CompletionOptions } from './completion';
import type { CursorPlace } from './cursor';
import {
  MAX_PLACES,
  selectorTarget,
  type LabelTarget,
  type LabelUse,
  type WorkspaceLabels,
} from './workspaceLabels';
import { unquote } from './yamlOutline';

/** Enough to choose from; the editor re-asks as the user types when more matched. */
export const MAX_LABEL_CANDIDATES = 200;

/** The workspace's labels for one completion request, and whether its answer was cut short. */
export class LabelQuery {
  incomplete = false;
  private sources?: readonly WorkspaceLabels[];

  constructor(private readonly load: CompletionOptions['labels']) {}

  get available(): boolean {
    return this.load !== undefined;
  }

  /** Read only when the cursor is where labels are completed. */
  private all(): readonly WorkspaceLabels[] {
    this.sources ??= this.load?.() ?? [];
    return this.sources;
  }

  /** Label keys of `target` with how many objects carry each. */
  keyCounts(target: LabelTarget): Map<string, number> {
    const counts = new Map<string, number>();
    for (const source of this.all()) {
      for (const [key, use] of source.of(target)) counts.set(key, (counts.get(key) ?? 0) + use.count);
    }
    return counts;
  }

  /** Values of one label key, merged over the sources. */
  values(target: LabelTarget, key: string): Map<string, LabelUse> {
    const merged = new Map<string, LabelUse>();
    for (const source of this.all()) {
      for (const [value, use] of source.of(target).get(key)?.values ?? []) mergeUse(merged, value, use);
    }
    return merged;
  }

  portNames(): Map<string, LabelUse> {
    const merged = new Map<string, LabelUse>();
    for (const source of this.all()) for (const [name, use] of source.portNames) mergeUse(merged, name, use);
    return merged;
  }

  /**
   * The names to offer for `typed`: those that start with it (ignoring case) first, then those that
   * contain its characters in order (as the editor's own filter does), each by how many objects
   * carry them; at most MAX_LABEL_CANDIDATES.
   */
  rank(counts: ReadonlyMap<string, number>, typed: string): string[] {
    const needle = unquote(typed.trim()).replace(/^["']/, '').toLowerCase();
    const matches: Array<{ name: string; tier: number; count: number }> = [];
    for (const [name, count] of counts) {
      const tier = matchTier(name, needle);
      if (tier !== undefined) matches.push({ name, tier, count });
    }
    matches.sort(
      (a, b) => a.tier - b.tier || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    if (matches.length > MAX_LABEL_CANDIDATES) {
      this.incomplete = true;
      matches.length = MAX_LABEL_CANDIDATES;
    }
    return matches.map((match) => match.name);
  }
}

function mergeUse(into: Map<string, LabelUse>, name: string, use: LabelUse): void {
  const mine = into.get(name);
  if (!mine) {
    into.set(name, { count: use.count, places: [...use.places] });
    return;
  }
  mine.count += use.count;
  for (const place of use.places)
    if (mine.places.length < MAX_PLACES && !mine.places.includes(place)) mine.places.push(place);
}

/** 0: starts with `needle`; 1: holds its characters in order; undefined: no match. Linear in `name`. */
function matchTier(name: string, needle: string): number | undefined {
  if (needle === '') return 0;
  if (needle.length > name.length) return undefined;
  const lower = name.toLowerCase();
  if (lower.startsWith(needle)) return 0;
  let at = 0;
  for (let i = 0; i < lower.length && at < needle.length; i++) if (lower[i] === needle[at]) at++;
  return at === needle.length ? 1 : undefined;
}

const OBJECT_WORDS: Record<LabelTarget, [string, string]> = {
  pods: ['pod', 'pods'],
  namespaces: ['namespace', 'namespaces'],
  serviceAccounts: ['service account', 'service accounts'],
};

function objectWords(target: LabelTarget, count?: number): string {
  const [one, many] = OBJECT_WORDS[target];
  return count === undefined ? many : `${count} ${count === 1 ? one : many}`;
}

export function labelKeyCandidates(
  query: LabelQuery,
  target: LabelTarget,
  place: Extract<CursorPlace, { type: 'key' }>,
): CompletionCandidate[] {
  const counts = query.keyCounts(target);
  for (const present of place.presentKeys) counts.delete(present);
  return query.rank(counts, place.prefix).map((key, index) => {
    const values = query.values(target, key);
    const common = [...values.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 5);
    const seen = [...new Set(common.flatMap(([, use]) => use.places))].slice(0, 5);
    const single = values.size === 1 ? common[0][0] : undefined;
    return {
      label: key,
      kind: 'label',
      detail: `label on ${objectWords(target, counts.get(key))}`,
      documentation: `Values in the workspace: ${common.map(([v]) => `\`${v}\``).join(', ')}${values.size > common.length ? `, and ${values.size - common.length} more` : ''}\n\nSeen on: ${seen.join(', ')}`,
      insertText: place.hasColon
        ? key
        : `${key}: ${single !== undefined ? `\${1:${escapeSnippet(quoteIfNeeded(single))}}` : '$0'}`,
      snippet: !place.hasColon,
      range: place.replace,
      sortText: sortText(index),
    };
  });
}

/** Values of `key` in a `matchLabels` map, or of a `matchExpressions` item's `key` or `values`. */
export function labelValueCandidates(
  path: Path,
  place: CursorPlace,
  query: LabelQuery,
): CompletionCandidate[] | undefined {
  const target = selectorTarget(path);
  if (!target || !query.available) return undefined;
  let key: string | undefined;
  if (path.length >= 2 && path[path.length - 2] === 'matchLabels') key = String(path[path.length - 1]);
  else if (path[path.length - 1] === 'key' && path[path.length - 3] === 'matchExpressions') {
    return query.rank(query.keyCounts(target), place.prefix).map((label, index) => ({
      label,
      kind: 'label' as const,
      detail: `label on ${objectWords(target)}`,
      insertText: label,
      snippet: false,
      range: place.replace,
      sortText: sortText(index),
    }));
  } else if (typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'values') {
    const item = place.node.parent?.parent;
    const keyEntry = item?.children.find((child) => child.kind === 'entry' && child.key === 'key');
    key = keyEntry ? unquote(keyEntry.valueText) : undefined;
  }
  if (key === undefined) return undefined;
  const values = query.values(target, key);
  const counts = new Map([...values].map(([value, use]) => [value, use.count]));
  return query.rank(counts, place.prefix).map((value, index) => ({
    label: value,
    kind: 'label' as const,
    detail: values.get(value)!.places.slice(0, 3).join(', '),
    insertText: quoteIfNeeded(value),
    snippet: false,
    range: place.replace,
    sortText: sortText(index),
  }));
}

/** Named container ports of the workspace's pods, for a NetworkPolicy port written by name. */
export function portNameCandidates(
  query: LabelQuery,
  typed: string,
  range: OffsetRange,
): CompletionCandidate[] {
  const names = query.portNames();
  const counts = new Map([...names].map(([name, use]) => [name, use.count]));
  return query.rank(counts, typed).map((name, index) => {
    const places = names.get(name)!.places;
    return {
      label: name,
      kind: 'value' as const,
      detail: places.slice(0, 2).join(', '),
      documentation: `Container port named \`${name}\`: ${places.join('; ')}. A policy port written by name matches the container port with that name on each pod.`,
      insertText: name,
      snippet: false,
      range,
      sortText: sortText(index),
    };
  });
}

/** Keeps the ranking in the editor, which sorts by sortText among equally good matches. */
function sortText(index: number): string {
  return `0${String(index).padStart(4, '0')}`;
}

/** Label values such as `true` or `80` must be quoted to stay strings in YAML. */
function quoteIfNeeded(value: string): string {
  return /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F]+)$/i.test(value) ||
    value === ''
    ? `"${value}"`
    : value;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}
