// The language server: wires LSP requests to the engine through one feature module each.

import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { productVersion } from '../shared/version';
import { EditJournal, parseServerSettings, ServerState } from './state';
import { ValidationPool } from '../engine/service/validationPool';
import { guardRequests } from './guard';
import { registerDiagnostics } from './features/diagnostics';
import { registerCodeActions } from './features/codeActions';
import { COMPLETION_TRIGGER_CHARACTERS, registerCompletion } from './features/completion';
import { registerWorkspaceFiles } from './features/workspaceFiles';
import { registerHover } from './features/hover';
import { registerSymbols } from './features/symbols';
import { registerExplain } from './features/explain';
import { registerConnectivity } from './features/connectivity';
import { FIX_ALL_KIND } from './features/fixAll';

/**
 * `onInput`, when given, calls its listener whenever bytes or a message from the client arrive
 * (before the LSP library dispatches them): background validation then steps aside for them.
 */
export function startServer(connection: Connection, onInput?: (listener: () => void) => void): void {
  // The journal remembers each change's offsets, so an edit re-validates only the documents it touched.
  const journal = new EditJournal();
  const documents = new TextDocuments(journal);
  // Features register through the guarded connection: a request that throws is logged and answered with an error.
  const state = new ServerState(guardRequests(connection), documents, journal, validationPool());
  let canPullConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings) {
      const { settings, warnings } = parseServerSettings(options.settings);
      state.applySettings(settings, warnings);
    }
    workspaceFiles.setWorkspace(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS },
        hoverProvider: true,
        documentSymbolProvider: { label: 'EKS Networking' },
        codeLensProvider: { resolveProvider: false },
        // Workspace labels come from the folders; a change restarts their scan.
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'eks-networking', version: productVersion() },
    };
  });

  const diagnostics = registerDiagnostics(state);
  const workspaceFiles = registerWorkspaceFiles(state, () => diagnostics.revalidateAll());
  registerCodeActions(state);
  registerCompletion(state, workspaceFiles.labels);
  registerHover(state);
  registerSymbols(state);
  registerExplain(state);
  registerConnectivity(state);

  const refreshSettings = async (pushed?: unknown): Promise<void> => {
    let section = pushed;
    if (section === undefined && canPullConfiguration) {
      section = await connection.workspace.getConfiguration('eksNetworking');
    }
    if (section !== undefined) {
      const { settings, warnings } = parseServerSettings(section);
      state.applySettings(settings, warnings);
      diagnostics.revalidateAll();
    }
  };

  connection.onInitialized(() => {
    workspaceFiles.initialized();
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eksNetworking' });
      void refreshSettings();
    }
  });
  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { eksNetworking?: unknown } | null)?.eksNetworking;
    void refreshSettings(pushed);
  });

  // The workspace scan and the validation workers must not outlive the session.
  connection.onShutdown(() => {
    workspaceFiles.dispose();
    state.validation.dispose();
  });

  onInput?.(() => state.validation.inputArrived());
  documents.listen(connection);
  connection.listen();
}

/**
 * Worker threads for validating large files; EKSNET_VALIDATION_WORKERS sets how many (0: none, all
 * validation on the server's thread), for measuring and for machines where threads are scarce.
 */
function validationPool(): ValidationPool | undefined {
  const configured = process.env.EKSNET_VALIDATION_WORKERS;
  const size = configured === undefined || configured === '' ? undefined : Number(configured);
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) return undefined;
  return new ValidationPool({ size });
}
