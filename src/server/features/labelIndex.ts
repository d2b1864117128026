// The workspace's YAML files that are not open, and the labels used across the workspace (for
// completion inside selectors): the open documents (always current) plus the files under the
// workspace folders. The scanned files' objects also feed the cross-resource checks. The folder scan runs in the background
// (see workspaceScan.ts for its limits), never inside a request: completion uses the last finished
// scan, and asks for a new one when that is older than a few seconds. A scan is cancelled when the
// workspace folders change or the server shuts down.

import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { OpenDocument } from '../document';
import { addObjectLabels, MAX_LABEL_SOURCE_CHARS, WorkspaceLabels } from '../../engine/editing';
import type { FileObject } from '../../engine';
import { SCAN_LIMITS, ScanCancelled, scanWorkspace, type ScannedFile } from './workspaceScan';

const RESCAN_AFTER_MS = 10_000;
/** The first completion waits this long for the first scan, so it can offer the workspace's labels. */
const FIRST_SCAN_WAIT_MS = 1_000;

const LIMIT_WORDS: Record<keyof typeof SCAN_LIMITS, string> = {
  folders: `${SCAN_LIMITS.folders} folders`,
  entries: `${SCAN_LIMITS.entries} folder entries`,
  files: `${SCAN_LIMITS.files} YAML files`,
  fileBytes: `${SCAN_LIMITS.fileBytes / 1024} KB per file`,
  totalBytes: `${SCAN_LIMITS.totalBytes / 1024 / 1024} MB`,
  depth: `${SCAN_LIMITS.depth} folder levels`,
};

export class LabelIndex {
  private folders: string[] = [];
  private scanned = new Map<string, ScannedFile>();
  private scannedAt = -Infinity;
  private running?: { controller: AbortController; done: Promise<void> };
  private firstScan?: Promise<void>;
  private disposed = false;
  /** Labels of each open document, reused until its version changes. */
  private readonly perOpenDocument = new Map<string, { version: number; labels: WorkspaceLabels }>();

  constructor(
    private readonly documents: TextDocuments<OpenDocument>,
    private readonly log: (message: string) => void,
    /** An open document's objects, from its validated file (so it is not parsed a second time). */
    private readonly objectsOf: (document: OpenDocument) => readonly FileObject[],
    /** Called with the files of each finished scan. */
    private readonly onScanned: (files: ReadonlyMap<string, ScannedFile>) => void = () => undefined,
  ) {}

  /** Starts a scan when the last one is older than a few seconds (and none is running). */
  refresh(): void {
    if (!this.running && Date.now() - this.scannedAt > RESCAN_AFTER_MS) void this.startScan();
  }

  /** Starts over with new workspace folders: the running scan is cancelled. */
  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(pathOf).filter((path): path is string => path !== undefined);
    this.scanned = new Map();
    this.scannedAt = -Infinity;
    this.running?.controller.abort();
    this.running = undefined;
    this.firstScan = this.startScan();
  }

  dispose(): void {
    this.disposed = true;
    this.running?.controller.abort();
  }

  /** Resolves when the first scan after `setFolders` has finished, or after `timeoutMs`. */
  async ready(timeoutMs = FIRST_SCAN_WAIT_MS): Promise<void> {
    if (!this.firstScan) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.firstScan, timeout]);
    clearTimeout(timer);
  }

  /** The labels of every open document and of the scanned files that are not open, one set each. */
  sources(): WorkspaceLabels[] {
    this.refresh();
    const sources: WorkspaceLabels[] = [];
    const openPaths = new Set<string>();
    const openUris = new Set<string>();
    for (const document of this.documents.all()) {
      openUris.add(document.uri);
      const path = pathOf(document.uri);
      if (path) openPaths.add(path);
      sources.push(this.openDocumentLabels(document));
    }
    for (const [path, file] of this.scanned) if (!openPaths.has(path)) sources.push(file.labels);
    for (const uri of this.perOpenDocument.keys()) if (!openUris.has(uri)) this.perOpenDocument.delete(uri);
    return sources;
  }

  private openDocumentLabels(document: OpenDocument): WorkspaceLabels {
    const cached = this.perOpenDocument.get(document.uri);
    if (cached && cached.version === document.version) return cached.labels;
    const labels = new WorkspaceLabels();
    // A huge generated file is not where workload labels live.
    if (document.length <= MAX_LABEL_SOURCE_CHARS) addObjectLabels(this.objectsOf(document), labels);
    this.perOpenDocument.set(document.uri, { version: document.version, labels });
    return labels;
  }

  private startScan(): Promise<void> {
    if (this.disposed || this.folders.length === 0) {
      this.scannedAt = Date.now();
      return Promise.resolve();
    }
    const controller = new AbortController();
    const folders = this.folders;
    const started = Date.now();
    const done = scanWorkspace(folders, this.scanned, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        this.scanned = result.files;
        this.scannedAt = Date.now();
        this.running = undefined;
        this.onScanned(result.files);
        const limit = result.stoppedBy
          ? `; stopped at the limit of ${LIMIT_WORDS[result.stoppedBy]}, so labels from the rest are not offered`
          : '';
        this.log(
          `Workspace labels: read ${result.files.size} YAML files in ${result.folders} folders in ${Date.now() - started} ms${limit}.`,
        );
      },
      (error: unknown) => {
        if (error instanceof ScanCancelled || controller.signal.aborted) return;
        this.scannedAt = Date.now();
        this.running = undefined;
        this.log(`Workspace labels: the scan failed (${(error as Error)?.message ?? String(error)}).`);
      },
    );
    this.running = { controller, done };
    return done;
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
