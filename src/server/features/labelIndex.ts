// Labels used across the workspace, for completion inside selectors: the open documents (always
// current) plus the YAML files under the workspace folders. The folder scan is bounded (file count,
// file size, depth) and refreshed at most every few seconds, only when completion asks for labels.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectLabels, WorkspaceLabels } from '../../engine/editing';

const MAX_FILES = 500;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_OPEN_DOCUMENT_CHARS = 2 * 1024 * 1024;
const MAX_DEPTH = 8;
const RESCAN_AFTER_MS = 10_000;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', 'vendor', '.terraform']);

export class LabelIndex {
  private folders: string[] = [];
  private fromFiles = new WorkspaceLabels();
  private scannedAt = -Infinity;
  private readonly perFile = new Map<string, { mtimeMs: number; labels: WorkspaceLabels }>();
  /** Labels of each open document, reused until its version changes. */
  private readonly perOpenDocument = new Map<string, { version: number; labels: WorkspaceLabels }>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  setFolders(uris: string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.scannedAt = -Infinity;
  }

  labels(): WorkspaceLabels {
    if (Date.now() - this.scannedAt > RESCAN_AFTER_MS) this.scanFolders();
    const result = new WorkspaceLabels();
    result.merge(this.fromFiles);
    const open = new Set<string>();
    for (const document of this.documents.all()) {
      open.add(document.uri);
      result.merge(this.openDocumentLabels(document));
    }
    for (const uri of this.perOpenDocument.keys()) if (!open.has(uri)) this.perOpenDocument.delete(uri);
    return result;
  }

  private openDocumentLabels(document: TextDocument): WorkspaceLabels {
    const cached = this.perOpenDocument.get(document.uri);
    if (cached && cached.version === document.version) return cached.labels;
    const labels = new WorkspaceLabels();
    // A huge generated file is not where workload labels live; reading it on every keystroke would be.
    const text = document.getText();
    if (text.length <= MAX_OPEN_DOCUMENT_CHARS) collectLabels(text, labels);
    this.perOpenDocument.set(document.uri, { version: document.version, labels });
    return labels;
  }

  private scanFolders(): void {
    this.scannedAt = Date.now();
    const files: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (depth > MAX_DEPTH || files.length >= MAX_FILES) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (files.length >= MAX_FILES) return;
        const full = join(dir, name);
        if (/\.ya?ml$/i.test(name)) files.push(full);
        else if (!name.startsWith('.') && !SKIP_DIRS.has(name)) {
          try {
            if (statSync(full).isDirectory()) walk(full, depth + 1);
          } catch {
            // Unreadable entries are skipped.
          }
        }
      }
    };
    for (const folder of this.folders) walk(folder, 0);
    const merged = new WorkspaceLabels();
    for (const file of files) {
      try {
        const stat = statSync(file);
        if (stat.size > MAX_FILE_BYTES) continue;
        let cached = this.perFile.get(file);
        if (!cached || cached.mtimeMs !== stat.mtimeMs) {
          const labels = new WorkspaceLabels();
          collectLabels(readFileSync(file, 'utf8'), labels);
          cached = { mtimeMs: stat.mtimeMs, labels };
          this.perFile.set(file, cached);
        }
        merged.merge(cached.labels);
      } catch {
        // A file that vanished or cannot be read adds nothing.
      }
    }
    this.fromFiles = merged;
  }
}
