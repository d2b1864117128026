// Text edits on YAML sequences that keep the user's layout: append an item, remove an item.

import { isSeq, type Node } from 'yaml';
import type { Path, TextEdit } from '../types';
import { nodeRange } from '../parse/yamlPath';
import type { RuleContext } from './types';

/**
 * Appends a scalar or block item to the sequence at `path`. `lines` are the item's lines without
 * the leading `- ` and without indentation (continuation lines keep their relative indentation).
 * Flow sequences (`[a, b]`) get `, item` when the item is one line.
 */
export function appendToSequence(
  ctx: RuleContext<unknown>,
  path: Path,
  lines: string[],
): TextEdit | undefined {
  const sequence = ctx.locate(path)?.value;
  if (!isSeq(sequence) || !sequence.range) return undefined;
  const text = ctx.text;
  if (sequence.flow) {
    if (lines.length !== 1) return undefined;
    const close = text.lastIndexOf(']', sequence.range[1]);
    if (close < sequence.range[0]) return undefined;
    const empty = sequence.items.length === 0;
    return { start: close, end: close, newText: empty ? lines[0] : `, ${lines[0]}` };
  }
  const last = sequence.items[sequence.items.length - 1] as Node | undefined;
  const lastRange = nodeRange(last);
  if (!lastRange) return undefined;
  const dash = text.lastIndexOf('-', lastRange.start);
  const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
  const indent = text.slice(lineStart, dash);
  if (indent.trim() !== '') return undefined;
  const contentIndent = `${indent}${' '.repeat(lastRange.start - dash)}`;
  const end = endOfLine(text, Math.max(lastRange.end, sequence.range[1]) - 1);
  const body = lines
    .map((line, index) => (index === 0 ? `${indent}- ${line}` : `${contentIndent}${line}`))
    .join('\n');
  return text[end - 1] === '\n' || end === 0
    ? { start: end, end, newText: `${body}\n` }
    : { start: end, end, newText: `\n${body}` };
}

/** Removes item `index` of the block or flow sequence at `path`, with its line(s) for block sequences. */
export function removeSequenceItem(
  ctx: RuleContext<unknown>,
  path: Path,
  index: number,
): TextEdit | undefined {
  const sequence = ctx.locate(path)?.value;
  if (!isSeq(sequence)) return undefined;
  const item = nodeRange(sequence.items[index]);
  if (!item) return undefined;
  const text = ctx.text;
  if (sequence.flow) {
    const previous = index > 0 ? nodeRange(sequence.items[index - 1]) : undefined;
    const next = nodeRange(sequence.items[index + 1]);
    if (previous) return { start: previous.end, end: item.end, newText: '' };
    if (next) return { start: item.start, end: next.start, newText: '' };
    return { start: item.start, end: item.end, newText: '' };
  }
  const dash = text.lastIndexOf('-', item.start);
  const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
  if (text.slice(lineStart, dash).trim() !== '') return undefined;
  return { start: lineStart, end: endOfLine(text, item.end - 1), newText: '' };
}

/** The offset just after the newline that ends the line containing `offset`. */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset));
  return newline === -1 ? text.length : newline + 1;
}
