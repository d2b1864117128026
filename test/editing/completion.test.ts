// Completion on manifests as they look while being typed (often not valid YAML yet).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { ManifestFile, withDefaults } from '../../src/engine';
import {
  completeAt,
  completeInFile,
  expandSnippet,
  RESOURCE_SNIPPETS,
  WorkspaceLabels,
  collectLabels,
} from '../../src/engine/editing';
import { withCursor } from './cursorText';

const NP =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\n';

function complete(marked: string, labels?: WorkspaceLabels) {
  const { text, offset } = withCursor(marked);
  const candidates = completeAt(text, offset, labels ? { labels: () => [labels] } : {}).items;
  return { text, offset, candidates, labels: candidates.map((candidate) => candidate.label) };
}

test('offers the spec keys with their type and docs, and places the cursor inside maps and lists', () => {
  const { candidates, labels } = complete(`${NP}spec:\n  ‸\n`);
  assert.deepEqual(labels, ['podSelector', 'policyTypes', 'ingress', 'egress']);
  const ingress = candidates.find((candidate) => candidate.label === 'ingress');
  assert.equal(ingress?.detail, 'list of NetworkPolicyIngressRule');
  assert.equal(ingress?.insertText, 'ingress:\n    - $0');
  assert.match(ingress?.documentation ?? '', /\*\*ingress\*\*/);
  const podSelector = candidates.find((candidate) => candidate.label === 'podSelector');
  assert.equal(podSelector?.insertText, 'podSelector:\n    $0');
  assert.equal(
    candidates.find((c) => c.label === 'policyTypes')?.insertText,
    'policyTypes:\n    - ${1|Ingress,Egress|}',
  );
});

test('does not offer keys that are already present', () => {
  const { labels } = complete(`${NP}spec:\n  podSelector: {}\n  egress: []\n  ‸\n`);
  assert.deepEqual(labels, ['policyTypes', 'ingress']);
});

test('completes a half-typed key on a line without a colon', () => {
  const { candidates, text } = complete(`${NP}spec:\n  podSelector: {}\n  pol‸\n`);
  const policyTypes = candidates.find((candidate) => candidate.label === 'policyTypes');
  assert.ok(policyTypes);
  assert.equal(text.slice(policyTypes.range.start, policyTypes.range.end), 'pol');
});

test('offers enum values for protocol, and keys of a port after a half-written list item', () => {
  const protocols = complete(`${NP}spec:\n  ingress:\n    - ports:\n        - protocol: ‸\n`);
  assert.deepEqual(protocols.labels, ['TCP', 'UDP', 'SCTP']);
  assert.equal(protocols.candidates[0].detail, 'default');
  const portKeys = complete(`${NP}spec:\n  ingress:\n    - ports:\n        - ‸\n`);
  assert.deepEqual(portKeys.labels, ['protocol', 'port', 'endPort', 'np-port']);
  assert.equal(portKeys.candidates[0].insertText, 'protocol: ${1|TCP,UDP,SCTP|}');
});

test('offers the policy types not yet listed, in block and flow lists', () => {
  assert.deepEqual(complete(`${NP}spec:\n  policyTypes:\n    - Ingress\n    - ‸\n`).labels, ['Egress']);
  assert.deepEqual(complete(`${NP}spec:\n  policyTypes: [Egress, ‸]\n`).labels, ['Ingress']);
});

test('offers selector operators and peer keys', () => {
  const operators = complete(
    `${NP}spec:\n  podSelector:\n    matchExpressions:\n      - key: env\n        operator: ‸\n`,
  );
  assert.deepEqual(operators.labels, ['In', 'NotIn', 'Exists', 'DoesNotExist']);
  const peer = complete(`${NP}spec:\n  ingress:\n  - from:\n    - namespaceSelector: {}\n      ‸\n`);
  assert.deepEqual(peer.labels, ['podSelector', 'ipBlock']);
});

