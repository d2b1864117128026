// Finds YAML nodes by a resource path (`['spec', 'ingress', 0]`) and formats paths the way the
// Kubernetes API server prints them (`spec.ingress[0]`).

import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { OffsetRange, Path, PathSegment } from '../types';

export interface NodeLocation {
  /** The value node at the path (undefined when the key is present with no value). */
  value: Node | null | undefined;
  /** The mapping pair holding it, when the last step is a key. */
  pair?: Pair;
}

export function findNodeAtPath(root: unknown, path: Path): NodeLocation | undefined {
  let current: unknown = root;
  let pair: Pair | undefined;
  for (const segment of path) {
    pair = undefined;
    if (typeof segment === 'number') {
      if (!isSeq(current)) return undefined;
      current = current.items[segment];
      if (current === undefined) return undefined;
    } else {
      if (!isMap(current)) return undefined;
      const found = pairsByKey(current).get(segment);
      if (!found) return undefined;
      pair = found;
      current = pair.value;
    }
  }
  return { value: current as Node | null | undefined, pair };
}

/**
 * Each mapping's pairs by key text (the first pair for a repeated key), built on the first lookup:
 * rules locate one path per finding, and a scan of the mapping each time was quadratic in its size.
 * Parsed documents are not changed afterwards, so the index stays true.
 */
const PAIR_INDEX = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = PAIR_INDEX.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const key = isPair(item) ? keyText(item.key) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, item as Pair);
    }
    PAIR_INDEX.set(map, index);
  }
  return index;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

export function nodeRange(node: unknown): OffsetRange | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  return { start: range[0], end: Math.max(range[1], range[0]) };
}

/** The ranges of the value and of the key (when the last step is a key) found at a path. */
export interface PathRanges {
  value: OffsetRange | undefined;
  key: OffsetRange | undefined;
}

/**
 * The range a diagnostic about `path` should underline: the value when `prefer` is 'value' and a
 * value exists, else the key; walks up to the nearest existing ancestor when the path is missing.
 */
export function rangeForPath(root: unknown, path: Path, prefer: 'key' | 'value'): OffsetRange {
  return rangeForPathIn(
    (prefix) => {
      const location = findNodeAtPath(root, prefix);
      if (!location) return undefined;
      return {
        value: nodeRange(location.value),
        key: location.pair ? nodeRange(location.pair.key) : undefined,
      };
    },
    path,
    prefer,
  );
}

/** `rangeForPath` over any tree: `find` gives the ranges at a path, or undefined when it is missing. */
export function rangeForPathIn(
  find: (path: Path) => PathRanges | undefined,
  path: Path,
  prefer: 'key' | 'value',
): OffsetRange {
  for (let length = path.length; length >= 0; length--) {
    const location = find(length === path.length ? path : path.slice(0, length));
    if (!location) continue;
    const exact = length === path.length;
    const chosen =
      exact && prefer === 'value' ? (location.value ?? location.key) : (location.key ?? location.value);
    if (chosen && chosen.end > chosen.start) return chosen;
    if (chosen) return { start: chosen.start, end: chosen.start + 1 };
  }
  return { start: 0, end: 0 };
}

export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** Parses an ajv instancePath (`/spec/ingress/0`) into path segments, using the value to tell list indexes from keys. */
export function parseJsonPointer(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      path.push(Number(segment));
      current = current[Number(segment)];
    } else {
      path.push(segment);
      current =
        current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
