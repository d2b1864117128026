// Every object of the files a check can see: the files of one `eksnet lint` run, or in the editor
// the open documents plus the workspace's YAML files on disk. Cross-resource checks (a policy
// already allowing DNS for the same pods, duplicate names, selectors that match no workload, routes
// bound to a Lattice gateway) read it. Derived views are memoised per version, so a check that
// groups the whole workspace costs one pass per change, not one per file.
//
// Positions go stale in views: an edit above an object moves it without changing it, and that is
// not a change here (the version only moves when some object's value does). Views hold objects
// for what they mean; a finding is placed by looking its object up in the file's current objects.

import type { FileObject, WorkspaceObject } from './objects';

export class Workspace {
  /**
   * `run`: the files of one `eksnet lint` run, which a user names to be checked (and usually
   * applies) together. `editor`: whatever happens to be open or on disk, so a check that judges
   * files as one deployment (a name defined twice) keeps to each file.
   */
  constructor(readonly scope: 'run' | 'editor' = 'run') {}

  private readonly files = new Map<string, readonly WorkspaceObject[]>();
  private flat: WorkspaceObject[] | undefined;
  private readonly memo = new Map<string, unknown>();
  /** Bumped on every change; views derived from the objects are valid for one version. */
  version = 0;

  /** How many objects have each identity (`objectIdentity`), kept up to date by every change. */
  private readonly identityCounts = new Map<string, number>();
  /** The identities more than one object has. */
  private readonly repeated = new Set<string>();

  /** Replaces what the workspace knows of one file. */
  setFile(file: string, objects: readonly FileObject[]): void {
    const previous = this.files.get(file);
    // Objects that already name this file are taken as they are (the file model makes them so).
    const next = objects.map((object) =>
      (object as WorkspaceObject).file === file ? (object as WorkspaceObject) : { ...object, file },
    );
    this.files.set(file, next);
    this.countIdentities(previous ?? [], next);
    this.flat = undefined;
    if (!previous || !sameValues(previous, objects)) this.changed();
  }

  deleteFile(file: string): void {
    const previous = this.files.get(file);
    if (!previous) return;
    this.files.delete(file);
    this.countIdentities(previous, []);
    this.changed();
  }

  /**
   * The identities (kind, namespace and name) that more than one object has, across all files. Kept
   * as files change, so that a check for duplicates costs nothing while there are none.
   */
  repeatedIdentities(): ReadonlySet<string> {
    return this.repeated;
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  fileNames(): string[] {
    return [...this.files.keys()];
  }

  objectsOf(file: string): readonly WorkspaceObject[] {
    return this.files.get(file) ?? [];
  }

  objects(): readonly WorkspaceObject[] {
    this.flat ??= [...this.files.values()].flat();
    return this.flat;
  }

  /** A view computed from the objects once per version (`key` names the view). */
  derived<T>(key: string, compute: (workspace: Workspace) => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute(this);
    this.memo.set(key, value);
    return value;
  }

  /**
   * Counts the identities `next` has instead of `previous` (one file's objects). An edit changes a
   * few objects among many, so the common start and end of the two lists are skipped.
   */
  private countIdentities(previous: readonly WorkspaceObject[], next: readonly WorkspaceObject[]): void {
    const shorter = Math.min(previous.length, next.length);
    let head = 0;
    while (head < shorter && previous[head].identity === next[head].identity) head++;
    let tail = 0;
    while (
      tail < shorter - head &&
      previous[previous.length - 1 - tail].identity === next[next.length - 1 - tail].identity
    )
      tail++;
    for (let index = head; index < previous.length - tail; index++) this.count(previous[index].identity, -1);
    for (let index = head; index < next.length - tail; index++) this.count(next[index].identity, 1);
  }

  private count(identity: string | undefined, by: number): void {
    if (identity === undefined) return;
    const count = (this.identityCounts.get(identity) ?? 0) + by;
    if (count > 0) this.identityCounts.set(identity, count);
    else this.identityCounts.delete(identity);
    if (count > 1) this.repeated.add(identity);
    else this.repeated.delete(identity);
  }

  private changed(): void {
    this.version++;
    this.flat = undefined;
    this.memo.clear();
  }
}

/**
 * Whether a file's new objects mean what the old ones did (the same values, in the same order): an
 * edit that only moves text around, or touches a document no object came from, changes nothing.
 * Values are shared by the validation cache, so an unchanged document keeps its value object.
 */
function sameValues(previous: readonly FileObject[], next: readonly FileObject[]): boolean {
  if (previous.length !== next.length) return false;
  return previous.every((object, index) => object.value === next[index].value);
}
