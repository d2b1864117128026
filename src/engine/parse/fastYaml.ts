// A fast reader for the plain block YAML that `kubectl get -o yaml`, rendered charts and most
// hand-written manifests consist of: block mappings and sequences, one-line plain and quoted
// scalars (plain ones may continue on more-indented lines), `|` literals and one-line flow lists.
// It reads in one pass over the characters and builds the plain value and a small tree of node
// ranges, where the `yaml` package lexes, builds a syntax tree and composes a node per value
// (most of the cost of opening a large file).
//
// It gives up (returns undefined) on anything outside that subset: comments other than at the top
// or at the end of a line, anchors, aliases, tags, merge keys, directives, tabs, CR line ends,
// folded scalars, multi-line quoted scalars, flow mappings with content, keys that are not plain
// strings, repeated keys, deep nesting, and every kind of syntax error. The caller then parses with
// the `yaml` package, so errors are always worded by it. For text it accepts, the value and every
// node range are exactly the `yaml` package's: test/engine/fastYaml.test.ts compares the two on
// every fixture and on thousands of random edits.

/** `[start, end of the value, end of the node with its trailing blanks, comment and newline]`, as the `yaml` package sets them. */
export type NodeRange = [number, number, number];

export class FastScalar {
  constructor(readonly range: NodeRange) {}
}

export class FastMap {
  readonly keys: string[] = [];
  readonly keyNodes: FastScalar[] = [];
  readonly values: FastNode[] = [];
  range: NodeRange = [0, 0, 0];
  constructor(readonly flow: boolean) {}
}

export class FastSeq {
  readonly items: FastNode[] = [];
  range: NodeRange = [0, 0, 0];
  constructor(readonly flow: boolean) {}
}

export type FastNode = FastScalar | FastMap | FastSeq;

export interface FastDocument {
  range: NodeRange;
  contents: FastNode;
  /** The document as plain data, `null` mapping values dropped (as `withoutNullFields` does). */
  value: unknown;
}

/** Thrown inside the reader when the text leaves the subset; caught at the top. */
class OutsideSubset extends Error {}
const OUTSIDE = new OutsideSubset('outside the fast subset');

/**
 * Nesting the fast reader accepts: well under the full parse's guard (MAX_NESTING_DEPTH, 100), so
 * the depth guard never applies to what it reads.
 */
export const MAX_FAST_DEPTH = 64;

// Characters the reader does not handle anywhere: tabs, CR, other control characters, DEL, BOM and
// the Unicode line separators.
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;

const NEWLINE = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/** Reads one YAML document (a `---` chunk), or returns undefined when the text leaves the subset. */
export function readFast(text: string): FastDocument | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

interface ReadNode {
  node: FastNode;
  value: unknown;
  /** Start of the line after the node's last line (or the text's end). */
  next: number;
}

class Reader {
  private depth = 0;
  /** Whether the last value read was empty (`key:` with nothing after it). */
  private endsEmpty = false;

  constructor(private readonly text: string) {}

  document(): FastDocument {
    const { text } = this;
    let position = 0;
    let start: number | undefined;
    if (text.startsWith('---')) {
      const end = this.lineEnd(0);
      for (let i = 3; i < end; i++) if (text.charCodeAt(i) !== SPACE) throw OUTSIDE;
      start = 0;
      position = this.nextLine(end);
    }
    // Comments and blank lines before the content belong to the document.
    const first = this.contentLine(position, true);
    if (first === undefined) throw OUTSIDE;
    const column = first - this.lineStartOf(first);
    const root = this.blockNode(first, column - 1, column);
    if (this.contentLine(root.next, false) !== undefined) throw OUTSIDE;
    // The document takes in the blank lines after its content, unless it ends with an empty value.
    const end = root.node.range[2];
    const range: NodeRange = [start ?? this.lineStartOf(first), end, this.endsEmpty ? end : text.length];
    return { range, contents: root.node, value: root.value };
  }

  /**
   * A block collection whose first line's content starts at `at` (column `column`), inside a
   * parent indented `parentColumn`.
   */
  private blockNode(at: number, parentColumn: number, column: number): ReadNode {
    if (column <= parentColumn) throw OUTSIDE;
    if (this.isDash(at)) return this.blockSeq(at, column);
    if (this.keyEnd(at) !== undefined) return this.blockMap(at, column);
    throw OUTSIDE;
  }

