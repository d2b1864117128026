// The connectivity analysis on hand-worked cases (test/fixtures/connectivity/*/manifests.yaml, with
// the expected connection list worked out by hand in expected.txt), and the "why" and "can A reach B"
// answers on the same cases.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildAnalysis,
  canReach,
  connRecords,
  explainFlow,
  formatJson,
  formatTxt,
  readTexts,
  ruleLabel,
  type ConnectivityAnalysis,
  type Peer,
} from '../../src/engine/connectivity';
import { PROJECT_ROOT } from '../support/paths';

const CASES = join(PROJECT_ROOT, 'test', 'fixtures', 'connectivity');

function analyse(name: string) {
  const file = join(CASES, name, 'manifests.yaml');
  const { objects, problems } = readTexts([
    { name: `${name}/manifests.yaml`, text: readFileSync(file, 'utf8') },
  ]);
  assert.deepEqual(problems, []);
  return buildAnalysis(objects);
}

function peer(analysis: ConnectivityAnalysis, name: string): Peer {
  const found = [...analysis.workloadPeers, ...analysis.sourceRanges, ...analysis.destinationRanges].find(
    (p) => p.name === name,
  );
  assert.ok(found, `no peer ${name}`);
  return found;
}

for (const name of readdirSync(CASES).filter((entry) => /^\d\d-/.test(entry))) {
  test(`${name}: the connection list is the hand-worked one`, () => {
    const { analysis, warnings } = analyse(name);
    assert.deepEqual(warnings, []);
    const expected = readFileSync(join(CASES, name, 'expected.txt'), 'utf8');
    assert.equal(formatTxt(connRecords(analysis.flows())), expected);
  });
}

test('01-deny-all: JSON is netpol-analyzer’s connlist, byte for byte', () => {
  const { analysis } = analyse('01-deny-all');
  const expected = readFileSync(join(CASES, '01-deny-all', 'expected.json'), 'utf8');
  assert.equal(formatJson(connRecords(analysis.flows())), expected);
  assert.equal(formatJson([]), '[]');
});

test('01-deny-all: the missing piece is named on both sides', () => {
  const { analysis } = analyse('01-deny-all');
  const answer = canReach(
    analysis,
    peer(analysis, 'shop/web[Deployment]'),
    peer(analysis, 'shop/db[StatefulSet]'),
    'TCP',
    5432,
  );
  assert.equal(answer.allowed, false);
  assert.equal(answer.egress.passes, false);
  assert.equal(answer.ingress.passes, false);
  assert.equal(
    answer.summary,
    'No: shop/web[Deployment] cannot reach shop/db[StatefulSet] on TCP 5432: ' +
      'No egress rule of shop/default-deny allows it (egress to shop/db[StatefulSet] on TCP 5432). ' +
      'No ingress rule of shop/default-deny allows it (ingress from shop/web[Deployment] on TCP 5432).',
  );
});

test('03-cross-namespace-expressions: why prometheus may reach the database', () => {
  const { analysis } = analyse('03-cross-namespace-expressions');
  const why = explainFlow(
    analysis,
    peer(analysis, 'monitoring/prometheus[Deployment]'),
    peer(analysis, 'prod/db[StatefulSet]'),
  );
  assert.equal(why.egress.isolated, false);
  assert.equal(why.ingress.isolated, true);
  assert.deepEqual(
    why.ingress.rules.map((r) => [ruleLabel(r), r.conns.toString()]),
    [['prod/db-ingress ingress rule 1', 'TCP 5432']],
  );
  assert.equal(why.allowed.toString(), 'TCP 5432');
  const staging = canReach(
    analysis,
    peer(analysis, 'staging/api[Deployment]'),
    peer(analysis, 'prod/db[StatefulSet]'),
    'TCP',
    5432,
  );
  assert.equal(staging.allowed, false);
  assert.equal(staging.egress.passes, true);
  assert.match(staging.ingress.reason, /^No ingress rule of prod\/db-ingress allows it/);
});

