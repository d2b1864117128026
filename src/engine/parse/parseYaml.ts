// The one place YAML is read, by the engine and by the language server's workspace scan. Parses
// one chunk, keeping node positions, and turns its syntax errors into plain records; offsets are
// relative to the chunk. Plain block YAML (what kubectl prints and most manifests are) is read by
// the fast reader (fastYaml.ts), which accepts no aliases, repeated keys or deep nesting; the rest
// by the `yaml` package, guarded against everything that could cost more than the text's length:
// nesting depth, duplicate keys (the package compares each key with every earlier one, quadratic in
// a mapping's size) and aliases (see yamlValue.ts). The `yaml` syntax tree of a fast-read document
// is composed only for the fixes that need its nodes.

import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { OffsetRange, Path } from '../types';
import { FastMap, FastSeq, readFast, type FastDocument, type FastNode, type NodeRange } from './fastYaml';
import { documentValue, type DocumentValue } from './yamlValue';
import { MAX_NESTING_DEPTH, TOO_DEEP_MESSAGE, type YamlSyntaxError } from './yamlLimits';
import { findNodeAtPath, nodeRange, rangeForPath, rangeForPathIn, type NodeLocation } from './yamlPath';

export { MAX_NESTING_DEPTH, type YamlSyntaxError } from './yamlLimits';
export { MAX_ALIAS_GROWTH, type DocumentValue } from './yamlValue';

export interface ParsedYaml {
  /** The `yaml` package's document; composed on first use when the fast reader read the text. */
  readonly document: Document.Parsed;
  readonly errors: YamlSyntaxError[];
  /** Nested deeper than MAX_NESTING_DEPTH: an error says so, and the document must not be converted. */
  readonly tooDeep: boolean;
  /** `[start, end of the content, end]` of the document in the text. */
  readonly range: readonly [number, number, number];
  /** The document as plain data, computed once. */
  toValue(): DocumentValue;
  /** The range of the node at `path` (value start to value end), without composing nodes. */
  nodeRangeAt(path: Path): OffsetRange | undefined;
  /** The whole range of the mapping at `path` (its trailing blanks included), if a mapping is there. */
  mappingRangeAt(path: Path): OffsetRange | undefined;
  /** What a diagnostic about `path` underlines (see `rangeForPath`), without composing nodes. */
  rangeOf(path: Path, target: 'key' | 'value'): OffsetRange;
  /** The `yaml` nodes at `path`, for fixes that edit around them (composes the document). */
  locate(path: Path): NodeLocation | undefined;
}

const OPTIONS = {
  prettyErrors: false,
  // Checked in linear time (inspectNodes); the parser's own check is quadratic in the keys of a mapping.
  uniqueKeys: false,
  // kubectl's YAML reader honours `<<: *anchor` merge keys, so we do too.
  merge: true,
  // Warnings (such as collection keys from unrendered Helm `{{ }}`) must not go to the process' stderr.
  logLevel: 'error',
} as const;

export function parseYaml(text: string): ParsedYaml[] {
  const fast = readFast(text);
  if (fast) return [new FastParsed(text, fast)];
  const parsed = parseAllDocuments(text, OPTIONS);
  if (!Array.isArray(parsed)) return [];
  return parsed.map((document) => {
    let errors: YamlSyntaxError[] = document.errors.map((error) => ({
      range: errorRange(text, error.pos[0], error.pos[1]),
      message: error.code === 'RESOURCE_EXHAUSTION' ? TOO_DEEP_MESSAGE : cleanMessage(error.message),
      yamlCode: error.code,
    }));
    const { tooDeepAt, duplicates } = inspectNodes(document.contents);
    if (duplicates.length > 0) errors = mergeByPosition(errors, duplicates);
    const reported = errors.some((error) => error.yamlCode === 'RESOURCE_EXHAUSTION');
    if (tooDeepAt && !reported)
      errors.push({ range: tooDeepAt, message: TOO_DEEP_MESSAGE, yamlCode: 'TOO_DEEP' });
    return new ComposedParsed(text, document, errors, tooDeepAt !== undefined);
  });
}

/** A document the `yaml` package read. */
class ComposedParsed implements ParsedYaml {
  private value: DocumentValue | undefined;

  constructor(
    private readonly text: string,
    readonly document: Document.Parsed,
    readonly errors: YamlSyntaxError[],
    readonly tooDeep: boolean,
  ) {}

  get range(): readonly [number, number, number] {
    return this.document.range;
  }

  toValue(): DocumentValue {
    this.value ??= this.tooDeep ? { value: undefined } : documentValue(this.document, this.text);
    return this.value;
  }

  nodeRangeAt(path: Path): OffsetRange | undefined {
    return nodeRange(findNodeAtPath(this.document.contents, path)?.value);
  }

  mappingRangeAt(path: Path): OffsetRange | undefined {
    const node = findNodeAtPath(this.document.contents, path)?.value;
    return isMap(node) && node.range ? { start: node.range[0], end: node.range[2] } : undefined;
  }

  rangeOf(path: Path, target: 'key' | 'value'): OffsetRange {
    return rangeForPath(this.document.contents, path, target);
  }

  locate(path: Path): NodeLocation | undefined {
    return findNodeAtPath(this.document.contents, path);
  }
}

/** A document the fast reader read: no syntax errors, and nodes only when a fix asks for them. */
class FastParsed implements ParsedYaml {
  readonly errors: YamlSyntaxError[] = [];
  readonly tooDeep = false;
  private composed: Document.Parsed | undefined;