  private enter(): void {
    if (++this.depth > MAX_FAST_DEPTH) throw OUTSIDE;
  }

  private blockMap(firstKey: number, column: number): ReadNode {
    this.enter();
    const map = new FastMap(false);
    const value: Record<string, unknown> = {};
    const seen = new Set<string>();
    let keyStart = firstKey;
    let end: number;
    let next: number;
    for (;;) {
      const colon = this.keyEnd(keyStart);
      if (colon === undefined) throw OUTSIDE;
      const key = this.keyText(keyStart, colon);
      if (seen.has(key)) throw OUTSIDE;
      seen.add(key);
      map.keys.push(key);
      map.keyNodes.push(new FastScalar([keyStart, colon, colon]));

      const read = this.valueAfter(colon + 1, column, true);
      map.values.push(read.node);
      if (read.value !== null) value[key] = read.value;
      end = read.node.range[2];
      next = read.next;

      const line = this.contentLine(next, false);
      if (line === undefined) break;
      const lineColumn = line - this.lineStartOf(line);
      if (lineColumn < column) break;
      if (lineColumn > column || this.isDash(line)) throw OUTSIDE;
      keyStart = line;
    }
    map.range = [firstKey, end, end];
    this.depth--;
    return { node: map, value, next };
  }

  private blockSeq(firstDash: number, column: number): ReadNode {
    this.enter();
    const seq = new FastSeq(false);
    const value: unknown[] = [];
    let dash = firstDash;
    let end: number;
    let next: number;
    for (;;) {
      const read = this.seqItem(dash, column);
      seq.items.push(read.node);
      value.push(read.value);
      end = read.node.range[2];
      next = read.next;

      const line = this.contentLine(next, false);
      if (line === undefined) break;
      const lineColumn = line - this.lineStartOf(line);
      if (lineColumn < column) break;
      if (lineColumn > column) throw OUTSIDE;
      // A line at the sequence's column that is not an item ends it: the parent mapping's next key.
      if (!this.isDash(line)) break;
      dash = line;
    }
    seq.range = [firstDash, end, end];
    this.depth--;
    return { node: seq, value, next };
  }

  private seqItem(dash: number, column: number): ReadNode {
    const { text } = this;
    const after = dash + 1;
    if (after >= text.length || text.charCodeAt(after) === NEWLINE)
      return this.valueAfter(after, column, false);
    // isDash guarantees a space here.
    let at = after;
    while (text.charCodeAt(at) === SPACE) at++;
    if (at >= text.length || text.charCodeAt(at) === NEWLINE) return this.valueAfter(after, column, false);
    if (this.isDash(at)) throw OUTSIDE;
    // `- key: value` starts a mapping at the key's column.
    if (this.keyEnd(at) !== undefined) return this.blockMap(at, at - this.lineStartOf(at));
    return this.inlineValue(at, column);
  }

  /**
   * The value after a mapping key's colon or a sequence dash at `from`: on the same line, on the
   * following more-indented lines, or none (a null scalar right after the blanks).
   */
  private valueAfter(from: number, column: number, inMap: boolean): ReadNode {
    const { text } = this;
    let at = from;
    while (at < text.length && text.charCodeAt(at) === SPACE) at++;
    if (at < text.length && text.charCodeAt(at) !== NEWLINE) {
      if (text.charCodeAt(at) === HASH) throw OUTSIDE;
      // `key: - x` and `key: a: b` are errors; a nested collection must start on its own line.
      if (this.isDash(at)) throw OUTSIDE;
      return this.inlineValue(at, column);
    }
    const lineAfter = this.nextLine(at);
    const line = this.contentLine(lineAfter, false);
    if (line !== undefined) {
      const lineColumn = line - this.lineStartOf(line);
      if (lineColumn > column) return this.blockNode(line, column, lineColumn);
      // A mapping key's list may sit at the key's own column (`key:` then `- item`).
      if (inMap && lineColumn === column && this.isDash(line)) return this.blockSeq(line, column);
    }
    this.endsEmpty = true;
    return { node: new FastScalar([at, at, at]), value: null, next: lineAfter };
  }