test('04-ipblock-except: an address inside the except hole is refused, one in the inner block accepted', () => {
  const { analysis } = analyse('04-ipblock-except');
  const web = peer(analysis, 'shop/web[Deployment]');
  const hole = canReach(analysis, peer(analysis, '10.1.0.0-10.1.1.255[External]'), web, 'TCP', 443);
  assert.equal(hole.allowed, false);
  assert.equal(hole.egress.outsideCluster, true);
  const inner = canReach(analysis, peer(analysis, '10.1.2.0-10.1.2.255[External]'), web, 'TCP', 8443);
  assert.equal(inner.allowed, true);
  assert.deepEqual(inner.ingress.deciding.map(ruleLabel), ['shop/web-ingress ingress rule 2']);
  // ipBlocks never match pods: web may not send to the other pod, though 0.0.0.0/0 is allowed.
  const toPod = canReach(analysis, web, peer(analysis, 'shop/other[Deployment]'), 'TCP', 80);
  assert.equal(toPod.allowed, false);
  assert.match(toPod.egress.reason, /No egress rule of shop\/web-egress allows it/);
});

test('05-named-ports: the port resolves per destination, by name and protocol', () => {
  const { analysis } = analyse('05-named-ports');
  const api = peer(analysis, 'shop/api[Deployment]');
  const db = peer(analysis, 'shop/db[StatefulSet]');
  const yes = canReach(analysis, api, db, 'TCP', 5432);
  assert.equal(yes.allowed, true);
  assert.deepEqual(yes.egress.deciding.map(ruleLabel), ['shop/api-egress egress rule 1']);
  assert.deepEqual(yes.ingress.deciding.map(ruleLabel), ['shop/db-ingress ingress rule 1']);
  assert.equal(canReach(analysis, api, db, 'TCP', 8080).allowed, false);
  // client's rule names "metrics" over UDP; db's metrics port is TCP, so it resolves to nothing.
  const client = canReach(analysis, peer(analysis, 'shop/client[Deployment]'), db, 'TCP', 9187);
  assert.equal(client.allowed, false);
  assert.equal(explainFlow(analysis, peer(analysis, 'shop/client[Deployment]'), db).ingress.rules.length, 0);
});

test('06-egress-and-ingress: both ends must allow the connection', () => {
  const { analysis } = analyse('06-egress-and-ingress');
  const frontend = peer(analysis, 'a/frontend[Deployment]');
  const backend = peer(analysis, 'b/backend[Deployment]');
  const both = canReach(analysis, frontend, backend, 'TCP', 8080);
  assert.equal(both.allowed, true);
  assert.match(
    both.summary,
    /^Yes: .* Egress allowed by a\/frontend-egress egress rule 1\. Ingress allowed by b\/backend-ingress ingress rule 1\.$/,
  );
  const egressOnly = canReach(analysis, frontend, backend, 'TCP', 9090);
  assert.equal(egressOnly.allowed, false);
  assert.equal(egressOnly.egress.passes, true);
  assert.equal(egressOnly.ingress.passes, false);
  const ingressOnly = canReach(analysis, frontend, backend, 'UDP', 53);
  assert.equal(ingressOnly.egress.passes, false);
  assert.equal(ingressOnly.ingress.passes, true);
});

test('a document the engine cannot read is left out and named, whatever its kind', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: { name: a, namespace: shop, labels: { app: a } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: shop }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress: [ {
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: [broken
`;
  const sources = readTexts([{ name: 'shop.yaml', text }]);
  // The broken policy's partial value would isolate every pod of shop: it must not count.
  assert.deepEqual(
    sources.objects.map((object) => `${object.kind}/${object.name}`),
    ['Pod/a'],
  );
  assert.deepEqual(
    sources.problems.map((problem) => [problem.file, problem.line]),
    [
      ['shop.yaml', 11],
      ['shop.yaml', 15],
    ],
  );
  const { analysis } = buildAnalysis(sources.objects);
  assert.equal(analysis.input.policies.length, 0);
});
