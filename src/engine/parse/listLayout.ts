// Finds the items of a `kind: List` document from its lines, without parsing it, so each item can
// be read, validated and cached on its own like a `---` document (a `kubectl get -A -o yaml` dump
// is one document of thousands of items). The layout is the one kubectl prints and people copy:
//
//   apiVersion: v1          <- head: the List's own keys, through the `items:` line
//   items:
//   - apiVersion: …         <- one item per `- ` line at the items' column (0, or 2 when indented),
//     kind: NetworkPolicy      with every line under it indented further
//   kind: List              <- tail: the rest of the List's keys, back at column 0
//   metadata: …
//
// Anything else (flow `items: [...]`, a line between the columns, anchors that items could share)
// is not a layout, and the document is read whole. Whether the head and tail really make a List is
// decided by parsing them (see the file model).

/** Offsets into the document's text; an item runs from the start of its `- ` line to the next item. */
export interface ItemSpan {
  start: number;
  end: number;
}

export interface ListLayout {
  /** The head is `text.slice(0, headEnd)`: everything before the first item. */
  headEnd: number;
  items: ItemSpan[];
  /** The tail is `text.slice(tailStart)` (it may be empty). */
  tailStart: number;
  /** Column of the items' dashes. */
  column: number;
}

/** An anchor (`&name` at the start of a node): items could refer to each other, so they are read together. */
const ANCHOR = /(?:^|[\s[{,])&[^\s]/m;

export function findListLayout(text: string): ListLayout | undefined {
  const itemsLine = findItemsLine(text);
  if (itemsLine === undefined || ANCHOR.test(text)) return undefined;
  let line = nextLine(text, itemsLine);
  // Blank lines and comments before the first item stay in the head.
  while (line < text.length && isBlankOrComment(text, line)) line = nextLine(text, line);
  const column = indentOf(text, line);
  if (line >= text.length || !isDash(text, line + column)) return undefined;
  const scan = scanItems(text, line, column, true);
  if (!scan) return undefined;
  return { headEnd: line, items: scan.items, tailStart: scan.end, column };
}

/**
 * Splits a run of whole items (text that starts with an item's `- ` line) at `column`. Undefined
 * when a line leaves the layout: a line left of the items' column, or a key at their column (the
 * edit changed the List's structure, so the document is laid out again).
 */
export function splitListItems(text: string, column: number): ItemSpan[] | undefined {
  if (text === '') return [];
  if (indentOf(text, 0) !== column || !isDash(text, column)) return undefined;
  return scanItems(text, 0, column, false)?.items;
}

function scanItems(
  text: string,
  first: number,
  column: number,
  tailAllowed: boolean,
): { items: ItemSpan[]; end: number } | undefined {
  const items: ItemSpan[] = [];
  let itemStart = first;
  let line = nextLine(text, first);
  let end = text.length;
  while (line < text.length) {
    if (!isBlankOrComment(text, line)) {
      const indent = indentOf(text, line);
      if (text.charCodeAt(line + indent) === 9 /* tab */) return undefined;
      if (indent === column && isDash(text, line + indent)) {
        items.push({ start: itemStart, end: line });
        itemStart = line;
      } else if (indent <= column) {
        // Back at column 0 (the List's next key) ends the items; anything else breaks the layout.
        if (!tailAllowed || indent !== 0) return undefined;
        end = line;
        break;
      }
    }
    line = nextLine(text, line);
  }
  items.push({ start: itemStart, end });
  return { items, end };
}

/** The start of the `items:` line at column 0, when there is exactly one. */
function findItemsLine(text: string): number | undefined {
  let found: number | undefined;
  const after = (from: number): number => {
    const index = text.indexOf('\nitems:', from);
    return index === -1 ? -1 : index + 1;
  };
  for (let at = text.startsWith('items:') ? 0 : after(0); at !== -1; at = after(at)) {
    let i = at + 'items:'.length;
    while (text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(i) === 13) i++;
    if (i < text.length && text.charCodeAt(i) !== 10) continue;
    if (found !== undefined) return undefined;
    found = at;
  }
  return found;
}

function nextLine(text: string, lineStart: number): number {
  const newline = text.indexOf('\n', lineStart);
  return newline === -1 ? text.length : newline + 1;
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 32) i++;
  return i - lineStart;
}

function isBlankOrComment(text: string, lineStart: number): boolean {
  const code = text.charCodeAt(lineStart + indentOf(text, lineStart));
  return Number.isNaN(code) || code === 10 || code === 13 || code === 35; /* # */
}

function isDash(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45 /* - */) return false;
  const after = text.charCodeAt(at + 1);
  return Number.isNaN(after) || after === 32 || after === 10 || after === 13;
}
