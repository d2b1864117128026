// A forgiving, indentation-only reading of one YAML document, for editing features. While the user
// types, the text is often not valid YAML (`policyTypes:` with no value, a half-written `- `), so
// completion and hover cannot rely on the parser: this builds the block structure (mapping entries
// and list items) from indentation alone, line by line, and never fails.

export interface OutlineNode {
  kind: 'root' | 'entry' | 'item';
  /** Mapping key (entries only). A line without a colon yields an entry marked `partial`. */
  key?: string;
  partial?: boolean;
  /** Column of the key (entries) or of the dash (items); -1 for the root. */
  column: number;
  line: number;
  /** Chunk-relative offsets of the key text (entries). */
  keyStart: number;
  keyEnd: number;
  /** The value written on the same line (after `key:` or `- `), without a trailing comment. */
  valueText: string;
  valueStart: number;
  valueEnd: number;
  children: OutlineNode[];
  /** Whether any child is an entry (kept as children are added: asking `every` per line was quadratic). */
  hasEntryChild?: boolean;
  parent?: OutlineNode;
}

export interface Outline {
  root: OutlineNode;
  /** The innermost node that starts on each line, by line number. */
  nodeOnLine: Map<number, OutlineNode>;
}

interface LineToken {
  kind: 'entry' | 'item';
  column: number;
  key?: string;
  partial?: boolean;
  keyStart: number;
  keyEnd: number;
  valueText: string;
  valueStart: number;
  valueEnd: number;
}

// A plain key ends in a non-blank character, so the blanks before the colon can only be matched one
// way; `[^#]*?[ \t]*:` could split a long run of spaces many ways and took seconds on one line.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'[\]{}](?:[^#]*?[^\s#])?)[ \t]*:(?=[ \t]|$)/;

/** What `trim()` removes: blanks and line breaks, and the Unicode spaces (checked only past ASCII). */
function isWhitespace(code: number): boolean {
  if (code === 32 || code === 9) return true;
  if (code < 128) return code >= 10 && code <= 13;
  return /\s/.test(String.fromCharCode(code));
}

/** `- - - x` nests lists on one line; real files use two or three, and each one rescans the line. */
const MAX_ITEMS_ON_ONE_LINE = 32;

/**
 * Builds the outline of `text`. When `placeholder` is given (an offset on a blank line), an empty
 * partial entry is put there, so the cursor on an empty line lands in the right mapping.
 */
