// The workspace folders' YAML files: scanned in the background (workspaceScan.ts), their objects put
// in the workspace for the cross-resource checks of the open documents (another policy on disk may
// already allow DNS), their labels offered by completion. Follows the client's folder changes.

import type { InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import type { ServerState } from '../state';
import { LabelIndex } from './labelIndex';

export interface WorkspaceFilesFeature {
  readonly labels: LabelIndex;
  setWorkspace(params: InitializeParams): void;
  /** After `initialized`: follows the client's workspace folder changes (each one restarts the scan). */
  initialized(): void;
  dispose(): void;
}

/** `onChanged` runs when a scan changed what the files on disk mean for the open documents. */
export function registerWorkspaceFiles(state: ServerState, onChanged: () => void): WorkspaceFilesFeature {
  const { connection, documents } = state;
  const labels = new LabelIndex(
    documents,
    (message) => connection.console.log(message),
    (document) => state.fileFor(document).getObjects(),
    (files) => {
      if (state.setScannedFiles(files)) onChanged();
    },
  );
  state.scan = labels;
  let folders: WorkspaceFolder[] = [];
  let followFolders = false;
  return {
    labels,
    setWorkspace(params) {
      folders =
        params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri }] : []);
      followFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
      labels.setFolders(folders.map((folder) => folder.uri));
    },
    initialized() {
      if (!followFolders) return;
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folders = [...folders.filter((folder) => !removed.has(folder.uri)), ...event.added];
        labels.setFolders(folders.map((folder) => folder.uri));
      });
    },
    dispose() {
      labels.dispose();
    },
  };
}
