// NP203 decides on the set of policies that select a pod: another policy of the same namespace that
// selects all of the pods and allows DNS makes the finding moot, in one file, in one `eksnet lint`
// run and among the documents open in the editor.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, lintTexts } from '../../src/engine';
import { LspTestClient } from '../support/lspClient';

const restricted = (namespace: string | undefined) =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: api-egress',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    '      app: api',
    '  policyTypes: [Egress]',
    '  egress:',
    '    - to:',
    '        - podSelector: { matchLabels: { app: db } }',
    '      ports: [{ port: 5432 }]',
    '',
  ].join('\n');

const dnsPolicy = (namespace: string | undefined, selector: string, ports: string) =>
  [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: allow-dns',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    `  podSelector: ${selector}`,
    '  policyTypes: [Egress]',
    '  egress:',
    `    - ports: ${ports}`,
    '',
  ].join('\n');

const BOTH = '[{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]';
const np203 = (diagnostics: readonly { code?: unknown }[]) => diagnostics.filter((d) => d.code === 'NP203');

test('alone, a policy that restricts egress without DNS is reported', () => {
  assert.equal(np203(lintText(restricted('shop'))).length, 1);
});

test('in one file, a namespace-wide DNS policy makes the finding moot; policies without namespace count as one namespace', () => {
  assert.deepEqual(np203(lintText(`${restricted('shop')}---\n${dnsPolicy('shop', '{}', BOTH)}`)), []);
  assert.deepEqual(np203(lintText(`${restricted(undefined)}---\n${dnsPolicy(undefined, '{}', BOTH)}`)), []);
  // Before it in the file works as well as after it.
  assert.deepEqual(np203(lintText(`${dnsPolicy('shop', '{}', BOTH)}---\n${restricted('shop')}`)), []);
});

test('it stands when the other policy is in another namespace, selects other pods, or allows only UDP', () => {
  assert.equal(np203(lintText(`${restricted('shop')}---\n${dnsPolicy('billing', '{}', BOTH)}`)).length, 1);
  assert.equal(
    np203(lintText(`${restricted('shop')}---\n${dnsPolicy('shop', '{ matchLabels: { app: web } }', BOTH)}`))
      .length,
    1,
  );
  const udpOnly = np203(
    lintText(`${restricted('shop')}---\n${dnsPolicy('shop', '{}', '[{ protocol: UDP, port: 53 }]')}`),
  );
  // The UDP-only policy is reported itself too: neither allows TCP 53.
  assert.equal(udpOnly.length, 2);
});

test('a selector that covers the pods counts: `app in (api, web)` covers `app=api`; TCP from one policy and UDP from another add up', () => {
  const covering = '{ matchExpressions: [{ key: app, operator: In, values: [api, web] }] }';
  assert.deepEqual(np203(lintText(`${restricted('shop')}---\n${dnsPolicy('shop', covering, BOTH)}`)), []);
  const udp = dnsPolicy('shop', '{}', '[{ protocol: UDP, port: 53 }]').replace('allow-dns', 'dns-udp');
  const tcp = dnsPolicy('shop', '{}', '[{ protocol: TCP, port: 53 }]').replace('allow-dns', 'dns-tcp');
  assert.deepEqual(np203(lintText(`${restricted('shop')}---\n${udp}---\n${tcp}`)), []);
});

test('an eksnet lint run sees the DNS policy in another file', () => {
  const [policy, dns] = lintTexts([
    { name: 'api.yaml', text: restricted('shop') },
    { name: 'dns.yaml', text: dnsPolicy('shop', '{}', BOTH) },
  ]);
  assert.deepEqual(np203(policy), []);
  assert.deepEqual(np203(dns), []);
});

test('over LSP, opening the DNS policy clears the warning in the other open document, and editing it away brings it back', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const api = 'file:///work/api.yaml';
    const dns = 'file:///work/dns.yaml';
    await client.open(api, restricted('shop'));
    assert.equal(np203(await client.waitForDiagnostics(api)).length, 1);
    await client.open(dns, dnsPolicy('shop', '{}', BOTH));
    await client.waitForDiagnostics(api, (params) => np203(params.diagnostics).length === 0);
    // The DNS policy now selects other pods only: the warning is back.
    await client.change(dns, [
      {
        range: { start: { line: 6, character: 15 }, end: { line: 6, character: 17 } },
        text: '{ matchLabels: { app: web } }',
      },
    ]);
    await client.waitForDiagnostics(api, (params) => np203(params.diagnostics).length === 1);
  } finally {
    await client.shutdown();
  }
});
