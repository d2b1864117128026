// What the server keeps between requests: the open files with their incremental validation state,
// and the current settings. Feature modules read from here and only translate to LSP.

import {
  MessageType,
  ShowMessageNotification,
  type Connection,
  type TextDocuments,
  type TextDocumentsConfiguration,
} from 'vscode-languageserver';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ManifestFile,
  withDefaults,
  Workspace,
  type Diagnostic,
  type EngineSettings,
  type FileObject,
  type TextEdit,
} from '../engine';
import type { ValidationPool } from '../engine/service/validationPool';
import { parseSettings } from '../shared/settings';
import { ValidationScheduler } from './validation';
import { OpenDocument } from './document';

export interface ServerSettings {
  validateEnabled: boolean;
  engine: EngineSettings;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  validateEnabled: true,
  engine: withDefaults(undefined),
};

/**
 * Reads the `eksNetworking` section (as VS Code sends it) into typed settings, through the parser
 * the CLI uses too; `warnings` name each value that was ignored.
 */
export function parseServerSettings(section: unknown): { settings: ServerSettings; warnings: string[] } {
  const { validateEnabled, engine, warnings } = parseSettings(section, 'editor');
  return { settings: { validateEnabled, engine }, warnings };
}

export class ServerState {
  settings: ServerSettings = DEFAULT_SERVER_SETTINGS;
  /** The objects of the open documents, for the cross-resource checks. */
  readonly workspace = new Workspace('editor');
  private readonly files = new Map<string, ManifestFile>();
  /** The objects of the workspace's files on disk (by path), as the last scan read them. */
  private scanned = new Map<string, readonly FileObject[]>();
  /** The background scan of the workspace folders, asked to look again now and then. */
  scan?: { refresh(): void };
  /** Validates what edits leave unvalidated, in the background (see validation.ts). */
  readonly validation: ValidationScheduler;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<OpenDocument>,
    /** The edits behind each version (`documents` was made with this journal). */
    private readonly journal: EditJournal,
    pool?: ValidationPool,
  ) {
    this.validation = new ValidationScheduler(this, pool);
  }

  /**
   * The file brought up to date with the document's current text: its units follow the text, but
   * what changed may not be validated yet (that is the scheduler's work; see `validated`). Cheap,
   * so every request may call it.
   */
  fileFor(document: OpenDocument): ManifestFile {
    let file = this.files.get(document.uri);
    if (!file) {
      file = new ManifestFile(this.settings.engine);
      this.files.set(document.uri, file);
      // The open document stands for its file on disk from now on (and may differ from it).
      const path = pathOf(document.uri);
      if (path !== undefined) this.workspace.deleteFile(scannedKey(path));
      this.journal.take(document.uri, undefined);
      file.sync(document);
      versions.set(file, document.version);
    } else if (versions.get(file) !== document.version) {
      // With the edits, the file reads only the text around them, not the document's whole text.
      file.sync(document, this.journal.take(document.uri, versions.get(file)));
      versions.set(file, document.version);
    }
    return file;
  }

  /** The document's file once validated at its current text (undefined when it was closed meanwhile). */
  validated(document: OpenDocument): Promise<ManifestFile | undefined> {
    return this.validation.validated(document.uri);
  }

  /** The document's diagnostics, with the cross-resource checks across the workspace applied. */
  async diagnosticsFor(document: OpenDocument): Promise<Diagnostic[]> {
    const file = await this.validated(document);
    return file ? file.diagnosticsIn(this.workspace, document.uri) : [];
  }

  /** The files of the open documents. */
  openFiles(): IterableIterator<ManifestFile> {
    return this.files.values();
  }

  forget(uri: string): void {
    this.files.delete(uri);
    this.workspace.deleteFile(uri);
    this.journal.take(uri, undefined);
    // Closed, the file counts again as it is on disk.
    const path = pathOf(uri);
    const onDisk = path === undefined ? undefined : this.scanned.get(path);
    if (path !== undefined && onDisk) this.workspace.setFile(scannedKey(path), onDisk);
  }

  /**
   * Puts the files on disk that a scan read into the workspace, except those open in the editor.
   * Returns whether that changed what any object means (the open documents then need a new look).
   */
  setScannedFiles(files: ReadonlyMap<string, { objects: readonly FileObject[] }>): boolean {
    const before = this.workspace.version;
    const open = new Set<string>();
    for (const uri of this.files.keys()) {
      const path = pathOf(uri);
      if (path !== undefined) open.add(path);
    }
    for (const path of this.scanned.keys()) if (!files.has(path)) this.workspace.deleteFile(scannedKey(path));
    this.scanned = new Map([...files].map(([path, file]) => [path, file.objects]));
    for (const [path, objects] of this.scanned) {
      if (!open.has(path)) this.workspace.setFile(scannedKey(path), objects);
    }
    return this.workspace.version !== before;
  }

  applySettings(settings: ServerSettings, warnings: readonly string[] = []): void {
    this.settings = settings;
    for (const file of this.files.values()) file.setSettings(settings.engine);
    this.reportSettingsWarnings(warnings);
  }

  /** Warnings of the settings in force, so the same bad value is not reported on every refresh. */
  private settingsWarnings = new Set<string>();

  /** Shows each new settings warning once (a popup and the output channel); repeats stay quiet. */
  private reportSettingsWarnings(warnings: readonly string[]): void {
    const previous = this.settingsWarnings;
    this.settingsWarnings = new Set(warnings);
    for (const warning of this.settingsWarnings) {
      if (previous.has(warning)) continue;
      this.connection.console.warn(`Settings: ${warning}`);
      // A notification (window/showMessage), not a request: it may be sent while initializing.
      void this.connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Warning,
        message: `EKS Networking: ${warning}`,
      });
    }
  }
}