test('choosing kind ENIConfig offers its apiVersion, and the kind fixes a wrong apiVersion', () => {
  const api = complete('kind: ENIConfig\napiVersion: ‸\n');
  assert.deepEqual(api.labels, ['crd.k8s.amazonaws.com/v1alpha1']);
  assert.equal(api.candidates[0].preselect, true);

  const kinds = complete('apiVersion: networking.k8s.io/v1\nkind: ‸\n');
  assert.deepEqual(kinds.labels.slice(0, 3), ['NetworkPolicy', 'SecurityGroupPolicy', 'ENIConfig']);
  // One entry per kind: the preferred version only (Gateway v1beta1 is still served, not offered).
  assert.equal(kinds.labels.filter((label) => label === 'Gateway').length, 1);
  const sorted = (marked: string) =>
    complete(marked)
      .candidates.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
      .map((candidate) => candidate.label);
  assert.deepEqual(sorted('apiVersion: gateway.networking.k8s.io/v1\nkind: ‸\n').slice(0, 6), [
    'GatewayClass',
    'Gateway',
    'HTTPRoute',
    'GRPCRoute',
    'TLSRoute',
    'ReferenceGrant',
  ]);
  const eni = kinds.candidates.find((candidate) => candidate.label === 'ENIConfig');
  assert.equal(eni?.detail, 'crd.k8s.amazonaws.com/v1alpha1');
  const [edit] = eni?.additionalEdits ?? [];
  assert.equal(kinds.text.slice(edit.start, edit.end), 'networking.k8s.io/v1');
  assert.equal(edit.newText, 'crd.k8s.amazonaws.com/v1alpha1');
  assert.deepEqual(kinds.candidates.find((c) => c.label === 'NetworkPolicy')?.additionalEdits, []);
});

test('leaves other resources alone', () => {
  assert.deepEqual(complete('apiVersion: apps/v1\nkind: Deployment\nspec:\n  ‸\n').labels, []);
  assert.deepEqual(complete('kind: Deployment\napiVersion: ‸\n').labels, []);
});

const snippetLabels = (marked: string): string[] =>
  complete(marked)
    .candidates.filter((candidate) => candidate.kind === 'snippet')
    .map((candidate) => candidate.label);
const DOCUMENT_SNIPPETS = RESOURCE_SNIPPETS.map((snippet) => snippet.prefix);

test('offers whole-resource snippets at the root of an empty document, and nowhere else', () => {
  const { candidates } = complete('‸');
  assert.deepEqual(snippetLabels('‸'), DOCUMENT_SNIPPETS);
  assert.equal(DOCUMENT_SNIPPETS.length, 18);
  assert.ok(candidates.some((snippet) => snippet.label === 'np-deny-all' && snippet.snippet));
  assert.ok(candidates.some((candidate) => candidate.label === 'apiVersion'));
  assert.deepEqual(snippetLabels('np-‸'), DOCUMENT_SNIPPETS);
  // A document with a resource in it, at its root and at every depth.
  assert.deepEqual(snippetLabels(`${NP}‸\n`), []);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  ‸\n`), []);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  podSelector:\n    matchLabels:\n      ‸\n`), []);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  policyTypes:\n    - ‸\n`), []);
  assert.deepEqual(
    snippetLabels(`${NP}spec:\n  ingress:\n    - from:\n        - podSelector:\n            ‸\n`),
    [],
  );
});

test('offers whole-resource snippets right after `---`, not in the document above it', () => {
  const { text, offset } = withCursor(`${NP}spec: {}\n---\n‸`);
  const file = new ManifestFile(withDefaults({}));
  file.update(text);
  const labels = (at: number) =>
    completeInFile(file, at)
      .items.filter((candidate) => candidate.kind === 'snippet')
      .map((candidate) => candidate.label);
  assert.deepEqual(labels(offset), DOCUMENT_SNIPPETS);
  assert.deepEqual(labels(text.indexOf('spec')), []);
});

test('offers rule, peer and port snippets only on a new item of the list they belong to', () => {
  const egressRule = `${NP}spec:\n  egress:\n    - ‸\n`;
  assert.deepEqual(snippetLabels(egressRule), ['np-rule-allow-dns']);
  // Ingress rules have no DNS snippet: DNS is an egress concern.
  assert.deepEqual(snippetLabels(`${NP}spec:\n  ingress:\n    - ‸\n`), []);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  ingress:\n    - from:\n        - ‸\n`), ['np-peer-ipblock']);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  egress:\n  - to:\n    - ‸\n`), ['np-peer-ipblock']);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  ingress:\n    - ports:\n        - ‸\n`), ['np-port']);
  assert.deepEqual(snippetLabels(`${NP}spec:\n  egress:\n    - ports:\n        - np‸\n`), ['np-port']);
  // Once the item has a key, it is no longer a place where a rule starts.
  assert.deepEqual(snippetLabels(`${NP}spec:\n  egress:\n    - to: []\n      ‸\n`), []);
  // Not in another kind's lists, nor a list of strings.
  assert.deepEqual(snippetLabels(`${NP}spec:\n  policyTypes:\n    - ‸\n`), []);
  assert.deepEqual(
    snippetLabels(
      'apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nspec:\n  securityGroups:\n    groupIds:\n      - ‸\n',
    ),
    [],
  );

  // A multi-line snippet lines up under the item's first key, however the list is indented.
  const { candidates, text } = complete(egressRule);
  const dns = candidates.find((candidate) => candidate.label === 'np-rule-allow-dns');
  assert.ok(dns);
  const inserted = text.slice(0, dns.range.start) + expandSnippet(dns.insertText) + text.slice(dns.range.end);
  const parsed = parse(inserted) as { spec: { egress: Array<{ to: unknown[]; ports: unknown[] }> } };
  assert.equal(parsed.spec.egress.length, 1);
  assert.equal(parsed.spec.egress[0].ports.length, 2);
  const port = complete(`${NP}spec:\n  ingress:\n  - ports:\n    -   ‸\n`).candidates.find(
    (candidate) => candidate.label === 'np-port',
  );
  assert.equal(port?.insertText, 'protocol: ${1|TCP,UDP,SCTP|}\n        port: ${2:443}$0');
});

