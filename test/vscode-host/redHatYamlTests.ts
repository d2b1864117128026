// EKS Networking beside Red Hat YAML, in the real VS Code: the stand-in extension (same id, the
// real yaml-language-server, the same schema-contributor rules; test/vscode-redhat/standIn.ts) has
// a strict Kubernetes schema mapped to every *.yaml file in the user settings, as users do with
// `"yaml.schemas": {"kubernetes": "*.yaml"}`. Without us it would report "Property podSelecter is
// not allowed." beside our SCH001, hover and complete our fields too (test/client/ shows that with
// the same server); here our documents are left to us and the Service beside them is still its.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { codeOf, extension, hoverText, openFixture, SOURCE, waitFor, waitForDiagnostics } from './helpers';

const RED_HAT_YAML = 'redhat.vscode-yaml';
const STAND_IN_TEXT = 'Kubernetes stand-in';

interface StandInApi {
  contributorNames(): string[];
  published(uri: string): Promise<readonly vscode.Diagnostic[]>;
}

function standIn(): StandInApi {
  const found = vscode.extensions.getExtension<StandInApi>(RED_HAT_YAML);
  if (!found?.isActive) throw new Error(`${RED_HAT_YAML} (the stand-in) is not active.`);
  return found.exports;
}

function theirs(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source !== SOURCE)
    .map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

function at(document: vscode.TextDocument, needle: string, column = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found`);
  return document.positionAt(offset + column);
}

async function hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    position,
  );
  return hoverText(hovers ?? []);
}

async function completionAt(document: vscode.TextDocument, position: vscode.Position) {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  const label = (item: vscode.CompletionItem) =>
    typeof item.label === 'string' ? item.label : item.label.label;
  const documentation = (item: vscode.CompletionItem) =>
    typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
  return list.items.map((item) => ({ label: label(item), documentation: documentation(item) }));
}

export function redHatYamlTests(): HostTest[] {
  let document: vscode.TextDocument | undefined;
  const mixed = () => {
    assert.ok(document, 'mixed.yaml was not opened');
    return document;
  };
  return [
    {
      name: 'opening a file with a NetworkPolicy and a Service starts both extensions; ours registers its schema contributor',
      gate: true,
      timeoutMs: 60_000,
      async run() {
        document = (await openFixture('mixed.yaml')).document;
        await waitFor('both extensions to activate', () =>
          extension().isActive && vscode.extensions.getExtension(RED_HAT_YAML)?.isActive ? true : undefined,
        );
        await waitFor('the eksnetworking contributor', () =>
          standIn().contributorNames().includes('eksnetworking') ? true : undefined,
        );
      },
    },
    {
      name: 'Problems: our SCH001 on podSelecter, and from Red Hat YAML only the Service mistake',
      timeoutMs: 60_000,
      async run() {
        const uri = mixed().uri;
        await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'SCH001'), 'our SCH001', 40_000);
        await standIn().published(uri.toString());
        assert.deepEqual(theirs(uri), [`24: Property selecter is not allowed.`]);
        const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
        assert.ok(
          ours.some((d) => d.range.start.line + 1 === 8 && /podSelecter/.test(d.message)),
          'ours on line 8',
        );
      },
    },
    {
      name: 'hover in the NetworkPolicy comes from us alone; in the Service, Red Hat YAML still hovers',
      async run() {
        const inPolicy = await hoverAt(mixed(), at(mixed(), 'kind: NetworkPolicy'));
        assert.ok(!inPolicy.includes(STAND_IN_TEXT), `no generic hover in our document: ${inPolicy}`);
        assert.match(inPolicy, /NetworkPolicy/, 'our hover on kind');
        const inService = await hoverAt(mixed(), at(mixed(), 'kind: Service'));
        assert.ok(inService.includes(STAND_IN_TEXT), `Red Hat YAML hovers the Service: ${inService}`);
      },
    },
    {
      name: 'completion in the NetworkPolicy offers each key once, none from the generic schema',
      async run() {
        const doc = mixed();
        // The start of the `port: 8080` line in the port item: its sibling keys are offered there.
        const inPolicy = await completionAt(doc, at(doc, 'port: 8080', 0));
        assert.ok(
          inPolicy.every((item) => !item.documentation.includes(STAND_IN_TEXT)),
          `generic items: ${inPolicy.filter((i) => i.documentation.includes(STAND_IN_TEXT)).map((i) => i.label)}`,
        );
        const labels = inPolicy.map((item) => item.label);
        assert.equal(new Set(labels).size, labels.length, `offered twice: ${labels.join(', ')}`);
        const inService = await completionAt(doc, at(doc, 'targetPort', 0));
        assert.ok(
          inService.some((item) => item.label === 'protocol'),
          'Red Hat YAML completes the Service',
        );
      },
    },
  ];
}
