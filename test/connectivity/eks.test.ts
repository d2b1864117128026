// EKS caveats of flows: each comes from an NP3xx finding on the part of a policy the flow relies on
// (or from a hostNetwork workload), and flows that do not rely on that part are left alone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAnalysis, eksReport, findingsByPolicy, readTexts } from '../../src/engine/connectivity';

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
  // Read as `eksnet connectivity` reads files: the engine's NP3xx findings on each policy.
  const sources = readTexts([{ name: 'test.yaml', text: `${WORKLOADS}---\n${policy}` }], { target: 'eks' });
  const built = buildAnalysis(sources.objects);
  const report = eksReport(built.analysis, findingsByPolicy(built.analysis, sources.eks));
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
