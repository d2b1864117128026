// What the connectivity requests analyse: the open documents (their current text), the other files
// the server's workspace holds, and, when the client names folders, the YAML files on disk under
// them. Disk files are read with the CLI's bounded reader (regular files only, size-limited, a
// bounded walk) and validated once per change of their mtime and size. The analysis is rebuilt
// only when one of these changed.

import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectInputs, InputError, readInputFile } from '../../cli/inputs';
import { ManifestFile, type WorkspaceObject } from '../../engine';
import {
  buildAnalysis,
  describeProblem,
  findingsByPolicy,
  readSources,
  type ConnectivityAnalysis,
  type ConnectivityPolicy,
  type EksFinding,
  type ManifestInput,
} from '../../engine/connectivity';
import { appendAll } from '../../engine/util/arrays';
import type { ServerState } from '../state';

/** Bounds on what one request reads from disk. */
const MAX_FOLDER_FILES = 1000;
const MAX_FOLDERS_WALKED = 5000;
const MAX_FOLDER_BYTES = 64 * 1024 * 1024;
/** A click (explain, can-reach) reuses an analysis this recent without looking at the disk again. */
const REUSE_MS = 5000;

export interface WorkspaceAnalysis {
  analysis: ConnectivityAnalysis<WorkspaceObject, WorkspaceObject>;
  eks: ReadonlyMap<ConnectivityPolicy<WorkspaceObject>, readonly EksFinding[]>;
  warnings: string[];
  files: number;
  /** The validation state of each file, by its key, for finding lines inside objects. */
  manifests: ReadonlyMap<string, ManifestFile>;
  /** Folders the disk files were read from, for naming files in messages. */
  folders: readonly string[];
}

interface DiskFile {
  mtimeMs: number;
  size: number;
  settings: string;
  manifest: ManifestFile;
  /** The analysis that last read it. */
  used: number;
}

export class ConnectivityInputs {
  private readonly disk = new Map<string, DiskFile>();
  /** Counts analyses, to drop the cached files the last one did not read. */
  private generation = 0;
  private last: { key: string; at: number; folders: string; built: WorkspaceAnalysis } | undefined;

  constructor(private readonly state: ServerState) {}

  /**
   * The analysis of everything in scope. `fresh` looks at the disk again (the view's refresh); a
   * click reuses the last analysis while the open documents are unchanged and it is recent.
   */
  analyse(folderUris: unknown, fresh = true): WorkspaceAnalysis {
    // Params arrive unchecked: anything but a list of file: URIs is no folder.
    const folders = (Array.isArray(folderUris) ? folderUris : []).flatMap((uri: unknown) => {
      const path = typeof uri === 'string' ? pathOf(uri) : undefined;
      return path ? [path] : [];
    });
    const openKey = this.openKey();
    const last = this.last;
    if (
      !fresh &&
      last &&
      last.folders === folders.join('\n') &&
      last.key.startsWith(openKey) &&
      Date.now() - last.at < REUSE_MS
    )
      return last.built;

    const open = this.state.documents.all().map((document) => ({
      name: document.uri,
      manifest: this.state.fileFor(document),
    }));
    const openPaths = new Set(open.flatMap(({ name }) => pathOf(name) ?? []));
    const known = new Set(this.state.workspace.fileNames());
    const warnings: string[] = [];
    this.generation++;
    const fromDisk = this.readFolders(folders, openPaths, known, warnings);
    const key = `${openKey}|${fromDisk.map(({ name }) => `${name}@${this.disk.get(name)?.mtimeMs}`).join(',')}`;
    if (last && last.key === key && last.folders === folders.join('\n')) {
      last.at = Date.now();
      return last.built;
    }

    // Files the server's workspace holds that are not open (the workspace scan's) are read through
    // the same cache as the folders' files, so that their rules have lines and EKS caveats too; one
    // that cannot be read now counts with the objects the scan found.
    const openNames = new Set(open.map(({ name }) => name));
    const scanned: ManifestInput[] = [];
    const scannedObjects: WorkspaceObject[] = [];
    for (const file of known) {
      if (openNames.has(file)) continue;
      const path = pathOf(file);
      const manifest = path === undefined ? undefined : this.readDisk(file, path, dirname(path), []);
      if (manifest) scanned.push({ name: file, manifest });
      else appendAll(scannedObjects, this.state.workspace.objectsOf(file));
    }
    const inputs: ManifestInput[] = [...open, ...fromDisk, ...scanned];
    const sources = readSources(inputs);
    appendAll(sources.objects, scannedObjects);
    this.dropUnused();
    const built = buildAnalysis(sources.objects);
    const manifests = new Map(inputs.map(({ name, manifest }) => [name, manifest]));
    const result: WorkspaceAnalysis = {
      analysis: built.analysis,
      eks: findingsByPolicy(built.analysis, sources.eks),
      warnings: [
        ...warnings,
        ...sources.problems.map((problem) => describeProblem(problem, displayName(problem.file, folders))),
        ...built.warnings,
      ],
      files: new Set([...openNames, ...known, ...fromDisk.map(({ name }) => name)]).size,
      manifests,
      folders,
    };
    this.last = { key, at: Date.now(), folders: folders.join('\n'), built: result };
    return result;
  }

