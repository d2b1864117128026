// VPC Lattice in the language server, over stdio with the real LSP client: Lattice diagnostics
// appear on a route once its Gateway's document is open (and go when the class changes),
// completion offers the open documents' Gateways and Services, hover and Explain read them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { PROJECT_ROOT } from '../support/paths';
import { EXPLAIN_REQUEST, type ExplainResult } from '../../src/shared/protocol';

const GATEWAY = readFileSync(join(PROJECT_ROOT, 'examples', 'lattice', 'gateway.yaml'), 'utf8');
const ROUTE = [
  'apiVersion: gateway.networking.k8s.io/v1',
  'kind: HTTPRoute',
  'metadata:',
  '  name: reviews',
  '  namespace: hotel',
  'spec:',
  '  parentRefs:',
  '    - name: my-hotel',
  '      sectionName: http',
  '  rules:',
  '    - matches:',
  '        - path:',
  '            type: RegularExpression',
  '            value: /reviews/[0-9]+',
  '      backendRefs:',
  '        - name: rates',
  '          port: 80',
  '',
].join('\n');

const GATEWAY_URI = 'file:///work/lattice/gateway.yaml';
const ROUTE_URI = 'file:///work/lattice/route.yaml';

test('a route gets the Lattice diagnostics when its Gateway is opened, and loses them when the class changes', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    await client.open(ROUTE_URI, ROUTE);
    assert.deepEqual(await client.waitForDiagnostics(ROUTE_URI), []);
    await client.open(GATEWAY_URI, GATEWAY);
    const found = await client.waitForDiagnostics(ROUTE_URI, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1} ${String(d.code)}`),
      ['13 LAT302'],
    );
    // The Gateway's class line: `gatewayClassName: amazon-vpc-lattice` of the first Gateway.
    const line = GATEWAY.split('\n').findIndex((text) =>
      text.includes('gatewayClassName: amazon-vpc-lattice'),
    );
    const column = GATEWAY.split('\n')[line].indexOf('amazon-vpc-lattice');
    await client.change(GATEWAY_URI, [
      {
        range: {
          start: { line, character: column },
          end: { line, character: column + 'amazon-vpc-lattice'.length },
        },
        text: 'istio',
      },
    ]);
    assert.deepEqual(
      await client.waitForDiagnostics(ROUTE_URI, (params) => params.diagnostics.length === 0),
      [],
    );
  } finally {
    await client.shutdown();
  }
});

test('eksNetworking.lattice.gatewayClasses from the editor makes a class Lattice', async () => {
  const client = new LspTestClient({
    settings: { eksNetworking: { lattice: { gatewayClasses: ['team-lattice'] } } },
  });
  try {
    await client.initialize();
    const text = `${GATEWAY.split('---')[1]
      .replace(/amazon-vpc-lattice/g, 'team-lattice')
      .trimStart()}---\n${ROUTE}`;
    await client.open(ROUTE_URI, text);
    const found = await client.waitForDiagnostics(ROUTE_URI);
    assert.deepEqual(
      found.map((d) => String(d.code)),
      ['LAT302'],
    );
  } finally {
    await client.shutdown();
  }
});

test('completion offers the Gateways and Services of the open documents; hover and Explain read them', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    await client.open(GATEWAY_URI, GATEWAY);
    await client.waitForDiagnostics(GATEWAY_URI);
    const routes = readFileSync(join(PROJECT_ROOT, 'examples', 'lattice', 'routes.yaml'), 'utf8');
    await client.open('file:///work/lattice/routes.yaml', routes);
    await client.waitForDiagnostics('file:///work/lattice/routes.yaml');
    const typing = ROUTE.replace('    - name: my-hotel\n', '    - name: \n');
    await client.open(ROUTE_URI, typing);
    await client.waitForDiagnostics(ROUTE_URI);
    const items = async (line: number, character: number): Promise<CompletionItem[]> => {
      const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
        textDocument: { uri: ROUTE_URI },
        position: { line, character },
      });
      return Array.isArray(result) ? result : result.items;
    };
    const parents = await items(7, 12);
    assert.deepEqual(parents.map((item) => item.label).sort(), ['my-hotel', 'my-hotel-tls']);
    assert.match(String(parents.find((item) => item.label === 'my-hotel')?.detail), /\(VPC Lattice\)/);
    const ports = await items(16, 16);
    assert.deepEqual(
      ports.map((item) => item.label),
      ['80'],
    );

    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: GATEWAY_URI },
      position: { line: GATEWAY.split('\n').findIndex((text) => text === 'kind: Gateway'), character: 8 },
    });
    assert.match(JSON.stringify(hover.contents), /stands for the service network \*\*my-hotel\*\*/);

    const explained = await client.request<ExplainResult>(EXPLAIN_REQUEST, {
      uri: 'file:///work/lattice/routes.yaml',
      position: { line: routes.split('\n').findIndex((text) => text === 'kind: GRPCRoute'), character: 0 },
    });
    assert.equal(explained.title, 'GRPCRoute hotel/greeter');
    assert.match(
      explained.markdown,
      /gRPC method `helloworld\.Greeter\/SayHello` → Service hotel\/greeter port 50051/,
    );
    assert.match(explained.markdown, /Listeners: HTTPS 443 \(`https`\)/);
  } finally {
    await client.shutdown();
  }
});
