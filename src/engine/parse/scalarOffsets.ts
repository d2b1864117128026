// Where each character of a YAML string scalar's value is in the source text, so a check of text
// embedded in a manifest (JSON in an IAMAuthPolicy) can point at the right character whether the
// scalar is a block (`|`), plain, single- or double-quoted. The mapping is checked against the
// value the YAML parser read; when they disagree (a folded `>` block, exotic escapes) there is none.

import { Scalar } from 'yaml';

/** Offsets in `text` of each character of `node.value`, or undefined when they cannot be mapped exactly. */
export function scalarValueOffsets(text: string, node: Scalar): number[] | undefined {
  const value = node.value;
  const range = node.range;
  if (typeof value !== 'string' || !range) return undefined;
  let mapped: { chars: string; offsets: number[] } | undefined;
  switch (node.type) {
    case Scalar.BLOCK_LITERAL:
      mapped = literalBlock(text, range[0], range[1]);
      break;
    case Scalar.QUOTE_DOUBLE:
      mapped = quoted(text, range[0] + 1, range[1] - 1, true);
      break;
    case Scalar.QUOTE_SINGLE:
      mapped = quoted(text, range[0] + 1, range[1] - 1, false);
      break;
    case Scalar.PLAIN:
      mapped = { chars: text.slice(range[0], range[1]), offsets: offsetsFrom(range[0], range[1] - range[0]) };
      break;
    default:
      return undefined;
  }
  if (!mapped) return undefined;
  // Block chomping only changes trailing line breaks (a kept one may have no character of its own
  // at the end of the file).
  if (value.startsWith(mapped.chars) && /^\n*$/.test(value.slice(mapped.chars.length))) {
    const last = mapped.offsets[mapped.offsets.length - 1] ?? range[0];
    return [...mapped.offsets, ...Array<number>(value.length - mapped.chars.length).fill(last)];
  }
  return mapped.chars.startsWith(value) ? mapped.offsets.slice(0, value.length) : undefined;
}

function offsetsFrom(start: number, length: number): number[] {
  return Array.from({ length }, (_, index) => start + index);
}

/** `|` blocks: each content line without the block's indentation, line breaks kept. */
function literalBlock(
  text: string,
  start: number,
  end: number,
): { chars: string; offsets: number[] } | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd === -1 || headerEnd >= end) return { chars: '', offsets: [] };
  // The indentation of the first line with content (an explicit indicator is checked by the
  // comparison with the parsed value).
  let indent = -1;
  const chars: string[] = [];
  const offsets: number[] = [];
  let lineStart = headerEnd + 1;
  while (lineStart < end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (indent === -1 && line.trim() !== '') indent = line.length - line.trimStart().length;
    const from = indent === -1 ? line.length : Math.min(indent, line.length);
    for (let i = from; i < line.length; i++) {
      chars.push(line[i]);
      offsets.push(lineStart + i);
    }
    if (lineEnd < end || newline === end) {
      chars.push('\n');
      offsets.push(lineEnd);
    }
    lineStart = lineEnd + 1;
  }
  return { chars: chars.join(''), offsets };
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

/** Quoted scalars: escapes (double quotes) or `''` (single quotes), and line folding. */
function quoted(
  text: string,
  start: number,
  end: number,
  double: boolean,
): { chars: string; offsets: number[] } | undefined {
  const chars: string[] = [];
  const offsets: number[] = [];
  let i = start;
  while (i < end) {
    const char = text[i];
    if (char === '\n' || char === '\r') {
      // Folding: trailing spaces before the break go, leading ones after it too; one break is a
      // space, each further (empty) line a line break.
      while (
        chars.length > 0 &&
        (chars[chars.length - 1] === ' ' || chars[chars.length - 1] === '\t') &&
        offsets[offsets.length - 1] >= lineStartBefore(text, i)
      ) {
        chars.pop();
        offsets.pop();
      }
      let breaks = 0;
      while (i < end && (text[i] === '\n' || text[i] === '\r' || text[i] === ' ' || text[i] === '\t')) {
        if (text[i] === '\n') breaks++;
        i++;
      }
      if (breaks === 1) {
        chars.push(' ');
        offsets.push(i);
      } else {
        for (let b = 1; b < breaks; b++) {
          chars.push('\n');
          offsets.push(i);
        }
      }
      continue;
    }
    if (double && char === '\\') {
      const next = text[i + 1];
      if (next === '\n' || next === '\r') {
        i += 2;
        while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
        continue;
      }
      const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
      if (hex > 0) {
        const code = parseInt(text.slice(i + 2, i + 2 + hex), 16);
        if (Number.isNaN(code)) return undefined;
        // A code point past U+FFFF is two UTF-16 units, both written by this escape.
        for (const unit of String.fromCodePoint(code).split('')) {
          chars.push(unit);
          offsets.push(i);
        }
        i += 2 + hex;
        continue;
      }
      const escaped = next === undefined ? undefined : DOUBLE_ESCAPES[next];
      if (escaped === undefined) return undefined;
      chars.push(escaped);
      offsets.push(i);
      i += 2;
      continue;
    }
    if (!double && char === "'" && text[i + 1] === "'") {
      chars.push("'");
      offsets.push(i);
      i += 2;
      continue;
    }
    chars.push(char);
    offsets.push(i);
    i++;
  }
  return { chars: chars.join(''), offsets };
}

function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
