// Parses one document chunk, keeping node positions, and turns its syntax errors into plain
// records. Offsets are relative to the chunk. Plain block YAML (what kubectl prints and most
// manifests are) is read by the fast reader (fastYaml.ts); everything else by the `yaml` package,
// whose syntax tree is also composed on demand for the rules and fixes that need its nodes.

import { isCollection, isMap, isPair, parseAllDocuments, visit, type Document } from 'yaml';
import type { OffsetRange, Path } from '../types';
import { withoutNullFields } from '../util/values';
import { FastMap, FastSeq, readFast, type FastDocument, type FastNode, type NodeRange } from './fastYaml';
import { findNodeAtPath, nodeRange, rangeForPath, rangeForPathIn, type NodeLocation } from './yamlPath';

export interface YamlSyntaxError {
  range: OffsetRange;
  message: string;
  yamlCode: string;
}

export interface DocumentValue {
  /** The document as plain data (`null` mapping values dropped); undefined when `problem` is set. */
  value: unknown;
  /** Why the document cannot be read as data (an alias without its anchor, an alias bomb). */
  problem?: YamlSyntaxError;
}

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

/** Sanity limit for alias expansion: a "billion laughs" document fails fast instead of exhausting memory. */
export const MAX_ALIAS_COUNT = 200;

/** The parser reports running out of stack as "Maximum call stack size exceeded"; say what it means. */
const TOO_DEEP = 'nesting is too deep to read; no real manifest nests this far';

/**
 * Real manifests nest about 10 levels (20 with managedFields). Deeper documents are not converted
 * or checked: converting a mapping whose keys are deep collections stringifies every key at every
 * level, which took minutes for a few hundred unclosed `[{` in a row.
 */
export const MAX_NESTING_DEPTH = 100;

const OPTIONS = {
  prettyErrors: false,
  uniqueKeys: true,
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
    const errors: YamlSyntaxError[] = document.errors.map((error) => ({
      range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      message: error.code === 'RESOURCE_EXHAUSTION' ? TOO_DEEP : cleanMessage(error.message),
      yamlCode: error.code,
    }));
    const deepNode = findTooDeepNode(document.contents);
    const reported = errors.some((error) => error.yamlCode === 'RESOURCE_EXHAUSTION');
    if (deepNode && !reported) errors.push({ range: deepNode, message: TOO_DEEP, yamlCode: 'TOO_DEEP' });
    return new ComposedParsed(document, errors, deepNode !== undefined);
  });
}

/** A document the `yaml` package read. */
class ComposedParsed implements ParsedYaml {
  private value: DocumentValue | undefined;

  constructor(
    readonly document: Document.Parsed,
    readonly errors: YamlSyntaxError[],
    readonly tooDeep: boolean,
  ) {}

  get range(): readonly [number, number, number] {
    return this.document.range;
  }

  toValue(): DocumentValue {
    this.value ??= this.convert();
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

  private convert(): DocumentValue {
    if (this.tooDeep) return { value: undefined };
    const { document } = this;
    try {
      return { value: withoutNullFields(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })) };
    } catch (error) {
      // toJS fails on an alias whose anchor is missing (anchors do not cross `---`) or on an alias
      // bomb; point at the first alias, which is where the problem is.
      const range =
        firstAliasRange(document) ??
        (document.range ? { start: document.range[0], end: document.range[0] + 1 } : { start: 0, end: 1 });
      return { value: undefined, problem: { range, message: (error as Error).message, yamlCode: 'ALIAS' } };
    }
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

function firstAliasRange(document: Document.Parsed): OffsetRange | undefined {
  let found: OffsetRange | undefined;
  visit(document, {
    Alias(_key, node) {
      if (node.range && !found) found = { start: node.range[0], end: node.range[1] };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

/** The first node nested deeper than MAX_NESTING_DEPTH, found without recursion (the tree may be very deep). */
function findTooDeepNode(root: unknown): OffsetRange | undefined {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      const start = node.range?.[0] ?? 0;
      return { start, end: start + 1 };
    }
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** The yaml package appends "at line L, column C" and a source excerpt; the editor already shows where. */
function cleanMessage(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
