// A stand-in for the Red Hat YAML extension (redhat.vscode-yaml), which cannot be installed here (no
// marketplace): the same id, the same yaml-language-server (this project's devDependency) started
// the way Red Hat YAML starts it, and its schema-contributor API with the same rules: contributors
// are asked in order, one whose label matches the file's text is asked alone, otherwise every
// contributor's answer is combined; content requests go to the contributor named by the URI scheme.
// Packaged by scripts/vscode/redHatYamlStandIn.ts and installed beside ours in the real VS Code
// tests. Its extra `published(uri)` lets the tests wait until yaml-language-server checked a file.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';

interface Contributor {
  requestSchema(resource: string): string | undefined;
  requestSchemaContent(uri: string): string | undefined | Promise<string | undefined>;
  label?: RegExp;
}

const contributors = new Map<string, Contributor>();
const lastPublished = new Map<string, readonly vscode.Diagnostic[]>();
const publishWaiters = new Map<string, Array<(diagnostics: readonly vscode.Diagnostic[]) => void>>();

function requestCustomSchema(resource: string): string[] {
  const matches: string[] = [];
  for (const contributor of contributors.values()) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource);
    if (contributor.label && document && contributor.label.test(document.getText())) {
      const uri = contributor.requestSchema(resource);
      return uri ? [uri] : [];
    }
    const uri = contributor.requestSchema(resource);
    if (uri) matches.push(uri);
  }
  return matches;
}

export async function activate(context: vscode.ExtensionContext) {
  const serverModule = process.env.EKS_YAML_LANGUAGE_SERVER;
  if (!serverModule) throw new Error('EKS_YAML_LANGUAGE_SERVER (yaml-language-server server.js) is not set.');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    synchronize: { configurationSection: ['yaml', 'http.proxy', 'http.proxyStrictSSL'] },
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        lastPublished.set(uri.toString(), diagnostics);
        for (const wake of publishWaiters.get(uri.toString())?.splice(0) ?? []) wake(diagnostics);
      },
    },
  };
  const client = new LanguageClient(
    'yaml',
    'YAML Support (stand-in)',
    { run: { module: serverModule, transport: TransportKind.ipc }, debug: { module: serverModule } },
    clientOptions,
  );
  context.subscriptions.push(client);
  await client.start();
  await client.sendNotification('json/schemaAssociations', []);
  await client.sendNotification('yaml/registerCustomSchemaRequest');
  client.onRequest('custom/schema/request', (resource: string) => requestCustomSchema(resource));
  client.onRequest('custom/schema/content', async (uri: string) => {
    const scheme = vscode.Uri.parse(uri).scheme;
    return (await contributors.get(scheme)?.requestSchemaContent(uri)) ?? '';
  });

  return {
    registerContributor(
      schema: string,
      requestSchema: Contributor['requestSchema'],
      requestSchemaContent: Contributor['requestSchemaContent'],
      label?: string,
    ): boolean {
      if (contributors.has(schema)) return false;
      let labelRegExp: RegExp | undefined;
      if (label) {
        const [key, value] = label.split(':');
        labelRegExp =
          key && value ? new RegExp(`${key}:[\\t ]+${value.trim().replace('.', '\\.')}`) : new RegExp(label);
      }
      contributors.set(schema, { requestSchema, requestSchemaContent, label: labelRegExp });
      return true;
    },
    /** For the tests: the contributors registered so far. */
    contributorNames: () => [...contributors.keys()],
    /** For the tests: the diagnostics yaml-language-server last published for `uri`, once it has. */
    published(uri: string): Promise<readonly vscode.Diagnostic[]> {
      const known = lastPublished.get(uri);
      if (known) return Promise.resolve(known);
      return new Promise((resolve) => publishWaiters.set(uri, [...(publishWaiters.get(uri) ?? []), resolve]));
    },
  };
}
