// The connectivity of the workspace over LSP, with the real server and client: the flows of the open
// documents (and of a folder's files on disk), why a flow is allowed with file:line rules, "can A
// reach B?", what one policy allows, and the workspace checks (NP212/NP213) and selector hover
// following edits in another document.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import type {
  CanReachResult,
  ConnectivityResult,
  ExplainFlowResult,
  PolicyFlowsResult,
} from '../../src/shared/protocol';
import { LspTestClient } from '../support/lspClient';
import { ServerLog } from '../support/serverLog';
import { FIXTURES } from '../support/paths';

const WORKSPACE = join(FIXTURES, 'vscode', 'connectivity-workspace');
const read = (file: string): string => readFileSync(join(WORKSPACE, file), 'utf8');
const uriOf = (root: string, file: string): string => pathToFileURL(join(root, file)).href;

async function withServer(body: (client: LspTestClient) => Promise<void>): Promise<void> {
  const client = new LspTestClient();
  await client.initialize();
  try {
    await body(client);
  } finally {
    await client.shutdown();
  }
}

/** Opens every file of the fixture workspace and waits for each one's diagnostics. */
async function openAll(client: LspTestClient, root = WORKSPACE): Promise<void> {
  for (const file of [
    'apps/shop.yaml',
    'apps/monitoring.yaml',
    'policies/default-deny.yaml',
    'policies/web.yaml',
    'policies/api.yaml',
  ]) {
    await client.open(uriOf(root, file), read(file));
    await client.waitForDiagnostics(uriOf(root, file));
  }
}

const lines = (result: ConnectivityResult): string[] =>
  result.flows.map((f) => `${f.src} => ${f.dst} : ${f.conn}`);

test('connectivity of the open documents: workloads with isolation and lines, every flow, policies and what they select', () =>
  withServer(async (client) => {
    await openAll(client);
    const result = await client.request<ConnectivityResult>('eksNetworking/connectivity', {});
    assert.deepEqual(lines(result), [
      '0.0.0.0-9.255.255.255[External] => monitoring/prometheus[Deployment] : All Connections',
      '0.0.0.0-9.255.255.255[External] => shop/web[Deployment] : TCP 8080',
      '10.0.0.0-10.255.255.255[External] => monitoring/prometheus[Deployment] : All Connections',
      '11.0.0.0-255.255.255.255[External] => monitoring/prometheus[Deployment] : All Connections',
      '11.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 8080',
      'monitoring/prometheus[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'monitoring/prometheus[Deployment] => shop/api[Deployment] : TCP 9090',
      'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 9090',
    ]);
    const web = result.workloads.find((w) => w.id === 'shop/web[Deployment]');
    assert.deepEqual(web?.isolated, { ingress: true, egress: true });
    assert.deepEqual(web?.location, { uri: uriOf(WORKSPACE, 'apps/shop.yaml'), line: 7 });
    const prometheus = result.workloads.find((w) => w.id === 'monitoring/prometheus[Deployment]');
    assert.deepEqual(prometheus?.isolated, { ingress: false, egress: false });
    assert.deepEqual(
      result.policies.map((p) => [p.id, p.selects.length, p.location?.line]),
      [
        ['shop/default-deny', 3, 1],
        ['shop/web', 1, 0],
        ['shop/api', 1, 0],
        ['shop/db', 1, 49],
      ],
    );
    assert.deepEqual(result.externals, [
      '0.0.0.0-9.255.255.255[External]',
      '10.0.0.0-10.255.255.255[External]',
      '11.0.0.0-255.255.255.255[External]',
      '0.0.0.0-255.255.255.255[External]',
    ]);
    assert.deepEqual(result.warnings, []);
    assert.equal(result.files, 5);
  }));

test('a flow is explained by its rules on both sides, each with the line it is written on', () =>
  withServer(async (client) => {
    await openAll(client);
    const explained = await client.request<ExplainFlowResult>('eksNetworking/explainFlow', {
      src: 'monitoring/prometheus[Deployment]',
      dst: 'shop/api[Deployment]',
    });
    assert.ok(explained);
    assert.equal(explained.conn, 'TCP 9090');
    assert.equal(explained.egress.isolated, false, 'no policy isolates prometheus');
    assert.deepEqual(
      explained.ingress.rules.map((r) => [r.label, r.conn, r.location]),
      [['shop/api ingress rule 2', 'TCP 9090', { uri: uriOf(WORKSPACE, 'policies/api.yaml'), line: 18 }]],
    );
    assert.deepEqual(
      explained.ingress.policies.map((p) => p.id),
      ['shop/api', 'shop/default-deny'],
    );
    const unknown = await client.request<ExplainFlowResult>('eksNetworking/explainFlow', {
      src: 'shop/nothing[Deployment]',
      dst: 'shop/api[Deployment]',
    });
    assert.equal(unknown, null);
  }));

