// `eksnet connectivity --from-cluster`: the real kubectl against the test API server, seeded with
// live Pods (owned by a ReplicaSet, a StatefulSet, a Node, and none), Namespaces and NetworkPolicies.
// The connection list is worked out by hand; the command only reads (GET requests).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli/main';
import type { JsonObject } from '../support/apiserver/merge';
import { captureIO, startCluster, type TestCluster } from './harness';

function pod(
  namespace: string,
  name: string,
  labels: JsonObject,
  options: { owner?: [string, string]; ports?: JsonObject[]; ip?: string; hostNetwork?: boolean } = {},
): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels,
      ...(options.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: options.owner[0],
                name: options.owner[1],
                controller: true,
                uid: 'u',
              },
            ],
          }
        : {}),
    },
    spec: {
      hostNetwork: options.hostNetwork ?? false,
      containers: [{ name: 'c', image: 'example', ports: options.ports ?? [] }],
    },
    status: options.ip
      ? { phase: 'Running', hostIP: '10.0.1.10', podIP: options.ip, podIPs: [{ ip: options.ip }] }
      : { phase: 'Pending' },
  };
}

function policy(namespace: string, name: string, spec: JsonObject): JsonObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

const ALL = [
  '0.0.0.0-255.255.255.255[External] => kube-system/kube-proxy-node1[Pod] : All Connections',
  '0.0.0.0-255.255.255.255[External] => other/client[Pod] : All Connections',
  'kube-system/kube-proxy-node1[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'kube-system/kube-proxy-node1[Pod] => other/client[Pod] : All Connections',
  'other/client[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'other/client[Pod] => kube-system/kube-proxy-node1[Pod] : All Connections',
  'other/client[Pod] => shop/web-7d77fb55cc[ReplicaSet] : TCP 8080',
  'shop/db[StatefulSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/db[StatefulSet] => kube-system/kube-proxy-node1[Pod] : All Connections',
  'shop/db[StatefulSet] => other/client[Pod] : All Connections',
  'shop/web-7d77fb55cc[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
  'shop/web-7d77fb55cc[ReplicaSet] => kube-system/kube-proxy-node1[Pod] : All Connections',
  'shop/web-7d77fb55cc[ReplicaSet] => other/client[Pod] : All Connections',
  'shop/web-7d77fb55cc[ReplicaSet] => shop/db[StatefulSet] : TCP 5432',
];

describe('eksnet connectivity --from-cluster', () => {
  let cluster: TestCluster;
  let common: string[];
  before(async () => {
    cluster = await startCluster();
    const server = cluster.server;
    server.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { team: 'shop' } } });
    server.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const web = { app: 'web', 'pod-template-hash': '7d77fb55cc' };
    server.put(
      pod('shop', 'web-7d77fb55cc-aaaaa', web, { owner: ['ReplicaSet', 'web-7d77fb55cc'], ip: '10.0.1.21' }),
    );
    server.put(
      pod('shop', 'web-7d77fb55cc-bbbbb', web, { owner: ['ReplicaSet', 'web-7d77fb55cc'], ip: '10.0.1.22' }),
    );
    server.put(
      pod(
        'shop',
        'db-0',
        { app: 'db' },
        { owner: ['StatefulSet', 'db'], ip: '10.0.1.30', ports: [{ name: 'pg', containerPort: 5432 }] },
      ),
    );
    // Not scheduled yet: takes part in no traffic.
    server.put(pod('shop', 'migrate-xyz', { job: 'migrate' }, { owner: ['Job', 'migrate'] }));
    server.put(pod('other', 'client', { app: 'client' }, { ip: '10.0.2.40' }));
    server.put(
      pod(
        'kube-system',
        'kube-proxy-node1',
        { 'k8s-app': 'kube-proxy' },
        { owner: ['Node', 'node1'], ip: '10.0.1.10', hostNetwork: true },
      ),
    );
    server.put(policy('shop', 'default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }));
    server.put(
      policy('shop', 'db-ingress', {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'pg' }] }],
      }),
    );
    server.put(
      policy('shop', 'web-ingress', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }],
            ports: [{ port: 8080 }],
          },
        ],
      }),
    );
    common = [
      '--from-cluster',
      '--kubeconfig',
      cluster.kubeconfig,
      '--kubectl',
      cluster.settings().kubectlPath,
    ];
  });
  after(() => cluster.stop());

  it('lists the live connections, Pods shown as their owner, and only reads', async () => {
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['connectivity', ...common], io), 0, io.err);
    // hostNetwork kube-proxy gets the EKS caveat (target eks is the default).
    const [list, caveats] = io.out.split('\nEKS network policy agent caveats:\n');
    assert.deepEqual(list.trimEnd().split('\n'), ALL);
    assert.match(caveats, /kube-system\/kube-proxy-node1\[Pod\]: EKS: .*hostNetwork/);
    assert.equal(io.err, '');
    assert.deepEqual(cluster.server.writes(), []);
  });

  it('json is the connlist; -n limits the Pods and policies to one namespace', async () => {
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['connectivity', ...common, '--format', 'json', '-n', 'shop'], io), 0, io.err);
    assert.deepEqual(JSON.parse(io.out), [
      { src: 'shop/db[StatefulSet]', dst: '0.0.0.0-255.255.255.255[External]', conn: 'All Connections' },
      {
        src: 'shop/web-7d77fb55cc[ReplicaSet]',
        dst: '0.0.0.0-255.255.255.255[External]',
        conn: 'All Connections',
      },
      { src: 'shop/web-7d77fb55cc[ReplicaSet]', dst: 'shop/db[StatefulSet]', conn: 'TCP 5432' },
    ]);
  });

  it('a user who may not list namespaces gets a warning and the name labels only', async () => {
    cluster.server.forbid('list', 'namespaces');
    try {
      const io = captureIO(cluster.settings().env);
      assert.equal(await main(['connectivity', ...common, '--target', 'generic'], io), 0, io.err);
      assert.deepEqual(io.out.trimEnd().split('\n'), ALL);
      assert.match(
        io.err,
        /^eksnet connectivity: warning: Forbidden: user "test-user" may not list namespaces .*only the kubernetes\.io\/metadata\.name label/,
      );
    } finally {
      cluster.server.clearFailures();
    }
  });

  it('a cluster failure is one sentence and exit 1', async () => {
    cluster.server.forbid('list', 'pods');
    try {
      const io = captureIO(cluster.settings().env);
      assert.equal(await main(['connectivity', ...common], io), 1);
      assert.match(io.err, /^eksnet connectivity: Forbidden: user "test-user" may not list pods/);
      assert.equal(io.err.trim().split('\n').length, 1);
      assert.equal(io.out, '');
    } finally {
      cluster.server.clearFailures();
    }
  });
});
