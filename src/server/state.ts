// What the server keeps between requests: the open files with their incremental validation state,
// and the current settings. Feature modules read from here and only translate to LSP.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ManifestFile, withDefaults, type EngineSettings } from '../engine';

export interface ServerSettings {
  validateEnabled: boolean;
  engine: EngineSettings;
}

export const DEFAULT_SERVER_SETTINGS: ServerSettings = {
  validateEnabled: true,
  engine: withDefaults(undefined),
};

/** Reads the `eksNetworking` settings section (as VS Code sends it) into typed settings. */
export function parseSettings(section: unknown): ServerSettings {
  const raw = (section ?? {}) as Record<string, unknown>;
  const validate = (raw.validate ?? {}) as Record<string, unknown>;
  const rules = raw.rules && typeof raw.rules === 'object' ? (raw.rules as EngineSettings['rules']) : {};
  return {
    validateEnabled: validate.enable !== false,
    engine: withDefaults({
      rules,
      target: raw.target as EngineSettings['target'],
      clusterIpFamily: raw.clusterIpFamily as EngineSettings['clusterIpFamily'],
      maxFileSizeMB: raw.maxFileSizeMB as number,
    }),
  };
}

export class ServerState {
  settings: ServerSettings = DEFAULT_SERVER_SETTINGS;
  private readonly files = new Map<string, ManifestFile>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** The file's validation state brought up to date with the document's current text. */
  fileFor(document: TextDocument): ManifestFile {
    let file = this.files.get(document.uri);
    if (!file) {
      file = new ManifestFile(this.settings.engine);
      this.files.set(document.uri, file);
      file.update(document.getText());
      versions.set(file, document.version);
    } else if (versions.get(file) !== document.version) {
      file.update(document.getText());
      versions.set(file, document.version);
    }
    return file;
  }

  forget(uri: string): void {
    this.files.delete(uri);
  }

  applySettings(settings: ServerSettings): void {
    this.settings = settings;
    for (const file of this.files.values()) file.setSettings(settings.engine);
  }
}

const versions = new WeakMap<ManifestFile, number>();
