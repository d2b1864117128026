// Living beside Red Hat YAML (redhat.vscode-yaml): when it is installed, EKS Networking registers a
// schema contributor with it, so files holding our kinds are not also validated, hovered and
// completed with the generic Kubernetes schema (see contribution.ts for what is handed over).

import * as vscode from 'vscode';
import {
  claimsText,
  contributedSchemaContent,
  contributedSchemaUri,
  CONTRIBUTOR,
  KINDS_LABEL,
  mappedSchemas,
} from './contribution';

export const RED_HAT_YAML = 'redhat.vscode-yaml';

/** The part of Red Hat YAML's exported API we use. */
interface RedHatYamlApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | undefined,
    label?: string,
  ): boolean;
}

/** Per open document: whether its text holds one of our kinds, for the version it was read at. */
const claims = new WeakMap<vscode.TextDocument, { version: number; claimed: boolean }>();

function claimed(document: vscode.TextDocument): boolean {
  const known = claims.get(document);
  if (known?.version === document.version) return known.claimed;
  const result = claimsText(document.getText());
  claims.set(document, { version: document.version, claimed: result });
  return result;
}

/** Red Hat YAML asks for each open file's schema; we answer only for files holding our kinds. */
function requestSchema(resource: string): string | undefined {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource);
  if (!document || !claimed(document)) return undefined;
  const yaml = vscode.workspace.getConfiguration('yaml', document.uri);
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => ({
    name: f.name,
    path: f.uri.fsPath,
  }));
  const delegates = mappedSchemas(
    yaml.get('schemas'),
    (pattern) => vscode.languages.match({ pattern }, document) > 0,
    { folders, kubernetesVersion: yaml.get<string>('kubernetesVersion') },
  );
  return contributedSchemaUri(delegates);
}

/** Registers the contributor once Red Hat YAML is there (now, or when it is installed later). */
export function registerWithRedHatYaml(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  let connected = false;
  const connect = async (): Promise<void> => {
    const redHat = vscode.extensions.getExtension<RedHatYamlApi | undefined>(RED_HAT_YAML);
    if (connected || !redHat) return;
    connected = true;
    try {
      const api = redHat.isActive ? redHat.exports : await redHat.activate();
      if (typeof api?.registerContributor !== 'function') {
        log.warn(
          `Red Hat YAML ${String(redHat.packageJSON.version)} has no schema contributor API; it may also validate our documents.`,
        );
        return;
      }
      api.registerContributor(CONTRIBUTOR, requestSchema, contributedSchemaContent, KINDS_LABEL);
      log.info(
        'Red Hat YAML is installed: files with our kinds get their schemas from EKS Networking, which leaves our documents to our checks.',
      );
    } catch (error) {
      log.warn(
        `Could not connect to Red Hat YAML: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  void connect();
  context.subscriptions.push(vscode.extensions.onDidChange(() => void connect()));
}
