// Turns a parsed YAML document into plain data, as kubectl would read it, in time linear in what
// the data holds. The `yaml` package's own conversion is not used: it counts alias *uses*, not the
// size they expand to (a 43 KB file of 150 aliases to 1,000 ipBlocks became 600,000 values and
// cost seconds and half a gigabyte per keystroke), and it looks each alias up by a scan of the
// document (quadratic in the number of anchors). Here one pass resolves every alias and measures
// what the document expands to; only a document within the limits is then converted.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { OffsetRange } from '../types';
import { MAX_NESTING_DEPTH, TOO_DEEP_MESSAGE, type YamlSyntaxError } from './yamlLimits';

/**
 * Aliases may double a document, or add this many values to a small one. Real manifests alias a
 * few labels or a port list; a document that grows more than that is built to exhaust the reader.
 */
export const MAX_ALIAS_GROWTH = 10_000;

export interface DocumentValue {
  /** The document as plain data, `null` mapping values dropped; undefined when `problem` is set. */
  value: unknown;
  problem?: YamlSyntaxError;
}

interface Resolution {
  /** The anchored node each alias stands for. */
  targets: Map<Node, Node>;
  problem?: YamlSyntaxError;
}

/** The plain data of `document`, or the one reason it cannot be read as data. */
export function documentValue(document: Document.Parsed, text: string): DocumentValue {
  const resolution = resolveAliases(document);
  if (resolution.problem) return { value: undefined, problem: resolution.problem };
  try {
    return { value: new Converter(resolution.targets, text).value(document.contents) };
  } catch (error) {
    if (!(error instanceof ConversionProblem)) throw error;
    return { value: undefined, problem: error.problem };
  }
}

/** Number of nodes written in the document (an alias counts as one). */
function countNodes(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
    } else if (isMap(node) || isSeq(node)) {
      count++;
      for (const item of node.items) stack.push(item);
    } else if (isScalar(node) || isAlias(node)) {
      count++;
    }
  }
  return count;
}

/**
 * Resolves every alias to the last node with its anchor before it (as YAML defines it), and
 * measures the expanded document in the same document-order walk: an anchored node's expanded size
 * is how much the running total grew while inside it, so each alias costs one lookup. The walk
 * recurses only as deep as the written document, which the caller has checked.
 */
function resolveAliases(document: Document.Parsed): Resolution {
  const written = countNodes(document.contents);
  const budget = written + Math.max(written, MAX_ALIAS_GROWTH);
  const anchors = new Map<string, Node>();
  const targets = new Map<Node, Node>();
  /** Expanded size and height of each anchored node whose walk has finished. */
  const measured = new Map<Node, { size: number; height: number }>();
  const open = new Set<Node>();
  let total = 0;
  let problem: YamlSyntaxError | undefined;

  /** Returns the height of the expanded subtree, or undefined once a problem is found. */
  const walk = (node: unknown, depth: number): number | undefined => {
    if (problem) return undefined;
    if (isPair(node)) {
      const key = walk(node.key, depth);
      const value = walk(node.value, depth);
      return key === undefined || value === undefined ? undefined : Math.max(key, value);
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const range = rangeOf(node);
      if (!target) {
        problem = {
          range,
          message: `alias *${node.source} has no anchor &${node.source} before it in this document (anchors do not carry across ---)`,
          yamlCode: 'ALIAS',
        };
        return undefined;
      }
      const size = measured.get(target);
      if (!size || open.has(target)) {
        problem = {
          range,
          message: `alias *${node.source} is inside the node it refers to, so it would repeat forever`,
          yamlCode: 'ALIAS',
        };
        return undefined;
      }
      targets.set(node, target);
      total += size.size;
      if (total > budget) {
        problem = {
          range,
          message: `aliases expand this document to more than ${budget.toLocaleString('en-US')} values (twice the ${written.toLocaleString('en-US')} written, or ${MAX_ALIAS_GROWTH.toLocaleString('en-US')} more for a small document), so it is not checked; alias smaller parts or fewer times`,
          yamlCode: 'ALIAS_EXPANSION',
        };
        return undefined;
      }
      if (depth + size.height > MAX_NESTING_DEPTH) {
        problem = { range, message: TOO_DEEP_MESSAGE, yamlCode: 'TOO_DEEP' };
        return undefined;
      }
      return size.height;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return 0;
    const anchored = node.anchor ? node : undefined;
    if (anchored) {
      anchors.set(anchored.anchor!, anchored);
      open.add(anchored);
    }
    const before = total;
    total++;
    let height = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        const child = walk(item, depth + 1);
        if (child === undefined) return undefined;
        height = Math.max(height, child + 1);
      }
    }
    if (anchored) {
      open.delete(anchored);
      measured.set(anchored, { size: total - before, height });
    }
    return height;
  };
  walk(document.contents, 0);
  return { targets, problem };
}

