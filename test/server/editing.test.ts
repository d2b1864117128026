// Editing features through the language server over stdio, with a real JSON-RPC client: what an
// editor sees for completion, hover, code actions, fix all, the outline and Explain.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InitializeResult,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import type { ExplainResult } from '../../src/shared/protocol';
import { LspTestClient } from '../support/lspClient';
import { ServerLog } from '../support/serverLog';
import { FIXTURES } from '../support/paths';

const editing = (name: string): string => readFileSync(join(FIXTURES, 'editing', name), 'utf8');
const WORKSPACE = pathToFileURL(join(FIXTURES, 'editing', 'workspace')).href;

/** Starts the server with a workspace folder, as VS Code does. */
async function startServer(): Promise<{
  client: LspTestClient;
  capabilities: InitializeResult['capabilities'];
}> {
  const client = new LspTestClient();
  const log = new ServerLog(client);
  const result = await client.request<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: WORKSPACE,
    workspaceFolders: [{ uri: WORKSPACE, name: 'workspace' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await client.connection.sendNotification('initialized', {});
  // The workspace folder's files (workloads and their labels) count once the scan has read them.
  await log.waitFor(/^Workspace labels: read \d+ YAML files/);
  return { client, capabilities: result.capabilities };
}

/** Applies LSP edits to a text, as the editor would. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: { line: number; character: number }): number =>
    lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  let out = text;
  for (const edit of [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
    out = out.slice(0, offsetOf(edit.range.start)) + edit.newText + out.slice(offsetOf(edit.range.end));
  }
  return out;
}

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

test('advertises completion, hover, outline, CodeLens and the fix-all source action', async () => {
  const { client, capabilities } = await startServer();
  try {
    // After `key:`, `key: ` and `- `, where YAML's next token starts; word characters need none.
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [':', ' ', '-']);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.codeLensProvider);
    const codeActions = capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.deepEqual(codeActions.codeActionKinds, ['quickfix', 'source.fixAll.eksNetworking']);
  } finally {
    await client.shutdown();
  }
});

test('completes on a half-typed manifest: enum values, keys and workspace pod labels', async () => {
  const { client } = await startServer();
  try {
    const uri = 'file:///work/typing.yaml';
    const text = editing('typing.yaml');
    await client.open(uri, text);

    const protocols = items(
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: 16, character: 20 },
      }),
    );
    assert.deepEqual(
      protocols.map((item) => item.label),
      ['TCP', 'UDP', 'SCTP'],
    );

    const labels = items(
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: 8, character: 6 },
      }),
    );
    assert.deepEqual(labels.map((item) => item.label).sort(), ['app', 'tier']);
    const app = labels.find((item) => item.label === 'app');
    assert.equal(app?.insertTextFormat, 2, 'a snippet');
    assert.equal(app?.insertTextMode, 1, 'inserted as is');
    const edit = app?.textEdit as TextEdit;
    const typed = applyEdits(text, [edit]).replace('${1:checkout}', 'checkout');
    assert.match(typed, /matchLabels:\n {6}app: checkout\n {2}ingress:/);

    const withKey = text.replace('matchLabels:\n      \n', 'matchLabels:\n      app: \n');
    await client.change(uri, [{ text: withKey }]);
    const values = items(
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: 8, character: 11 },
      }),
    );
    assert.deepEqual(
      values.map((item) => item.label),
      ['checkout'],
    );
    assert.match(values[0].detail ?? '', /Deployment shop\/checkout/);

    // Labels of open documents count too, and follow their edits.
    const deployment = (app: string): string =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels:\n        app: ${app}\n`;
    const other = 'file:///work/deployment.yaml';
    await client.open(other, deployment('payments'));
    const valuesAt = async (): Promise<string[]> =>
      items(
        await client.request('textDocument/completion', {
          textDocument: { uri },
          position: { line: 8, character: 11 },
        }),
      )
        .map((item) => item.label)
        .sort();
    assert.deepEqual(await valuesAt(), ['checkout', 'payments']);
    await client.change(other, [{ text: deployment('billing') }]);
    assert.deepEqual(await valuesAt(), ['billing', 'checkout']);
  } finally {
    await client.shutdown();
  }
});

test('completion at the root of an empty document offers the resource snippets', async () => {
  const { client } = await startServer();
  try {
    const uri = 'file:///work/empty.yaml';
    await client.open(uri, '');
    const result = items(
      await client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: 0 },
      }),
    );
    const deny = result.find((item) => item.label === 'np-deny-all');
    assert.ok(deny, result.map((item) => item.label).join(', '));
    assert.equal(deny.insertTextFormat, 2);
    assert.match(
      (deny.textEdit as TextEdit).newText,
      /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy/,
    );
  } finally {
    await client.shutdown();
  }
});

test('over LSP, snippets come only where they can start, and Enter after `- protocol: TCP` offers port', async () => {
  const { client } = await startServer();
  try {
    const uri = 'file:///work/typing-rules.yaml';
    const lines = [
      'apiVersion: networking.k8s.io/v1', // 0
      'kind: NetworkPolicy',
      'metadata:',
      '  name: web',
      'spec:',
      '  podSelector:', // 5
      '    matchLabels:',
      '      ',
      '  policyTypes:',
      '    - ',
      '  ingress:', // 10
      '    - from:',
      '        - ',
      '      ports:',
      '        - protocol: TCP',
      // Where VS Code leaves the cursor after Enter: the dash column.
      '        ', // 15
      '  egress:',
      '    - ',
      '---',
      '',
    ];
    await client.open(uri, lines.join('\n'));
    const at = async (line: number) =>
      items(
        await client.request('textDocument/completion', {
          textDocument: { uri },
          position: { line, character: lines[line].length },
        }),
      );
    const snippets = async (line: number) =>
      (await at(line)).filter((item) => item.kind === CompletionItemKind.Snippet).map((item) => item.label);
    assert.deepEqual(await snippets(7), [], 'inside matchLabels');
    assert.deepEqual(await snippets(9), [], 'on a policyTypes item');
    assert.deepEqual(await snippets(12), ['np-peer-ipblock']);
    assert.deepEqual(await snippets(17), ['np-rule-allow-dns']);
    const afterDashes = await snippets(19);
    assert.ok(
      afterDashes.includes('np-deny-all') && afterDashes.includes('eniconfig'),
      afterDashes.join(', '),
    );
    assert.ok(!afterDashes.includes('np-port'));

    const enter = await at(15);
    assert.deepEqual(
      enter.map((item) => item.label),
      ['port', 'endPort'],
    );
    const port = enter[0];
    const edited = applyEdits(lines.join('\n'), [port.textEdit as TextEdit]);
    assert.equal(edited.split('\n')[15], '          port: $0');

    const rule = (await at(17)).find((item) => item.label === 'np-rule-allow-dns');
    assert.equal(rule?.insertTextFormat, 2);
    assert.equal(rule?.insertTextMode, 1, 'indentation is absolute: the editor must not add its own');
  } finally {
    await client.shutdown();
  }
});

test('hover on a CIDR and on kind:', async () => {
  const { client } = await startServer();
  try {
    const uri = 'file:///work/hover.yaml';
    await client.open(uri, editing('typing.yaml'));
    const cidr = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 12, character: 20 },
    });
    const markdown = (cidr.contents as { value: string }).value;
    assert.match(markdown, /First address: 10\.0\.0\.0/);
    assert.match(markdown, /except 10\.0\.5\.0\/24: inside/);
    assert.deepEqual(cidr.range, { start: { line: 12, character: 18 }, end: { line: 12, character: 29 } });

    const kind = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 2 },
    });
    assert.match((kind.contents as { value: string }).value, /NetworkPolicy shop\/checkout-ingress/);
  } finally {
    await client.shutdown();
  }
});

test('quick fixes, Disable CODE for this line, and Fix all clear the diagnostics', async () => {
  const { client } = await startServer();
  try {
    const uri = 'file:///work/fixable.yaml';
    const text = editing('fixable.yaml');
    await client.open(uri, text);
    const diagnostics = await client.waitForDiagnostics(uri);
    const protocol = diagnostics.find((d: Diagnostic) => d.code === 'SCH003');
    assert.ok(protocol, diagnostics.map((d) => d.code).join(', '));

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: protocol.range,
      context: { diagnostics: [protocol] },
    });
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable SCH003 for this line'), titles.join(', '));
    assert.ok(titles.indexOf('Disable SCH003 for this line') === titles.length - 1, 'suppression comes last');
    assert.ok(
      actions.some((action) => action.kind === 'quickfix' && action.edit && action !== actions.at(-1)),
    );

    const disable = actions.find((action) => action.title === 'Disable SCH003 for this line');
    const disabled = applyEdits(text, disable?.edit?.changes?.[uri] ?? []);
    assert.match(disabled, /\n {8}# eksnet-disable-next-line SCH003\n {8}- protocol: tcp/);
    let version = await client.change(uri, [{ text: disabled }]);
    const afterDisable = await client.waitForVersion(uri, version);
    assert.ok(!afterDisable.some((d) => d.code === 'SCH003'));
    assert.ok(afterDisable.some((d) => d.code === 'SCH001'));

    version = await client.change(uri, [{ text }]);
    await client.waitForVersion(uri, version);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      fixAll.map((action) => action.kind),
      ['source.fixAll.eksNetworking'],
    );
    const fixed = applyEdits(text, fixAll[0].edit?.changes?.[uri] ?? []);
    assert.match(fixed, /protocol: TCP # keep this comment/);
    version = await client.change(uri, [{ text: fixed }]);
    assert.deepEqual(
      (await client.waitForVersion(uri, version)).filter((d) => d.severity === 1),
      [],
    );
  } finally {
    await client.shutdown();
  }
});

test('outline, CodeLens and the explain request', async () => {
  const { client } = await startServer();
  try {
    const uri = 'file:///work/policies.yaml';
    const policy = readFileSync(join(FIXTURES, 'explain', '07-and-in-one-peer.yaml'), 'utf8');
    const eni = readFileSync(join(FIXTURES, 'explain', '19-eniconfig.yaml'), 'utf8');
    await client.open(uri, `${policy}---\n${eni}`);

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['NetworkPolicy shop/allow-monitoring-prometheus', 'ENIConfig us-west-2a'],
    );
    assert.deepEqual(
      symbols[0].children?.map((child) => child.name),
      ['Ingress rule 1'],
    );

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    // Explain on every resource (the ENIConfig too); Show connectivity on the NetworkPolicy.
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
      [
        [0, 'Explain', 'eksNetworking.explainPolicy'],
        [0, 'Show connectivity', 'eksNetworking.showConnectivity'],
        [policy.split('\n').length, 'Explain', 'eksNetworking.explainPolicy'],
      ],
    );
    assert.deepEqual(lenses[1].command?.arguments, [uri, { line: 0, character: 0 }]);

    const [lensUri, position] = lenses[0].command?.arguments ?? [];
    const explained = await client.request<ExplainResult>('eksNetworking/explain', {
      uri: lensUri,
      position,
    });
    assert.equal(explained.title, 'NetworkPolicy shop/allow-monitoring-prometheus');
    // The workspace folder holds the workloads of "shop", and none has app=web: the note NP212 of
    // the published diagnostics is Explain's note too; the rest is the engine's explanation.
    assert.deepEqual(
      explained.notes.map((note) => note.code),
      ['NP212'],
    );
    const notes = explained.markdown.match(/\n## Notes\n- Note \(NP212\): [^\n]*\n/)?.[0];
    assert.ok(notes, explained.markdown);
    assert.equal(
      explained.markdown.replace(notes, ''),
      readFileSync(join(FIXTURES, 'explain', '07-and-in-one-peer.expected.md'), 'utf8'),
    );
    const whole = await client.request<ExplainResult>('eksNetworking/explain', { uri });
    assert.match(
      whole.markdown,
      /# NetworkPolicy shop\/allow-monitoring-prometheus[\s\S]*# ENIConfig us-west-2a/,
    );
    // The ENIConfig has its lens like the others.
    const [eniUri, eniPosition] = lenses[2].command?.arguments ?? [];
    const eniExplained = await client.request<ExplainResult>('eksNetworking/explain', {
      uri: eniUri,
      position: eniPosition,
    });
    assert.equal(eniExplained.title, 'ENIConfig us-west-2a');
  } finally {
    await client.shutdown();
  }
});
