// EKS caveats of flows: each comes from an NP3xx finding on the part of a policy the flow relies on
// (or from a hostNetwork workload), and flows that do not rely on that part are left alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnalysis, eksFindings, eksReport, type EksFinding } from '../../src/engine/connectivity';
import { readManifests } from '../../src/engine/connectivity/manifests';

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec: { template: { metadata: { labels: { app: api } } } }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec:
  template:
    metadata: { labels: { app: db } }
    spec: { containers: [{ name: pg, ports: [{ name: pg, containerPort: 5432 }] }] }
`;

function notesOf(policy: string): string[] {
  const { objects } = readManifests(`${WORKLOADS}---\n${policy}`, 'test.yaml');
  const built = buildAnalysis(objects);
  const findings = new Map<Parameters<typeof built.policyValues.get>[0], EksFinding[]>();
  for (const [p, value] of built.policyValues)
    findings.set(p, eksFindings(value, { clusterIpFamily: 'ipv4' }));
  const report = eksReport(built.analysis, findings);
  return [...report.flows].map(
    ([flow, notes]) => `${flow.src.name} => ${flow.dst.name}: ${notes.map((n) => n.code).join(',')}`,
  );
}

test('a named egress port in a rule without `to` is flagged on the flows to pods that resolve it', () => {
  const notes = notesOf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Egress]
  egress:
    - ports: [{ port: pg }]
`);
  assert.deepEqual(notes, ['shop/api[Deployment] => shop/db[StatefulSet]: NP301']);
});

test('with pod peers next to an ipBlock, the pods still resolve the named port: no caveat', () => {
  const notes = notesOf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Egress]
  egress:
    - to: [{ podSelector: { matchLabels: { app: db } } }, { ipBlock: { cidr: 10.0.0.0/8 } }]
      ports: [{ port: pg }]
`);
  assert.deepEqual(notes, []);
});

test('an IPv6 block in an IPv4 cluster is flagged only on the flows to its range', () => {
  const notes = notesOf(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api-egress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  policyTypes: [Egress]
  egress:
    - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }, { ipBlock: { cidr: '2001:db8::/32' } }]
`);
  assert.deepEqual(notes, [
    'shop/api[Deployment] => 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External]: NP303',
  ]);
});