export function buildOutline(text: string, placeholder?: number): Outline {
  const root = newNode({ kind: 'root', column: -1, line: -1 });
  const nodeOnLine = new Map<number, OutlineNode>();
  const stack: OutlineNode[] = [root];
  let blockScalarColumn: number | undefined;
  let lineStart = 0;
  for (let line = 0; lineStart <= text.length; line++) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    // Indentation and blankness without copying the line: most lines of a long block scalar are skipped.
    let first = lineStart;
    while (first < lineEnd && isWhitespace(text.charCodeAt(first))) first++;
    const indent = first - lineStart;
    const blank = first === lineEnd;
    const placeholderHere =
      placeholder !== undefined && placeholder >= lineStart && placeholder <= lineEnd && blank;
    const inBlockScalar = blockScalarColumn !== undefined && (blank || indent > blockScalarColumn);

    let tokens: LineToken[] = [];
    if (placeholderHere) {
      const column = placeholder - lineStart;
      tokens = [{ kind: 'entry', column, key: '', partial: true, ...emptyAt(placeholder) }];
    } else if (!inBlockScalar && !blank && text[first] !== '#') {
      const end = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      const raw = text.slice(lineStart, end);
      if (!/^(---|\.\.\.)(\s|$)/.test(raw)) tokens = tokenizeLine(raw, lineStart);
    }
    // The block scalar ends at the first line that is not part of it.
    if (!inBlockScalar && !placeholderHere) blockScalarColumn = undefined;

    for (const [index, token] of tokens.entries()) {
      if (index === 0) {
        while (stack.length > 1 && shouldClose(stack[stack.length - 1], token)) stack.pop();
      }
      const parent = stack[stack.length - 1];
      const node = newNode({ ...token, line, parent });
      parent.children.push(node);
      if (node.kind === 'entry') parent.hasEntryChild = true;
      stack.push(node);
      nodeOnLine.set(line, node);
      if (token.kind === 'entry' && /^[|>][-+0-9]*$/.test(token.valueText)) blockScalarColumn = token.column;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { root, nodeOnLine };
}

/** Whether an open node ends before `token` (the token is its sibling or belongs further out). */
function shouldClose(open: OutlineNode, token: LineToken): boolean {
  if (open.column < token.column) return false;
  if (open.column > token.column) return true;
  // `ingress:` followed by `- from:` at the same column: a list written without indentation.
  const compactList =
    token.kind === 'item' && open.kind === 'entry' && open.valueText === '' && !open.hasEntryChild;
  return !compactList;
}

function tokenizeLine(raw: string, lineStart: number): LineToken[] {
  const tokens: LineToken[] = [];
  let column = raw.length - raw.trimStart().length;
  while (
    tokens.length < MAX_ITEMS_ON_ONE_LINE &&
    raw[column] === '-' &&
    (column + 1 === raw.length || /[ \t]/.test(raw[column + 1]))
  ) {
    let next = column + 1;
    while (next < raw.length && /[ \t]/.test(raw[next])) next++;
    const rest = stripComment(raw.slice(next));
    tokens.push({
      kind: 'item',
      column,
      keyStart: lineStart + column,
      keyEnd: lineStart + column + 1,
      valueText: KEY.test(rest) || rest.startsWith('- ') || rest === '-' ? '' : rest,
      valueStart: lineStart + next,
      valueEnd: lineStart + next + (KEY.test(rest) ? 0 : rest.length),
    });
    column = next;
  }
  if (column >= raw.length) return tokens;
  const rest = raw.slice(column);
  const match = KEY.exec(rest);
  if (match) {
    const keyText = match[1];
    let valueOffset = match[0].length;
    while (valueOffset < rest.length && /[ \t]/.test(rest[valueOffset])) valueOffset++;
    const value = stripComment(rest.slice(valueOffset));
    tokens.push({
      kind: 'entry',
      column,
      key: unquote(keyText),
      keyStart: lineStart + column,
      keyEnd: lineStart + column + keyText.length,
      valueText: value,
      valueStart: lineStart + column + valueOffset,
      valueEnd: lineStart + column + valueOffset + value.length,
    });
  } else if (tokens.length === 0) {
    // A word without a colon: usually a key being typed.
    const word = stripComment(rest);
    tokens.push({
      kind: 'entry',
      column,
      key: word,
      partial: true,
      keyStart: lineStart + column,
      keyEnd: lineStart + column + word.length,
      valueText: '',
      valueStart: lineStart + column + word.length,
      valueEnd: lineStart + column + word.length,
    });
  }
  return tokens;
}

function emptyAt(offset: number): Omit<LineToken, 'kind' | 'column'> {
  return { keyStart: offset, keyEnd: offset, valueText: '', valueStart: offset, valueEnd: offset };
}

/** Drops a trailing ` # comment` that is not inside quotes, and surrounding blanks. */
export function stripComment(text: string): string {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      if (i === 0 || /[\s[{,]/.test(text[i - 1])) quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return text.slice(0, i).trimEnd();
    }
  }
  return text.trimEnd();
}

export function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text.endsWith(text[0])) {
    return text.slice(1, -1);
  }
  return text;
}

function newNode(init: Partial<OutlineNode> & Pick<OutlineNode, 'kind' | 'column' | 'line'>): OutlineNode {
  return {
    keyStart: 0,
    keyEnd: 0,
    valueText: '',
    valueStart: 0,
    valueEnd: 0,
    ...init,
    children: [],
  };
}

/** The path of a node from the document root: keys for entries, list indexes for items. */
export function pathOf(node: OutlineNode): Array<string | number> {
  const path: Array<string | number> = [];
  for (let current: OutlineNode | undefined = node; current?.parent; current = current.parent) {
    if (current.kind === 'entry') path.unshift(current.key ?? '');
    else path.unshift(current.parent.children.filter((child) => child.kind === 'item').indexOf(current));
  }
  return path;
}

/** The entries of the mapping that `node` is a member of, other than `node` itself. */
export function siblingKeys(node: OutlineNode): string[] {
  return (node.parent?.children ?? [])
    .filter((child) => child !== node && child.kind === 'entry' && !child.partial)
    .map((child) => child.key ?? '');
}

/** The root-level value of `key` (for `apiVersion` and `kind`). */
export function rootValue(outline: Outline, key: string): string | undefined {
  const entry = outline.root.children.find((child) => child.kind === 'entry' && child.key === key);
  return entry ? unquote(entry.valueText) : undefined;
}