class ConversionProblem extends Error {
  constructor(readonly problem: YamlSyntaxError) {
    super(problem.message);
  }
}

/** Builds the plain data, repeating each alias's target (the budget was checked before). */
class Converter {
  constructor(
    private readonly targets: Map<Node, Node>,
    private readonly text: string,
  ) {}

  value(node: unknown): unknown {
    if (isAlias(node)) return this.value(this.targets.get(node));
    if (isScalar(node)) return typeof node.value === 'bigint' ? Number(node.value) : node.value;
    if (isSeq(node))
      return node.items.map((item) => (isPair(item) ? this.pairObject(item) : this.value(item)));
    if (isMap(node)) return withoutNulls(this.mapObject(node));
    if (isPair(node)) return this.pairObject(node);
    return node ?? null;
  }

  /** A mapping with its `null` values kept: merge keys must see them (an explicit `a: null` wins). */
  private mapObject(node: Node): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const items = isMap(node) ? node.items : [];
    for (const pair of items) {
      if (isMergeKey(pair.key)) this.merge(out, pair.value);
      else setOwn(out, this.keyText(pair.key), this.value(pair.value));
    }
    return out;
  }

  private pairObject(pair: Pair): Record<string, unknown> {
    return withoutNulls(setOwn({}, this.keyText(pair.key), this.value(pair.value)));
  }

  /** `<<: *base` or `<<: [*a, *b]`: copies the keys the mapping does not have yet. */
  private merge(into: Record<string, unknown>, source: unknown): void {
    const resolved = this.resolve(source);
    const sources = isSeq(resolved) ? resolved.items.map((item) => this.resolve(item)) : [resolved];
    for (const each of sources) {
      if (!isMap(each)) {
        throw new ConversionProblem({
          range: rangeOf(source),
          message: 'a merge key (<<) needs a mapping or an alias of one',
          yamlCode: 'MERGE',
        });
      }
      for (const [key, value] of Object.entries(this.mapObject(each))) {
        if (!Object.prototype.hasOwnProperty.call(into, key)) setOwn(into, key, value);
      }
    }
  }

  private resolve(node: unknown): unknown {
    return isAlias(node) ? this.targets.get(node) : node;
  }

  /** Plain keys as their text; a collection used as a key (an unrendered `{{ }}`) as written. */
  private keyText(key: unknown): string {
    const target = this.resolve(key);
    if (target === null || target === undefined) return '';
    if (isScalar(target)) return target.value === null ? '' : String(target.value);
    const range = (target as Node).range;
    return range ? this.text.slice(range[0], Math.min(range[1], range[0] + MAX_KEY_TEXT)) : '';
  }
}

/** A collection key longer than this is not a real field name; its text is cut to keep conversion linear. */
const MAX_KEY_TEXT = 1000;

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/** Sets an own property even for names like `__proto__`, which must not reach the prototype. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  if (key in object) {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
  return object;
}

/** Kubernetes treats a `null` mapping value as unset (`podSelector:` with no value). */
function withoutNulls(object: Record<string, unknown>): Record<string, unknown> {
  const values = Object.values(object);
  if (!values.some((value) => value === null || value === undefined)) return object;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && value !== undefined) setOwn(out, key, value);
  }
  return out;
}

function rangeOf(node: unknown): OffsetRange {
  const range = (node as Node | undefined)?.range;
  return range ? { start: range[0], end: Math.max(range[1], range[0] + 1) } : { start: 0, end: 1 };
}
