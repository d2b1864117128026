// The Kubernetes objects of a manifest file, whatever their kind: what the cross-resource checks,
// the workspace labels and the connectivity analysis read. A document is one object, or a list of
// them (`kind: List` as kubectl writes it, or a typed list such as `NetworkPolicyList`).

import type { OffsetRange, Path } from '../types';
import type { ResourceType } from '../route/resourceTypes';
import { asList, asRecord, isRecord } from '../util/values';

export interface ManifestObject {
  kind: string;
  apiVersion: string;
  name?: string;
  /** As written; `undefined` when the manifest leaves it to the namespace it is applied in. */
  namespace?: string;
  /** The object as plain data (`null` fields dropped). */
  value: Record<string, unknown>;
  /** Path of the object in its document: `[]`, or `['items', 3]` inside a list. */
  pathPrefix: Path;
  /** Range of the object's mapping, relative to its `---` chunk. */
  range: OffsetRange;
  /** The resource type when the object is one of the kinds this tool validates. */
  resource?: ResourceType;
  /**
   * For a resource of our kinds with a name, the key the API server stores it under (`objectIdentity`):
   * two objects with the same one are the same resource.
   */
  identity?: string;
}

/**
 * The key the API server stores a resource under: kind, namespace and name. An unset namespace is
 * the one the file is applied to (`''` here), and cluster-scoped kinds have none.
 */
export function objectIdentity(
  object: Pick<ManifestObject, 'resource' | 'name' | 'namespace'>,
): string | undefined {
  if (!object.resource || object.name === undefined) return undefined;
  const namespace = object.resource.scope === 'Cluster' ? '' : (object.namespace ?? '');
  return `${object.resource.kind}\u0000${namespace}\u0000${object.name}`;
}

/** An object with its place in its file: the `---` document it is in and where that chunk starts. */
export interface FileObject extends ManifestObject {
  documentIndex: number;
  /** Offset of the chunk in the file; `range` plus this is the object's place in the file. */
  chunkStart: number;
  /** 0-based line of the object's first character in the file (for messages that point at it). */
  line: number;
}

/** An object of the workspace: a file object and the file's key (a URI in the editor, a path in the CLI). */
export interface WorkspaceObject extends FileObject {
  file: string;
}

/** A document value seen as the objects it holds, each with its path in the document. */
export interface DocumentEntry {
  value: Record<string, unknown>;
  pathPrefix: Path;
  /** The apiVersion and kind it carries, or takes from a typed list (`NetworkPolicyList` items). */
  apiVersion: unknown;
  kind: unknown;
}

/** Whether a kind names a list of objects: `List`, or a typed list such as `PodList`. */
export function isListKind(kind: unknown): kind is string {
  return typeof kind === 'string' && kind.endsWith('List') && kind.length >= 4;
}

/**
 * The objects of one document value. Items of a typed list may leave out `apiVersion` and `kind`
 * (the API server fills them in when it lists); they take them from the list.
 */
export function documentEntries(root: Record<string, unknown>): DocumentEntry[] {
  if (!isListKind(root.kind) || !Array.isArray(root.items)) {
    return [{ value: root, pathPrefix: [], apiVersion: root.apiVersion, kind: root.kind }];
  }
  const list = { kind: root.kind, apiVersion: root.apiVersion };
  return asList(root.items).flatMap((item, index) => listItemEntry(list, item, index) ?? []);
}

/** What a List's items take from the List: its kind (for a typed list) and apiVersion. */
export interface ListContext {
  kind: string;
  apiVersion: unknown;
}

/** Item `index` of a List as a document entry; undefined when the item is not a mapping. */
export function listItemEntry(list: ListContext, item: unknown, index: number): DocumentEntry | undefined {
  if (!isRecord(item)) return undefined;
  const itemKind = list.kind === 'List' ? undefined : list.kind.slice(0, -'List'.length);
  return {
    value: item,
    pathPrefix: ['items', index],
    apiVersion: item.apiVersion ?? (itemKind ? list.apiVersion : undefined),
    kind: item.kind ?? itemKind,
  };
}

/** Where an object is, for a message about another object: `line 4`, or `other.yaml line 4`. */
export function describePlace(object: WorkspaceObject, fromFile: string): string {
  const line = `line ${object.line + 1}`;
  if (object.file === fromFile) return line;
  // Editor keys are URIs (`file:///work/shop/np.yaml`), CLI keys are paths; the last segment is enough.
  const name = object.file.slice(object.file.lastIndexOf('/') + 1);
  let shown = name;
  try {
    shown = decodeURIComponent(name);
  } catch {
    // Not URI-encoded: show it as it is.
  }
  return `${shown} ${line}`;
}

export function objectName(value: Record<string, unknown>): { name?: string; namespace?: string } {
  const metadata = asRecord(value.metadata);
  return {
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
  };
}