  constructor(
    private readonly text: string,
    private readonly fast: FastDocument,
  ) {}

  get document(): Document.Parsed {
    this.composed ??= parseAllDocuments(this.text, OPTIONS)[0] as Document.Parsed;
    return this.composed;
  }

  get range(): readonly [number, number, number] {
    return this.fast.range;
  }

  toValue(): DocumentValue {
    return { value: this.fast.value };
  }

  nodeRangeAt(path: Path): OffsetRange | undefined {
    const node = fastNodeAt(this.fast.contents, path)?.value;
    return node ? fastNodeRange(node.range) : undefined;
  }

  mappingRangeAt(path: Path): OffsetRange | undefined {
    const node = fastNodeAt(this.fast.contents, path)?.value;
    return node instanceof FastMap ? { start: node.range[0], end: node.range[2] } : undefined;
  }

  rangeOf(path: Path, target: 'key' | 'value'): OffsetRange {
    return rangeForPathIn(
      (prefix) => {
        const found = fastNodeAt(this.fast.contents, prefix);
        return (
          found && {
            value: fastNodeRange(found.value.range),
            key: found.key ? fastNodeRange(found.key.range) : undefined,
          }
        );
      },
      path,
      target,
    );
  }

  locate(path: Path): NodeLocation | undefined {
    return findNodeAtPath(this.document.contents, path);
  }
}

/** The fast tree's node at `path`, as `findNodeAtPath` finds the `yaml` node. */
function fastNodeAt(root: FastNode, path: Path): { value: FastNode; key?: { range: NodeRange } } | undefined {
  let current: FastNode = root;
  let key: { range: NodeRange } | undefined;
  for (const segment of path) {
    key = undefined;
    if (typeof segment === 'number') {
      if (!(current instanceof FastSeq)) return undefined;
      const item: FastNode | undefined = current.items[segment];
      if (item === undefined) return undefined;
      current = item;
    } else {
      if (!(current instanceof FastMap)) return undefined;
      const index = current.keys.indexOf(segment);
      if (index === -1) return undefined;
      key = current.keyNodes[index];
      current = current.values[index];
    }
  }
  return { value: current, key };
}

function fastNodeRange(range: NodeRange): OffsetRange {
  return { start: range[0], end: Math.max(range[1], range[0]) };
}

/** How far past comments and blank lines an error's start is moved, at most. */
const MAX_ERROR_SHIFT = 4096;

/**
 * Where an error really is. The parser starts a node at the comments and blank lines before it,
 * so an error about that node (a block sequence used as a key, say) lands on the comment line
 * above the wrong one; move the start past them to the node's first character. Tabs are not
 * skipped: a tab used as indentation is itself the error.
 */
function errorRange(text: string, start: number, end: number): OffsetRange {
  // Bounded, so that thousands of errors before one long comment block stay linear.
  const limit = Math.min(text.length, start + MAX_ERROR_SHIFT);
  let at = start;
  while (at < limit) {
    const char = text[at];
    if (char === ' ' || char === '\n' || char === '\r') at++;
    else if (char === '#' && (at === 0 || /\s/.test(text[at - 1]))) {
      const newline = text.slice(at, limit).indexOf('\n');
      if (newline === -1) break;
      at += newline + 1;
    } else break;
  }
  // Only comments and blank space up to the end: keep the parser's place.
  if (at >= limit || (text[at] === '#' && at !== start)) at = start;
  return { start: at, end: Math.max(end, at + 1) };
}

/**
 * One walk without recursion (the tree may be very deep): the first node nested deeper than
 * MAX_NESTING_DEPTH, and each mapping key that repeats an earlier key of its mapping, compared as
 * the parser would (equal scalar values), through a set per mapping.
 */
function inspectNodes(root: unknown): { tooDeepAt?: OffsetRange; duplicates: YamlSyntaxError[] } {
  const duplicates: YamlSyntaxError[] = [];
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      const start = node.range?.[0] ?? 0;
      return { tooDeepAt: { start, end: start + 1 }, duplicates };
    }
    const seen = isMap(node) ? new Set<unknown>() : undefined;
    for (const item of node.items) {
      if (!isPair(item)) {
        stack.push([item, depth + 1]);
        continue;
      }
      stack.push([item.key, depth + 1], [item.value, depth + 1]);
      if (!seen || !isScalar(item.key)) continue;
      const key: unknown = item.key.value;
      // NaN equals nothing, and each merge key `<<` is its own symbol: neither can repeat.
      if (typeof key === 'number' && Number.isNaN(key)) continue;
      if (seen.has(key)) {
        const start = item.key.range?.[0] ?? 0;
        duplicates.push({
          range: { start, end: start + 1 },
          message: 'Map keys must be unique',
          yamlCode: 'DUPLICATE_KEY',
        });
      } else {
        seen.add(key);
      }
    }
  }
  return { duplicates };
}

/** The parser's errors with `added` put in by position, in one pass (there may be thousands). */
function mergeByPosition(errors: YamlSyntaxError[], added: YamlSyntaxError[]): YamlSyntaxError[] {
  const sorted = [...added].sort((a, b) => a.range.start - b.range.start);
  const out: YamlSyntaxError[] = [];
  let next = 0;
  for (const error of errors) {
    while (next < sorted.length && sorted[next].range.start < error.range.start) out.push(sorted[next++]);
    out.push(error);
  }
  while (next < sorted.length) out.push(sorted[next++]);
  return out;
}

/** The yaml package appends "at line L, column C" and a source excerpt; the editor already shows where. */
function cleanMessage(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