  /** A scalar or a flow list written after a key or dash at `at`; continuation lines must be indented past `column`. */
  private inlineValue(at: number, column: number): ReadNode {
    const { text } = this;
    this.endsEmpty = false;
    const code = text.charCodeAt(at);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const quoted = this.quoted(at);
      const lineEnd = this.endOfLineAfter(quoted.end);
      return {
        node: new FastScalar([at, quoted.end, lineEnd]),
        value: quoted.value,
        next: lineEnd,
      };
    }
    if (code === 91 /* [ */) return this.flowSeq(at);
    if (code === 123 /* { */) {
      // Only the empty mapping, as kubectl writes it.
      if (text.charCodeAt(at + 1) !== 125 /* } */) throw OUTSIDE;
      const lineEnd = this.endOfLineAfter(at + 2);
      const map = new FastMap(true);
      map.range = [at, at + 2, lineEnd];
      return { node: map, value: {}, next: lineEnd };
    }
    if (code === 124 /* | */) return this.literal(at, column);
    if (!this.startsPlain(at)) throw OUTSIDE;
    return this.plain(at, column);
  }

  /** A plain scalar, possibly continued on lines indented past `column`. */
  private plain(at: number, column: number): ReadNode {
    const { text } = this;
    const lineEnd = this.lineEnd(at);
    let contentEnd = this.plainEnd(at, lineEnd);
    let folded = text.slice(at, contentEnd);
    let nodeEnd = this.endOfLineAfter(contentEnd);
    // A comment ends the scalar; a more-indented line after it is an error the parser words.
    let commented = hasComment(text, contentEnd, lineEnd);
    // Continuation lines: the value goes on while lines are indented past the parent.
    let line = this.nextLine(lineEnd);
    let emptyLines = 0;
    while (line < text.length) {
      const lineStop = this.lineEnd(line);
      let first = line;
      while (first < lineStop && text.charCodeAt(first) === SPACE) first++;
      if (first === lineStop) {
        emptyLines++;
        line = this.nextLine(lineStop);
        continue;
      }
      if (first - line <= column) break;
      if (commented || !this.startsPlain(first)) throw OUTSIDE;
      const end = this.plainEnd(first, lineStop);
      commented = hasComment(text, end, lineStop);
      folded += (emptyLines > 0 ? '\n'.repeat(emptyLines) : ' ') + text.slice(first, end);
      emptyLines = 0;
      contentEnd = end;
      nodeEnd = this.endOfLineAfter(end);
      line = this.nextLine(lineStop);
    }
    return {
      node: new FastScalar([at, contentEnd, nodeEnd]),
      value: resolvePlain(folded),
      next: nodeEnd,
    };
  }

  /** End of the plain text on one line (before trailing blanks and a comment); refuses `: ` inside. */
  private plainEnd(at: number, lineEnd: number): number {
    const { text } = this;
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === SPACE) {
        if (text.charCodeAt(i + 1) === HASH) break;
        continue;
      }
      if (code === COLON) {
        const after = i + 1 < lineEnd ? text.charCodeAt(i + 1) : SPACE;
        if (after === SPACE) throw OUTSIDE;
      }
      end = i + 1;
    }
    return end;
  }

  /** A one-line flow list of scalars: `[]`, `[TCP, "UDP"]`. */
  private flowSeq(at: number): ReadNode {
    const { text } = this;
    const lineEnd = this.lineEnd(at);
    const seq = new FastSeq(true);
    const value: unknown[] = [];
    let i = at + 1;
    const skipSpaces = () => {
      while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    };
    skipSpaces();
    if (text.charCodeAt(i) !== 93 /* ] */) {
      for (;;) {
        skipSpaces();
        const code = text.charCodeAt(i);
        if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
          const quoted = this.quoted(i);
          const start = i;
          i = quoted.end;
          skipSpaces();
          // An item's node takes in the blanks after it.
          seq.items.push(new FastScalar([start, quoted.end, i]));
          value.push(quoted.value);
        } else {
          const start = i;
          let end = i;
          for (; i < lineEnd; i++) {
            const c = text.charCodeAt(i);
            if (c === 44 /* , */ || c === 93 /* ] */) break;
            if (c === SPACE) continue;
            if (!isFlowPlainCharacter(c)) throw OUTSIDE;
            end = i + 1;
          }
          if (end === start || !this.startsPlain(start)) throw OUTSIDE;
          // In a flow list `-` must be followed by a plain character (`[-]` is a block indicator).
          if (text.charCodeAt(start) === DASH && !isFlowPlainCharacter(text.charCodeAt(start + 1)))
            throw OUTSIDE;
          seq.items.push(new FastScalar([start, end, i]));
          value.push(resolvePlain(text.slice(start, end)));
        }
        skipSpaces();
        const separator = text.charCodeAt(i);
        if (separator === 93 /* ] */) break;
        if (separator !== 44 /* , */) throw OUTSIDE;
        i++;
        skipSpaces();
        // A trailing comma is valid YAML, but rare enough to leave to the full parser.
        if (text.charCodeAt(i) === 93 /* ] */) throw OUTSIDE;
      }
    }
    const close = i + 1;
    const nodeEnd = this.endOfLineAfter(close);
    seq.range = [at, close, nodeEnd];
    return { node: seq, value, next: nodeEnd };
  }

  /** A `|` or `|-` literal whose lines are indented past `column`. */
  private literal(at: number, column: number): ReadNode {
    const { text } = this;
    let header = at + 1;
    const strip = text.charCodeAt(header) === DASH;
    if (strip) header++;
    const headerEnd = this.lineEnd(header);
    for (let i = header; i < headerEnd; i++) if (text.charCodeAt(i) !== SPACE) throw OUTSIDE;
    let line = this.nextLine(headerEnd);
    const first = this.indentOf(line);
    // The first line sets the indentation; leading empty lines would change that rule.
    if (line >= text.length || first <= column || line + first >= this.lineEnd(line)) throw OUTSIDE;
    const lines: string[] = [];
    let pendingEmpty = 0;
    let end = line;
    while (line < text.length) {
      const lineStop = this.lineEnd(line);
      if (lineStop === line) {
        pendingEmpty++;
        line = this.nextLine(lineStop);
        continue;
      }
      const indent = this.indentOf(line);
      if (line + indent === lineStop) throw OUTSIDE; // a line of only spaces: indentation rules apply
      if (indent < first) {
        if (indent > column) throw OUTSIDE;
        break;
      }
      for (; pendingEmpty > 0; pendingEmpty--) lines.push('');
      lines.push(text.slice(line + first, lineStop));
      if (lineStop >= text.length) throw OUTSIDE; // no final line break: leave the chomping to the parser
      end = lineStop + 1;
      line = end;
    }
    const value = lines.join('\n') + (strip ? '' : '\n');
    return { node: new FastScalar([at, end, end]), value, next: end };
  }

  /** A quoted scalar on one line starting at `at`; `end` is just after the closing quote. */
  private quoted(at: number): { value: string; end: number } {
    const { text } = this;
    const quote = text.charCodeAt(at);
    const lineEnd = this.lineEnd(at);
    let value = '';
    let chunkStart = at + 1;
    for (let i = at + 1; i < lineEnd; i++) {
      const code = text.charCodeAt(i);
      if (quote === SINGLE_QUOTE) {
        if (code !== SINGLE_QUOTE) continue;
        if (text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          value += text.slice(chunkStart, i + 1);
          chunkStart = i + 2;
          i++;
          continue;
        }
        return { value: value + text.slice(chunkStart, i), end: i + 1 };
      }
      if (code === DOUBLE_QUOTE) return { value: value + text.slice(chunkStart, i), end: i + 1 };
      if (code === 92 /* \ */) {
        const escaped = ESCAPES[text[i + 1]];
        if (escaped === undefined) throw OUTSIDE;
        value += text.slice(chunkStart, i) + escaped;
        chunkStart = i + 2;
        i++;
      }
    }
    throw OUTSIDE;
  }

  /**
   * The colon ending a mapping key that starts at `at`, or undefined when the line is not a key.
   * Plain keys end at the first `: ` (or colon at the end of the line); quoted keys at their quote.
   */
  private keyEnd(at: number): number | undefined {
    const { text } = this;
    const lineEnd = this.lineEnd(at);
    const code = text.charCodeAt(at);
    let colon: number | undefined;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      let close: number;
      try {
        close = this.quoted(at).end;
      } catch {
        return undefined;
      }
      colon = text.charCodeAt(close) === COLON ? close : undefined;
    } else {
      if (!this.startsPlain(at)) return undefined;
      for (let i = at; i < lineEnd; i++) {
        const c = text.charCodeAt(i);
        if (c === SPACE && text.charCodeAt(i + 1) === HASH) return undefined;
        if (c === COLON && (i + 1 === lineEnd || text.charCodeAt(i + 1) === SPACE)) {
          colon = i;
          break;
        }
      }
    }
    if (colon === undefined) return undefined;
    const after = colon + 1;
    if (after < lineEnd && text.charCodeAt(after) !== SPACE) return undefined;
    return colon;
  }

  /** The key as the mapping holds it; only keys that read as plain strings are in the subset. */
  private keyText(at: number, colon: number): string {
    const { text } = this;
    const code = text.charCodeAt(at);
    let key: string;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      key = this.quoted(at).value;
    } else {
      if (text.charCodeAt(colon - 1) === SPACE) throw OUTSIDE;
      key = text.slice(at, colon);
      for (let i = at; i < colon; i++) if (FLOW_INDICATORS.has(text.charCodeAt(i))) throw OUTSIDE;
      if (resolvePlain(key) !== key || key === '<<') throw OUTSIDE;
    }
    if (key === '__proto__') throw OUTSIDE;
    return key;
  }

  /** Whether a plain scalar may start at `at` (no indicator character first). */
  private startsPlain(at: number): boolean {
    const code = this.text.charCodeAt(at);
    if (PLAIN_START_INDICATORS.has(code) || code === 63 /* ? */ || code === COLON) return false;
    // `-1` and `-foo` are plain; `- ` is a sequence item.
    return code !== DASH || !this.isDash(at);
  }

  /** `- ` or a lone `-` at `at`: a sequence item. */
  private isDash(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const after = this.text.charCodeAt(at + 1);
    return after === SPACE || after === NEWLINE || Number.isNaN(after);
  }

  /**
   * The first content character at or after the line starting at `lineStart`, skipping blank lines.
   * Comment lines are skipped only where `commentsAllowed` (before the document's content).
   */
  private contentLine(lineStart: number, commentsAllowed: boolean): number | undefined {
    const { text } = this;
    let line = lineStart;
    while (line < text.length) {
      let at = line;
      while (at < text.length && text.charCodeAt(at) === SPACE) at++;
      if (at >= text.length) return undefined;
      const code = text.charCodeAt(at);
      if (code === NEWLINE) {
        line = at + 1;
        continue;
      }
      if (code === HASH) {
        if (!commentsAllowed) throw OUTSIDE;
        line = this.nextLine(this.lineEnd(at));
        continue;
      }
      // A document end marker, directive or second document is the full parser's business.
      if (at === line && (text.startsWith('...', at) || text.startsWith('---', at) || code === 37)) {
        throw OUTSIDE;
      }
      return at;
    }
    return undefined;
  }

  /** After a value ending at `at`: blanks and an optional comment to the end of the line; the next line's start. */
  private endOfLineAfter(at: number): number {
    const { text } = this;
    const lineEnd = this.lineEnd(at);
    let i = at;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    if (i < lineEnd && !(text.charCodeAt(i) === HASH && i > at)) throw OUTSIDE;
    return this.nextLine(lineEnd);
  }

  private lineEnd(at: number): number {
    const newline = this.text.indexOf('\n', at);
    return newline === -1 ? this.text.length : newline;
  }

  private nextLine(lineEnd: number): number {
    return Math.min(lineEnd + 1, this.text.length);
  }

  private lineStartOf(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  private indentOf(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };

/** Characters that cannot start a plain scalar (`-`, `?` and `:` are handled apart). */
const PLAIN_START_INDICATORS = new Set([...',[]{}#&*!|>\'"%@`'].map((character) => character.charCodeAt(0)));

const FLOW_INDICATORS = new Set([...',[]{}'].map((character) => character.charCodeAt(0)));

/** Whether the rest of a line after a value holds a comment. */
function hasComment(text: string, from: number, lineEnd: number): boolean {
  const hash = text.indexOf('#', from);
  return hash !== -1 && hash < lineEnd;
}

function isFlowPlainCharacter(code: number): boolean {
  return (
    !FLOW_INDICATORS.has(code) &&
    code !== HASH &&
    code !== COLON &&
    code !== DOUBLE_QUOTE &&
    code !== SINGLE_QUOTE
  );
}

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` package resolves it. */
export function resolvePlain(source: string): unknown {
  switch (source) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const code = source.charCodeAt(0);
  // Every number form starts with a digit, a sign or a dot.
  if (!((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46)) return source;
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return NaN;
    return source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}