  /** The open documents and their versions, and the workspace's version: what clicks depend on. */
  private openKey(): string {
    const documents = this.state.documents
      .all()
      .map((document) => `${document.uri}@${document.version}`)
      .sort()
      .join(',');
    return `${this.state.workspace.version};${JSON.stringify(this.state.settings.engine)};${documents}`;
  }

  private readFolders(
    folders: readonly string[],
    openPaths: ReadonlySet<string>,
    known: ReadonlySet<string>,
    warnings: string[],
  ): ManifestInput[] {
    const inputs: ManifestInput[] = [];
    const seen = new Set<string>();
    let bytes = 0;
    scan: for (const folder of folders) {
      for (const input of collectInputs([folder], folder, {
        maxFiles: MAX_FOLDER_FILES,
        maxFolders: MAX_FOLDERS_WALKED,
      })) {
        if (input.kind === 'problem') {
          warnings.push(`${folder}: ${input.message}.`);
          continue;
        }
        if (input.kind !== 'file') continue;
        const path = resolve(folder, input.file);
        const uri = pathToFileURL(path).href;
        if (seen.has(path) || openPaths.has(path) || known.has(uri)) continue;
        seen.add(path);
        let size;
        try {
          size = statSync(path).size;
        } catch {
          continue;
        }
        if (bytes + size > MAX_FOLDER_BYTES) {
          warnings.push(
            `${displayName(uri, folders)} and the files after it are not read: the folders hold more than ${MAX_FOLDER_BYTES / 1024 / 1024} MB of YAML.`,
          );
          break scan;
        }
        const manifest = this.readDisk(uri, path, folder, warnings);
        if (!manifest) continue;
        bytes += size;
        inputs.push({ name: uri, manifest });
      }
    }
    return inputs;
  }

  /**
   * The file validated as it is on disk now: from the cache while its size and modification time
   * are unchanged, else read again (bounded by the size limit). Undefined when it cannot be read;
   * why goes to `warnings`.
   */
  private readDisk(uri: string, path: string, folder: string, warnings: string[]): ManifestFile | undefined {
    const settings = this.state.settings.engine;
    const settingsKey = JSON.stringify(settings);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return undefined;
    }
    const cached = this.disk.get(uri);
    if (
      cached &&
      cached.mtimeMs === stats.mtimeMs &&
      cached.size === stats.size &&
      cached.settings === settingsKey
    ) {
      cached.used = this.generation;
      return cached.manifest;
    }
    let text: string;
    try {
      text = readInputFile(path, folder, settings.maxFileSizeMB);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      warnings.push(`${error.message.replace(/--max-file-size-mb/, 'eksNetworking.maxFileSizeMB')}.`);
      return undefined;
    }
    const manifest = new ManifestFile(settings);
    manifest.update(text);
    this.disk.set(uri, {
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      settings: settingsKey,
      manifest,
      used: this.generation,
    });
    return manifest;
  }

  /** Files not read by the last analysis (deleted, or of another scope) are not kept validated. */
  private dropUnused(): void {
    for (const [uri, file] of this.disk) if (file.used !== this.generation) this.disk.delete(uri);
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A file key as the user knows it: relative to a folder in scope, or its path, or the URI. */
export function displayName(file: string, folders: readonly string[]): string {
  const path = pathOf(file);
  if (!path) return file;
  for (const folder of folders) {
    const inside = relative(folder, path);
    if (inside && !inside.startsWith('..') && !isAbsolute(inside)) return inside;
  }
  return path;
}
