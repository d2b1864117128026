// Where the cursor is in a document, in terms editing features understand: typing a key of some
// mapping, typing a value at some path, or on a list item whose meaning depends on the schema.

import type { OffsetRange, Path } from '../types';
import { routeResource, type ResourceType } from '../route/resourceTypes';
import {
  buildOutline,
  pathOf,
  rootValue,
  siblingKeys,
  unquote,
  type Outline,
  type OutlineNode,
} from './yamlOutline';

export type CursorPlace =
  | {
      type: 'key';
      /** Path of the mapping the key belongs to. */
      parentPath: Path;
      node: OutlineNode;
      prefix: string;
      replace: OffsetRange;
      /** The key already has its colon, so only the name should be replaced. */
      hasColon: boolean;
      presentKeys: string[];
      /**
       * Spaces to put before the inserted key: the line sits at the column of a list's dashes (where
       * Enter after `- protocol: TCP` leaves the cursor), so the key joins the item above, whose keys
       * are this much further right. The key's own column is `node.column + indentBy`.
       */
      indentBy?: number;
    }
  | { type: 'value'; path: Path; node: OutlineNode; prefix: string; replace: OffsetRange }
  | {
      /** On `- ` or `- word`: a key of the item's mapping or a scalar item, depending on the schema. */
      type: 'item';
      path: Path;
      node: OutlineNode;
      prefix: string;
      replace: OffsetRange;
    };

export interface DocumentAtCursor {
  outline: Outline;
  /** The mapping of the resource: the document root, or the `items` entry of a `kind: List`. */
  resourceNode: OutlineNode;
  /** Path of that mapping in the document: `[]`, or `['items', 2]`; place paths are relative to it. */
  pathPrefix: Path;
  apiVersion?: string;
  kind?: string;
  /** Our resource type, when `kind` names one of ours (even with a wrong or missing apiVersion). */
  resource?: ResourceType;
  place?: CursorPlace;
}

/**
 * Reads the document (`text`, one `---` chunk) around chunk-relative `offset`. With `listItem`,
 * `text` is one item of a List on its own (`- apiVersion: …` and the lines under it), as the file
 * model cuts Lists: the resource is that item.
 */
export function readCursor(text: string, offset: number, listItem = false): DocumentAtCursor {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd);
  const blankLine = line.trim() === '';
  const outline = buildOutline(text, blankLine ? offset : undefined);
  const node = outline.nodeOnLine.get(countLines(text, lineStart));

  let resourceNode = outline.root;
  let pathPrefix: Path = [];
  if (listItem && node) {
    const item = rootItemOf(node);
    if (item) {
      resourceNode = item;
      pathPrefix = [0];
    }
  } else if (rootValue(outline, 'kind') === 'List' && node) {
    // `kubectl get networkpolicy -o yaml` prints a List: work on the item under the cursor.
    const item = listItemOf(node);
    if (item) {
      resourceNode = item.node;
      pathPrefix = ['items', item.index];
    }
  }
  const apiVersion = entryValue(resourceNode, 'apiVersion');
  const kind = entryValue(resourceNode, 'kind');
  const route = routeResource(apiVersion, kind);
  const resource = route.type === 'resource' || route.type === 'wrongApiVersion' ? route.resource : undefined;
  const place = node ? placeOf(node, text, offset) : undefined;
  return {
    outline,
    resourceNode,
    pathPrefix,
    apiVersion,
    kind,
    resource,
    place: place && relativeTo(place, pathPrefix),
  };
}

function entryValue(node: OutlineNode, key: string): string | undefined {
  const entry = node.children.find((child) => child.kind === 'entry' && child.key === key);
  return entry ? unquote(entry.valueText) : undefined;
}

/** The `items` list item of a root-level List that contains `node`. */
function listItemOf(node: OutlineNode): { node: OutlineNode; index: number } | undefined {
  for (let current: OutlineNode | undefined = node; current?.parent; current = current.parent) {
    const parent = current.parent;
    if (
      current.kind === 'item' &&
      parent.kind === 'entry' &&
      parent.key === 'items' &&
      parent.parent?.kind === 'root'
    ) {
      return {
        node: current,
        index: parent.children.filter((child) => child.kind === 'item').indexOf(current),
      };
    }
  }
  return undefined;
}

/** The root-level list item that contains `node`. */
function rootItemOf(node: OutlineNode): OutlineNode | undefined {
  let current = node;
  while (current.parent && current.parent.kind !== 'root') current = current.parent;
  return current.kind === 'item' && current.parent?.kind === 'root' ? current : undefined;
}

function relativeTo(place: CursorPlace, prefix: Path): CursorPlace | undefined {
  const strip = (path: Path): Path | undefined =>
    prefix.every((segment, i) => path[i] === segment) ? path.slice(prefix.length) : undefined;
  if (prefix.length === 0) return place;
  if (place.type === 'key') {
    const parentPath = strip(place.parentPath);
    return parentPath ? { ...place, parentPath } : undefined;
  }
  const path = strip(place.path);
  return path ? { ...place, path } : undefined;
}

function placeOf(node: OutlineNode, text: string, offset: number): CursorPlace | undefined {
  if (node.kind === 'item') {
    if (offset < node.valueStart) return undefined;
    if (offset > node.valueEnd && text.slice(node.valueEnd, offset).includes('#')) return undefined;
    return {
      type: 'item',
      path: pathOf(node),
      node,
      prefix: text.slice(node.valueStart, Math.min(offset, node.valueEnd)),
      replace: { start: node.valueStart, end: Math.max(node.valueEnd, node.valueStart) },
    };
  }
  if (node.kind !== 'entry') return undefined;
  if (node.partial || offset <= node.keyEnd) {
    if (offset < node.keyStart) return undefined;
    const item = node.partial ? itemAboveAtColumn(node) : undefined;
    if (item) {
      const keys = item.children.filter((child) => child.kind === 'entry');
      return {
        type: 'key',
        parentPath: pathOf(item),
        node,
        prefix: text.slice(node.keyStart, offset),
        replace: { start: node.keyStart, end: node.keyEnd },
        hasColon: false,
        presentKeys: keys.map((child) => child.key ?? ''),
        indentBy: keys[0].column - node.column,
      };
    }
    return {
      type: 'key',
      parentPath: pathOf(node).slice(0, -1),
      node,
      prefix: text.slice(node.keyStart, offset),
      replace: { start: node.keyStart, end: node.keyEnd },
      hasColon: !node.partial,
      presentKeys: siblingKeys(node),
    };
  }
  const start = Math.min(node.valueStart, offset);
  // After the value, in a trailing comment: nothing to complete or describe.
  if (offset > node.valueEnd && text.slice(node.valueEnd, offset).includes('#')) return undefined;
  return {
    type: 'value',
    path: pathOf(node),
    node,
    prefix: text.slice(start, Math.min(offset, Math.max(node.valueEnd, start))),
    replace: { start, end: Math.max(node.valueEnd, offset) },
  };
}

/**
 * The list item just above a half-typed key that starts at that item's dash column, when the item
 * is a mapping (`- protocol: TCP`): in YAML the key cannot belong to the list, so it continues the item.
 */
function itemAboveAtColumn(node: OutlineNode): OutlineNode | undefined {
  const siblings = node.parent?.children ?? [];
  const above = siblings[siblings.indexOf(node) - 1];
  if (above?.kind !== 'item' || above.column !== node.column) return undefined;
  const firstKey = above.children.find((child) => child.kind === 'entry');
  return firstKey && firstKey.column > node.column ? above : undefined;
}

function countLines(text: string, upTo: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