test('after Enter on `- protocol: TCP`, at the dash column where VS Code leaves the cursor, offers port', () => {
  for (const marked of [
    `${NP}spec:\n  ingress:\n    - ports:\n        - protocol: TCP\n        ‸\n`,
    `${NP}spec:\n  ingress:\n    - ports:\n        - protocol: TCP\n        p‸`,
    `${NP}spec:\n  egress:\n    - ports:\n        - protocol: UDP\n        ‸\n    - to: []\n`,
  ]) {
    const { candidates, text } = complete(marked);
    assert.deepEqual(
      candidates.map((candidate) => candidate.label),
      ['port', 'endPort'],
      marked,
    );
    // Inserted two columns right, under protocol: the item continues.
    const port = candidates[0];
    const inserted =
      text.slice(0, port.range.start) + expandSnippet(port.insertText) + '8' + text.slice(port.range.end);
    const parsed = parse(inserted) as { spec: Record<string, Array<{ ports: unknown[] }>> };
    const [rule] = parsed.spec.ingress ?? parsed.spec.egress;
    assert.deepEqual(rule.ports, [{ protocol: marked.includes('UDP') ? 'UDP' : 'TCP', port: 8 }], inserted);
  }
  // A compact list (`ports:` and its dashes in one column): a key there belongs to the rule.
  assert.deepEqual(complete(`${NP}spec:\n  egress:\n  - ports:\n    - protocol: UDP\n    ‸\n`).labels, [
    'to',
  ]);
  // A list of strings does not continue: nothing to offer at its dash column.
  assert.deepEqual(complete(`${NP}spec:\n  policyTypes:\n    - Ingress\n    ‸\n`).labels, []);
  // A nested object key goes under the item's keys too (`from:` followed by its list).
  const peer = complete(`${NP}spec:\n  ingress:\n    - from:\n        - podSelector: {}\n        ‸\n`);
  assert.deepEqual(peer.labels, ['namespaceSelector', 'ipBlock']);
  assert.equal(peer.candidates[0].insertText, '  namespaceSelector:\n            $0');
});

test('after Enter on `- protocol: TCP`, at the column of protocol, offers the other keys of the port', () => {
  for (const marked of [
    `${NP}spec:\n  ingress:\n    - ports:\n        - protocol: TCP\n          ‸\n`,
    `${NP}spec:\n  ingress:\n    - ports:\n        - protocol: TCP\n          ‸`,
    `${NP}spec:\n  egress:\n  - ports:\n    - protocol: UDP\n      p‸\n`,
  ]) {
    const { candidates } = complete(marked);
    assert.deepEqual(
      candidates.map((candidate) => candidate.label),
      ['port', 'endPort'],
      marked,
    );
    assert.equal(candidates[0].insertText, 'port: $0');
  }
});