test('rules of files the workspace scan read (none open) have their lines too', async () => {
  const client = new LspTestClient();
  const log = new ServerLog(client);
  const folder = pathToFileURL(WORKSPACE).href;
  await client.request('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'connectivity-workspace' }],
    capabilities: { workspace: { workspaceFolders: true } },
  });
  await client.connection.sendNotification('initialized', {});
  try {
    await log.waitFor(/^Workspace labels: read 5 YAML files/);
    const yes = await client.request<CanReachResult>('eksNetworking/canReach', {
      src: 'shop/web[Deployment]',
      dst: 'shop/api[Deployment]',
      protocol: 'TCP',
      port: 9090,
    });
    assert.deepEqual(
      yes.answer?.egress.deciding.map((r) => [r.label, r.location]),
      [['shop/web egress rule 1', { uri: uriOf(WORKSPACE, 'policies/web.yaml'), line: 19 }]],
    );
    assert.deepEqual(
      yes.answer?.ingress.deciding.map((r) => [r.label, r.location?.line]),
      [['shop/api ingress rule 1', 11]],
    );
  } finally {
    await client.shutdown();
  }
});

test('"can A reach B?" answers yes with the deciding rules, or no with the missing piece', () =>
  withServer(async (client) => {
    await openAll(client);
    const yes = await client.request<CanReachResult>('eksNetworking/canReach', {
      src: 'shop/web[Deployment]',
      dst: 'shop/api[Deployment]',
      protocol: 'TCP',
      port: 9090,
    });
    assert.equal(yes.answer?.allowed, true);
    assert.deepEqual(
      yes.answer?.egress.deciding.map((r) => [r.label, r.location?.line]),
      [['shop/web egress rule 1', 19]],
    );
    assert.deepEqual(
      yes.answer?.ingress.deciding.map((r) => [r.label, r.location?.line]),
      [['shop/api ingress rule 1', 11]],
    );

    const no = await client.request<CanReachResult>('eksNetworking/canReach', {
      src: 'shop/web[Deployment]',
      dst: 'shop/db[StatefulSet]',
      protocol: 'tcp',
      port: 5432,
    });
    assert.equal(no.answer?.allowed, false);
    assert.equal(no.answer?.egress.passes, false);
    assert.equal(no.answer?.ingress.passes, false);
    assert.match(
      no.answer?.summary ?? '',
      /^No: shop\/web\[Deployment\] cannot reach shop\/db\[StatefulSet\] on TCP 5432: No egress rule of shop\/default-deny or shop\/web allows it/,
    );

    // An address outside the cluster is matched to the range that holds it.
    const internet = await client.request<CanReachResult>('eksNetworking/canReach', {
      src: '203.0.113.7',
      dst: 'shop/web[Deployment]',
      protocol: 'TCP',
      port: 8080,
    });
    assert.equal(internet.answer?.allowed, true);
    assert.equal(internet.answer?.src, '11.0.0.0-255.255.255.255[External]');
    const inside = await client.request<CanReachResult>('eksNetworking/canReach', {
      src: '10.1.2.3',
      dst: 'shop/web[Deployment]',
      protocol: 'TCP',
      port: 8080,
    });
    assert.equal(inside.answer?.allowed, false);

    // Params from another client may be anything: answers, not crashes.
    const odd = await client.request<ConnectivityResult>('eksNetworking/connectivity', {
      folders: 'not a list',
    });
    assert.equal(odd.files, 5);
    assert.equal(await client.request('eksNetworking/explainFlow', null), null);
    assert.equal(await client.request('eksNetworking/policyFlows', { uri: 3 }), null);

    for (const [params, problem] of [
      [
        { src: 'nobody', dst: 'shop/web[Deployment]', protocol: 'TCP', port: 80 },
        /"nobody" is neither a workload/,
      ],
      [
        { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', protocol: 'ICMP', port: 80 },
        /not a protocol/,
      ],
      [
        { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', protocol: 'TCP', port: 70000 },
        /not a port/,
      ],
    ] as const) {
      const result = await client.request<CanReachResult>('eksNetworking/canReach', params);
      assert.equal(result.answer, null);
      assert.match(result.problem ?? '', problem);
    }
  }));

test('the flows of one policy: what it selects and what its rules allow', () =>
  withServer(async (client) => {
    await openAll(client);
    const flows = await client.request<PolicyFlowsResult>('eksNetworking/policyFlows', {
      uri: uriOf(WORKSPACE, 'policies/api.yaml'),
      position: { line: 3, character: 2 },
    });
    assert.ok(flows);
    assert.equal(flows.policy, 'shop/api');
    assert.deepEqual(flows.selects, ['shop/api[Deployment]']);
    assert.deepEqual(flows.flows.map((f) => `${f.src} => ${f.dst} : ${f.conn}`).sort(), [
      'monitoring/prometheus[Deployment] => shop/api[Deployment] : TCP 9090',
      'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 9090',
    ]);
    const deny = await client.request<PolicyFlowsResult>('eksNetworking/policyFlows', {
      uri: uriOf(WORKSPACE, 'policies/default-deny.yaml'),
      position: { line: 4, character: 0 },
    });
    assert.deepEqual(deny?.flows, [], 'a deny-all policy allows nothing itself');
    assert.equal(deny?.selects.length, 3);
  }));

test('folders: closed files are read from disk, an open document wins over its file, unreadable files are named', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eksnet-connectivity-'));
  try {
    cpSync(WORKSPACE, root, { recursive: true });
    writeFileSync(
      join(root, 'apps', 'broken.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: [x\n',
    );
    await withServer(async (client) => {
      // Only policies/api.yaml is open, its db policy edited; everything else is on disk.
      const edited = read('policies/api.yaml').replace(
        /app: api\n {6}ports:\n {8}- protocol: TCP\n {10}port: 5432/,
        'app: web\n      ports:\n        - protocol: TCP\n          port: 5432',
      );
      assert.notEqual(edited, read('policies/api.yaml'));
      await client.open(uriOf(root, 'policies/api.yaml'), edited);
      await client.waitForDiagnostics(uriOf(root, 'policies/api.yaml'));
      const result = await client.request<ConnectivityResult>('eksNetworking/connectivity', {
        folders: [pathToFileURL(root).href],
      });
      assert.equal(result.files, 6);
      // On disk db admits api; the open text admits web instead (whose egress does not allow it).
      assert.deepEqual(
        result.flows.filter((f) => f.dst === 'shop/db[StatefulSet]'),
        [],
        'the open text wins over the file on disk',
      );
      assert.ok(lines(result).includes('shop/web[Deployment] => shop/api[Deployment] : TCP 9090'));
      assert.ok(
        result.workloads.some((w) => w.id === 'monitoring/prometheus[Deployment]'),
        'closed files are read',
      );
      assert.match(result.warnings[0], /^apps\/broken\.yaml:3: .*; this document is skipped\.$/);
      assert.equal(result.warnings.length, 1);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('NP212 in a policy file follows the labels in another open document; hover on the selector lists the workloads', () =>
  withServer(async (client) => {
    const policyUri = 'file:///work/policies/api.yaml';
    const appsUri = 'file:///work/apps/shop.yaml';
    await client.open(policyUri, read('policies/api.yaml'));
    await client.waitForDiagnostics(policyUri);
    const renamed = read('apps/shop.yaml').replace(/app: api/g, 'app: api-server');
    await client.open(appsUri, renamed);
    const flagged = await client.waitForDiagnostics(policyUri, (params) =>
      params.diagnostics.some((d) => d.code === 'NP212'),
    );
    const np212 = flagged.find((d) => d.code === 'NP212');
    assert.equal(np212?.severity, 3, 'information');
    assert.equal(np212?.range.start.line, 6);
    assert.match(
      String(np212?.message),
      /workloads there: web\[Deployment\], api\[Deployment\] and db\[StatefulSet\]/,
    );
    // The peer app=api of the db policy matches nothing now either.
    assert.ok(flagged.some((d) => d.code === 'NP213' && d.range.start.line === 61));

    const hover = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: policyUri },
      position: { line: 14, character: 15 },
    });
    const markdown =
      typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(
      markdown,
      /\*\*In the workspace:\*\* matches 1 of the 3 workloads of namespace "shop":\n- \[shop\/web\\\[Deployment\\\]\]\(file:\/\/\/work\/apps\/shop\.yaml#L8\)/,
    );

    // Renaming the label back in the Deployment file clears the notes in the policy file.
    const version = await client.change(appsUri, [{ text: read('apps/shop.yaml') }]);
    await client.waitForVersion(appsUri, version);
    await client.waitForDiagnostics(policyUri, (params) =>
      params.diagnostics.every((d) => d.code !== 'NP212' && d.code !== 'NP213'),
    );
  }));
