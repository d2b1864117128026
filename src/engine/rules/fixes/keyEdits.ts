// Text edits that rename or move a mapping key while keeping the user's indentation and comments.

import { isMap, type Pair } from 'yaml';
import type { Path, QuickFix } from '../../types';
import { formatPath, nodeRange } from '../../parse/yamlPath';
import type { RuleContext } from '../types';

export function renameKeyFix(ctx: RuleContext<unknown>, path: Path, newName: string): QuickFix {
  const range = ctx.rangeOf(path, 'key');
  return {
    title: `Rename "${ctx.text.slice(range.start, range.end)}" to "${newName}"`,
    safe: true,
    edits: [{ ...range, newText: newName }],
  };
}

/**
 * Moves the key at `path` (with its value, comments on the same lines kept) to the end of the
 * block mapping at `targetPath`, re-indented to match the target's children.
 */
export function moveKeyFix(ctx: RuleContext<unknown>, path: Path, targetPath: Path): QuickFix | undefined {
  const source = ctx.locate(path);
  const target = ctx.locate(targetPath);
  const keyRange = source?.pair ? nodeRange(source.pair.key) : undefined;
  if (!source?.pair || !keyRange || !target || !isMap(target.value) || target.value.flow) return undefined;

  const text = ctx.text;
  const sourceStart = lineStartOf(text, keyRange.start);
  const sourceEnd = lineEndAfter(text, pairEnd(source.pair, keyRange.end));
  const sourceIndent = keyRange.start - sourceStart;
  if (text.slice(sourceStart, keyRange.start).trim() !== '') return undefined;

  const firstChild = target.value.items[0] as Pair | undefined;
  const firstKey = firstChild ? nodeRange(firstChild.key) : undefined;
  let targetIndent: number;
  if (firstKey) {
    targetIndent = firstKey.start - lineStartOf(text, firstKey.start);
  } else {
    return undefined;
  }
  const targetEnd = lineEndAfter(text, nodeRange(target.value)?.end ?? firstKey.end);
  const block = text
    .slice(sourceStart, sourceEnd)
    .split('\n')
    .map((line) =>
      line.length === 0 ? line : ' '.repeat(targetIndent) + line.slice(Math.min(sourceIndent, leading(line))),
    )
    .join('\n');
  const insertion = block.endsWith('\n') ? block : `${block}\n`;
  const insertAt = targetEnd;
  const moveTitle = `Move "${String(path[path.length - 1])}" under ${formatPath(targetPath) || 'the top level'}`;
  if (insertAt > sourceStart && insertAt < sourceEnd) return undefined;
  if (insertAt === sourceStart || insertAt === sourceEnd) {
    // The key already sits right after the target block: re-indenting it in place moves it inside.
    return {
      title: moveTitle,
      safe: true,
      edits: [{ start: sourceStart, end: sourceEnd, newText: insertion }],
    };
  }
  return {
    title: moveTitle,
    safe: true,
    edits: [
      { start: insertAt, end: insertAt, newText: insertion },
      { start: sourceStart, end: sourceEnd, newText: '' },
    ],
  };
}

function pairEnd(pair: Pair, keyEnd: number): number {
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  return valueRange ? Math.max(valueRange[1], keyEnd) : keyEnd;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the newline ending the line that contains `offset - 1`. */
function lineEndAfter(text: string, offset: number): number {
  const at = Math.max(0, offset - 1);
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Adds `key: value` to the mapping at `mapPath`, before its first key and at its indentation
 * (after `{` in a flow mapping). Undefined when the mapping is not found or is empty.
 */
export function insertKeyEdit(
  ctx: RuleContext<unknown>,
  mapPath: Path,
  key: string,
  value: string,
): { start: number; end: number; newText: string } | undefined {
  const map = ctx.locate(mapPath)?.value;
  if (!isMap(map) || !map.range || map.items.length === 0) return undefined;
  const first = nodeRange((map.items[0] as Pair).key);
  if (!first) return undefined;
  if (map.flow) return { start: first.start, end: first.start, newText: `${key}: ${value}, ` };
  const column = first.start - lineStartOf(ctx.text, first.start);
  return { start: first.start, end: first.start, newText: `${key}: ${value}\n${' '.repeat(column)}` };
}

/** Removes the key at `path` with its value (whole lines, block mappings only). */
export function removeKeyFix(ctx: RuleContext<unknown>, path: Path): QuickFix | undefined {
  const location = ctx.locate(path);
  const keyRange = location?.pair ? nodeRange(location.pair.key) : undefined;
  if (!location?.pair || !keyRange) return undefined;
  const start = lineStartOf(ctx.text, keyRange.start);
  if (ctx.text.slice(start, keyRange.start).trim() !== '') return undefined;
  const end = lineEndAfter(ctx.text, pairEnd(location.pair, keyRange.end));
  return {
    title: `Remove ${formatPath(path)}`,
    safe: true,
    edits: [{ start, end, newText: '' }],
  };
}