test('inside matchLabels offers the labels that workspace pods and namespaces carry', () => {
  const labels = new WorkspaceLabels();
  collectLabels(
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: {app: web, tier: frontend}',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata:',
      '  name: monitoring',
      '  labels: {team: observability}',
    ].join('\n'),
    labels,
  );
  const podKeys = complete(`${NP}spec:\n  podSelector:\n    matchLabels:\n      app: web\n      ‸\n`, labels);
  assert.deepEqual(podKeys.labels, ['tier']);
  assert.equal(podKeys.candidates[0].insertText, 'tier: ${1:frontend}');
  const podValues = complete(`${NP}spec:\n  podSelector:\n    matchLabels:\n      app: ‸\n`, labels);
  assert.deepEqual(podValues.labels, ['web']);
  assert.match(podValues.candidates[0].detail ?? '', /Deployment shop\/web/);
  const namespaceKeys = complete(
    `${NP}spec:\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              ‸\n`,
    labels,
  );
  assert.deepEqual(namespaceKeys.labels.sort(), ['kubernetes.io/metadata.name', 'team']);
  const namespaceNames = complete(
    `${NP}spec:\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: ‸\n`,
    labels,
  );
  assert.deepEqual(namespaceNames.labels.sort(), ['monitoring', 'shop']);
});

test('completes SecurityGroupPolicy and ENIConfig keys', () => {
  const sgp = complete('apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nspec:\n  ‸\n');
  assert.deepEqual(sgp.labels, ['podSelector', 'serviceAccountSelector', 'securityGroups']);
  const eni = complete(
    'apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nspec:\n  subnet: subnet-1\n  ‸\n',
  );
  assert.deepEqual(eni.labels, ['securityGroups']);
});

test('metadata completion leaves out the fields the API server fills in', () => {
  const { labels } = complete('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  ‸\n');
  assert.ok(labels.includes('name') && labels.includes('labels'));
  assert.ok(!labels.includes('uid') && !labels.includes('managedFields'));
});

test('offers the empty selector {} as a selector value', () => {
  const { candidates } = complete(`${NP}spec:\n  podSelector: ‸\n`);
  assert.deepEqual(
    candidates.map((candidate) => `${candidate.label} ${candidate.detail}`),
    ['{} empty selector: every pod in the namespace'],
  );
});

test('offers nothing inside a trailing comment', () => {
  assert.deepEqual(complete(`${NP}spec:\n  podSelector: {} # all pods ‸\n`).labels, []);
  assert.deepEqual(complete(`${NP}spec:\n  policyTypes:\n    - Ingress # in ‸\n`).labels, []);
});

test('works inside the items of a kind: List, as kubectl get -o yaml prints them', () => {
  const list = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    '  - apiVersion: networking.k8s.io/v1',
    '    kind: NetworkPolicy',
    '    metadata:',
    '      name: a',
    '    spec:',
    '      podSelector: {}',
    '      ‸',
  ].join('\n');
  assert.deepEqual(complete(list).labels, ['policyTypes', 'ingress', 'egress']);
  const kind = complete('apiVersion: v1\nkind: List\nitems:\n  - kind: ‸\n');
  const eni = kind.candidates.find((candidate) => candidate.label === 'ENIConfig');
  const [edit] = eni?.additionalEdits ?? [];
  const applied = kind.text.slice(0, edit.start) + edit.newText + kind.text.slice(edit.end);
  assert.equal(
    applied,
    'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: crd.k8s.amazonaws.com/v1alpha1\n    kind: \n',
  );
});

test('right after a colon or a bare dash, the inserted text starts with a space', () => {
  const protocol = complete(`${NP}spec:\n  ingress:\n    - ports:\n        - protocol:‸\n`);
  assert.deepEqual(
    protocol.candidates.map((candidate) => candidate.insertText),
    [' TCP', ' UDP', ' SCTP'],
  );
  const item = complete(`${NP}spec:\n  policyTypes:\n    -‸\n`);
  assert.deepEqual(
    item.candidates.map((candidate) => candidate.insertText),
    [' Ingress', ' Egress'],
  );
  assert.equal(complete(`${NP}spec:\n  policyTypes:\n    - ‸\n`).candidates[0].insertText, 'Ingress');
});

test('a port value offers the named container ports of workspace pods', () => {
  const labels = new WorkspaceLabels();
  collectLabels(
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          ports:',
      '            - {name: http, containerPort: 8080}',
      '            - {name: metrics, containerPort: 9090, protocol: TCP}',
      '            - {containerPort: 7000}',
    ].join('\n'),
    labels,
  );
  const { candidates } = complete(`${NP}spec:\n  ingress:\n    - ports:\n        - port: ‸\n`, labels);
  assert.deepEqual(
    candidates.map((candidate) => `${candidate.label} ${candidate.detail}`),
    ['http 8080/TCP on Deployment shop/web', 'metrics 9090/TCP on Deployment shop/web'],
  );
});
