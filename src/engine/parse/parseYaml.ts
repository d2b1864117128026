// The one place YAML is read, by the engine and by the language server's workspace scan: parses
// one chunk with the `yaml` package, keeping node positions, turns its syntax errors into plain
// records, and guards everything that could cost more than the text's length: nesting depth,
// duplicate keys (the package compares each key with every earlier one, quadratic in a mapping's
// size) and aliases (see yamlValue.ts). Offsets are relative to the chunk.

import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { documentValue, type DocumentValue } from './yamlValue';
import { MAX_NESTING_DEPTH, TOO_DEEP_MESSAGE, type YamlSyntaxError } from './yamlLimits';
import type { OffsetRange } from '../types';

export { MAX_NESTING_DEPTH, type YamlSyntaxError } from './yamlLimits';
export { MAX_ALIAS_GROWTH, type DocumentValue } from './yamlValue';

export interface ParsedYaml {
  document: Document.Parsed;
  errors: YamlSyntaxError[];
  /** Nested deeper than MAX_NESTING_DEPTH: an error says so, and the document is not converted. */
  tooDeep: boolean;
  /** The document as plain data (computed once, on first use), or why it cannot be read as data. */
  toValue(): DocumentValue;
}

export function parseYaml(text: string): ParsedYaml[] {
  const parsed = parseAllDocuments(text, {
    prettyErrors: false,
    // Checked below in linear time; the parser's own check is quadratic in the keys of a mapping.
    uniqueKeys: false,
    // kubectl's YAML reader honours `<<: *anchor` merge keys, so we do too.
    merge: true,
    // Warnings (such as collection keys from unrendered Helm `{{ }}`) must not go to the process' stderr.
    logLevel: 'error',
  });
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
    const tooDeep = tooDeepAt !== undefined;
    let value: DocumentValue | undefined;
    return {
      document,
      errors,
      tooDeep,
      toValue: () => (value ??= tooDeep ? { value: undefined } : documentValue(document, text)),
    };
  });
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
