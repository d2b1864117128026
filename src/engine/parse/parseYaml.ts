// Parses one document chunk with the `yaml` package, keeping node positions, and turns its syntax
// errors into plain records. Offsets are relative to the chunk.

import { isCollection, isPair, parseAllDocuments, type Document } from 'yaml';
import type { OffsetRange } from '../types';

export interface YamlSyntaxError {
  range: OffsetRange;
  message: string;
  yamlCode: string;
}

export interface ParsedYaml {
  document: Document.Parsed;
  errors: YamlSyntaxError[];
  /** Nested deeper than MAX_NESTING_DEPTH: an error says so, and the document must not be converted. */
  tooDeep: boolean;
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

export function parseYaml(text: string): ParsedYaml[] {
  const parsed = parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: true,
    // kubectl's YAML reader honours `<<: *anchor` merge keys, so we do too.
    merge: true,
    // Warnings (such as collection keys from unrendered Helm `{{ }}`) must not go to the process' stderr.
    logLevel: 'error',
  });
  if (!Array.isArray(parsed)) return [];
  return parsed.map((document) => {
    const errors: YamlSyntaxError[] = document.errors.map((error) => ({
      range: errorRange(text, error.pos[0], error.pos[1]),
      message: error.code === 'RESOURCE_EXHAUSTION' ? TOO_DEEP : cleanMessage(error.message),
      yamlCode: error.code,
    }));
    const deepNode = findTooDeepNode(document.contents);
    const reported = errors.some((error) => error.yamlCode === 'RESOURCE_EXHAUSTION');
    if (deepNode && !reported) errors.push({ range: deepNode, message: TOO_DEEP, yamlCode: 'TOO_DEEP' });
    return { document, errors, tooDeep: deepNode !== undefined };
  });
}

/**
 * Where an error really is. The parser starts a node at the comments and blank lines before it,
 * so an error about that node (a block sequence used as a key, say) lands on the comment line
 * above the wrong one; move the start past them to the node's first character. Tabs are not
 * skipped: a tab used as indentation is itself the error.
 */
function errorRange(text: string, start: number, end: number): OffsetRange {
  let at = start;
  while (at < text.length) {
    const char = text[at];
    if (char === ' ' || char === '\n' || char === '\r') at++;
    else if (char === '#' && (at === 0 || /\s/.test(text[at - 1]))) {
      const newline = text.indexOf('\n', at);
      if (newline === -1) break;
      at = newline + 1;
    } else break;
  }
  // Only comments and blank space up to the end: keep the parser's place.
  if (at >= text.length || (text[at] === '#' && at !== start)) at = start;
  return { start: at, end: Math.max(end, at + 1) };
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
