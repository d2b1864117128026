// Reads the YAML files under the workspace folders for their labels, safely: the workspace may be
// untrusted (Restricted Mode) and hold anything. Only regular files are read (a FIFO would block a
// read forever, `/dev/zero` would never end), each through a descriptor checked with fstat and read
// to a fixed number of bytes; symbolic links are not followed (six folders linking to themselves
// cost seconds of CPU per scan), each folder is read once however it is reached (bind mounts);
// folders, entries, files and bytes are capped. Everything is asynchronous and can be cancelled.

import { constants, type Dirent } from 'node:fs';
import { lstat, open, opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { addObjectLabels, WorkspaceLabels } from '../../engine/editing';
import type { FileObject } from '../../engine';
import { readObjects } from '../../engine/workspace/readObjects';

export const SCAN_LIMITS = {
  folders: 2_000,
  /** Directory entries looked at, over all folders (a folder may hold a million files). */
  entries: 50_000,
  files: 500,
  fileBytes: 512 * 1024,
  totalBytes: 16 * 1024 * 1024,
  depth: 8,
};

const SKIP_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', 'vendor', '.terraform']);
const YAML_FILE = /\.ya?ml$/i;
/** Absent on Windows, where a symbolic link is already seen as one by the folder walk. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What a file looked like when it was read: unchanged files are not read again. */
export interface ScannedFile {
  identity: string;
  /** Its objects, for the cross-resource checks of the open documents. */
  objects: readonly FileObject[];
  labels: WorkspaceLabels;
}

export interface ScanResult {
  /** Labels per file path, for the files read (or unchanged since the previous scan). */
  files: Map<string, ScannedFile>;
  /** The limit that stopped the scan early, if one did. */
  stoppedBy?: keyof typeof SCAN_LIMITS;
  folders: number;
}

export class ScanCancelled extends Error {}

/** Scans `roots`; `previous` lends the labels of files that did not change. */
export async function scanWorkspace(
  roots: readonly string[],
  previous: ReadonlyMap<string, ScannedFile>,
  signal: AbortSignal,
  limits = SCAN_LIMITS,
): Promise<ScanResult> {
  const result: ScanResult = { files: new Map(), folders: 0 };
  const checkCancelled = (): void => {
    if (signal.aborted) throw new ScanCancelled();
  };
  const yamlFiles = await findYamlFiles(roots, result, checkCancelled, limits);
  let totalBytes = 0;
  for (const path of yamlFiles) {
    checkCancelled();
    const read = await readRegularFile(path, limits.fileBytes, previous.get(path)?.identity);
    if (!read) continue;
    totalBytes += read.size;
    if (totalBytes > limits.totalBytes) {
      result.stoppedBy = 'totalBytes';
      break;
    }
    let file = previous.get(path);
    if (read.text !== undefined || !file) {
      // Read through the engine, as an open document is (one guarded parse per file).
      const objects = read.text ? readObjects(read.text) : [];
      const labels = new WorkspaceLabels();
      addObjectLabels(objects, labels);
      file = { identity: read.identity, objects, labels };
    }
    result.files.set(path, file);
    // Parsing is the one synchronous step: let pending requests run between files.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return result;
}

/** Breadth first, so the folders near the top are read before a limit is reached. */
async function findYamlFiles(
  roots: readonly string[],
  result: ScanResult,
  checkCancelled: () => void,
  limits: typeof SCAN_LIMITS,
): Promise<string[]> {
  const files: string[] = [];
  const seenFolders = new Set<string>();
  const queue = roots.map((path) => ({ path, depth: 0 }));
  let entries = 0;
  for (let next = 0; next < queue.length; next++) {
    checkCancelled();
    if (result.folders >= limits.folders) {
      result.stoppedBy = 'folders';
      break;
    }
    const { path, depth } = queue[next];
    // A workspace folder may itself be reached through a link; inside it, nothing is followed.
    const identity = await folderIdentity(path, depth === 0);
    if (!identity || seenFolders.has(identity)) continue;
    seenFolders.add(identity);
    result.folders++;
    let folder;
    try {
      folder = await opendir(path);
    } catch {
      continue; // unreadable folders add nothing
    }
    try {
      for await (const entry of folder) {
        if (++entries > limits.entries) {
          result.stoppedBy = 'entries';
          return files;
        }
        if (isYamlFile(entry)) {
          files.push(join(path, entry.name));
          if (files.length >= limits.files) {
            result.stoppedBy = 'files';
            return files;
          }
        } else if (entry.isDirectory() && depth < limits.depth && !skipFolder(entry.name)) {
          queue.push({ path: join(path, entry.name), depth: depth + 1 });
        }
      }
    } catch {
      // A folder that vanished while being read adds what was read of it.
    }
  }
  return files;
}

function isYamlFile(entry: Dirent): boolean {
  return entry.isFile() && YAML_FILE.test(entry.name);
}

function skipFolder(name: string): boolean {
  return name.startsWith('.') || SKIP_FOLDERS.has(name);
}

async function folderIdentity(path: string, followLink: boolean): Promise<string | undefined> {
  try {
    const info = followLink ? await stat(path) : await lstat(path);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text of a regular file of at most `maxBytes`, checked on the open descriptor (the path may
 * have been swapped for a FIFO or a link since the folder was read). When the file's identity
 * (device, inode, size, modification time) equals `known`, it is not read and `text` is undefined.
 */
async function readRegularFile(
  path: string,
  maxBytes: number,
  known: string | undefined,
): Promise<{ identity: string; size: number; text?: string } | undefined> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch {
    return undefined; // a link (O_NOFOLLOW), or a file that vanished or cannot be read
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const identity = `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
    if (identity === known) return { identity, size: info.size };
    // One byte more than fstat said: a file that is longer than it claims (or grew) is skipped.
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length === buffer.length) return undefined;
    return { identity, size: length, text: buffer.toString('utf8', 0, length) };
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