const versions = new WeakMap<ManifestFile, number>();

/** The workspace key of a file on disk that is not open (open documents use the client's URI). */
function scannedKey(path: string): string {
  return pathToFileURL(path).href;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Past this many unconsumed edits a document is simply re-split in full. */
const MAX_JOURNAL_EDITS = 1000;

/**
 * Creates and updates the open documents (see document.ts) and remembers each change as offsets,
 * so the engine can re-validate only the region that changed instead of comparing whole texts.
 * Pass it to `new TextDocuments(journal)` and to `ServerState`.
 */
export class EditJournal implements TextDocumentsConfiguration<OpenDocument> {
  /** Per document: the version the edits start from, and the edits (or 'full' for a whole-text change). */
  private readonly pending = new Map<string, { from: number; edits: TextEdit[] | 'full' }>();

  create(uri: string, languageId: string, version: number, content: string): OpenDocument {
    this.pending.delete(uri);
    return new OpenDocument(uri, languageId, version, content);
  }

  update(document: OpenDocument, changes: TextDocumentContentChangeEvent[], version: number): OpenDocument {
    let entry = this.pending.get(document.uri);
    if (!entry) {
      entry = { from: document.version, edits: [] };
      this.pending.set(document.uri, entry);
    }
    for (const change of changes) {
      // Offsets against the text as it is before this change, as the engine expects them.
      const edit = document.apply(change);
      if (edit && entry.edits !== 'full' && entry.edits.length < MAX_JOURNAL_EDITS) entry.edits.push(edit);
      else entry.edits = 'full';
    }
    document.setVersion(version);
    return document;
  }

  /** The edits since `fromVersion`, or undefined when they are not all known; forgets them. */
  take(uri: string, fromVersion: number | undefined): TextEdit[] | undefined {
    const entry = this.pending.get(uri);
    this.pending.delete(uri);
    return entry && entry.from === fromVersion && entry.edits !== 'full' ? entry.edits : undefined;
  }
}
