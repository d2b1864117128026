// Workloads and namespaces read from the objects the engine records: each kind's pod template, Lists,
// owned Pods shown as their owner, defaults, and namespaces without a Namespace object.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManifestFile, withDefaults, type FileObject } from '../../../src/engine';
import {
  findWorkloads,
  NAMESPACE_NAME_LABEL,
  podTemplatePath,
  resolveNamespaces,
  workloadName,
} from '../../../src/engine/model/workloads';

/** The objects as the engine records them (Lists opened). */
function objects(text: string): FileObject[] {
  const file = new ManifestFile(withDefaults({}));
  file.update(text);
  return file.getObjects();
}

const EVERY_KIND = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          ports: [{ name: http, containerPort: 8080 }, { containerPort: 9090, protocol: UDP }]
      initContainers:
        - name: init
          ports: [{ name: ignored, containerPort: 1 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: shop }
spec: { template: { metadata: { labels: { app: db } }, spec: { containers: [] } } }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec: { template: { metadata: { labels: { app: agent } }, spec: { hostNetwork: true } } }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: rs, namespace: shop }
spec: { template: { metadata: { labels: { app: rs } } } }
---
apiVersion: v1
kind: ReplicationController
metadata: { name: rc, namespace: shop }
spec: { template: { metadata: { labels: { app: rc } } } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate, namespace: shop }
spec: { template: { metadata: { labels: { job: migrate } } } }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: report, namespace: shop }
spec: { jobTemplate: { spec: { template: { metadata: { labels: { job: report } } } } } }
---
apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: shop, labels: { app: debug } }
spec: { containers: [{ name: c, ports: [{ containerPort: 53, protocol: UDP, name: dns }] }] }
`;

test('every workload kind stands for its pods: template labels, namespace, ports, hostNetwork', () => {
  const { workloads, warnings } = findWorkloads(objects(EVERY_KIND));
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    workloads.map((w) => [workloadName(w), w.labels]),
    [
      ['shop/web[Deployment]', { app: 'web' }],
      ['shop/db[StatefulSet]', { app: 'db' }],
      ['default/agent[DaemonSet]', { app: 'agent' }],
      ['shop/rs[ReplicaSet]', { app: 'rs' }],
      ['shop/rc[ReplicationController]', { app: 'rc' }],
      ['shop/migrate[Job]', { job: 'migrate' }],
      ['shop/report[CronJob]', { job: 'report' }],
      ['shop/debug[Pod]', { app: 'debug' }],
    ],
  );
  // Named ports are resolved against the (non-init) containers' ports; TCP when unset.
  assert.deepEqual(workloads[0].ports, [
    { name: 'http', containerPort: 8080, protocol: 'TCP' },
    { containerPort: 9090, protocol: 'UDP' },
  ]);
  assert.deepEqual(workloads[7].ports, [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]);
  assert.deepEqual(
    workloads.map((w) => w.hostNetwork),
    [false, false, true, false, false, false, false, false],
  );
  assert.deepEqual(
    workloads[6].sources.map((s) => [s.documentIndex, s.pathPrefix]),
    [[6, []]],
  );
});

test('kinds of the same name in other API groups are someone else’s resources', () => {
  const { workloads } = findWorkloads(
    objects(`apiVersion: batch.volcano.sh/v1alpha1
kind: Job
metadata: { name: train }
spec: { template: { metadata: { labels: { a: b } } } }
---
kind: Deployment
metadata: { name: no-api-version }
`),
  );
  assert.deepEqual(workloads.map(workloadName), ['default/no-api-version[Deployment]']);
});

const LIVE_PODS = `apiVersion: v1
kind: PodList
items:
  - metadata:
      name: web-7d77fb55cc-abcde
      namespace: shop
      labels: { app: web, pod-template-hash: 7d77fb55cc }
      ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: web-7d77fb55cc, controller: true }]
    spec: { containers: [{ name: web, ports: [{ name: http, containerPort: 8080 }] }] }
    status: { hostIP: 10.0.1.5, podIP: 10.0.1.20, podIPs: [{ ip: 10.0.1.20 }] }
  - metadata:
      name: web-7d77fb55cc-fghij
      namespace: shop
      labels: { app: web, pod-template-hash: 7d77fb55cc }
      ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: web-7d77fb55cc, controller: true }]
    spec: { containers: [{ name: web, ports: [{ name: http, containerPort: 8080 }] }] }
    status: { hostIP: 10.0.1.6, podIP: 10.0.1.21, podIPs: [{ ip: 10.0.1.21 }] }
  - metadata:
      name: kube-proxy-node1
      namespace: kube-system
      labels: { k8s-app: kube-proxy }
      ownerReferences: [{ apiVersion: v1, kind: Node, name: node1, controller: true }]
    spec: { hostNetwork: true }
    status: { hostIP: 10.0.1.5, podIPs: [{ ip: 10.0.1.5 }] }
  - metadata:
      name: pending
      namespace: shop
      ownerReferences: [{ apiVersion: batch/v1, kind: Job, name: migrate, controller: true }]
    status: { phase: Pending }
`;

test('Pods owned by a controller are one workload named after the owner; Node-owned Pods stay Pods', () => {
  const manifests = findWorkloads(objects(LIVE_PODS));
  assert.deepEqual(manifests.workloads.map(workloadName), [
    'shop/web-7d77fb55cc[ReplicaSet]',
    'kube-system/kube-proxy-node1[Pod]',
    'shop/migrate[Job]',
  ]);
  assert.deepEqual(
    manifests.workloads[0].sources.map((s) => s.pathPrefix),
    [
      ['items', 0],
      ['items', 1],
    ],
  );
  assert.deepEqual(manifests.workloads[0].ports, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  assert.deepEqual(manifests.warnings, []);
  // From a live cluster, a Pod without a node or an IP takes part in no traffic.
  const live = findWorkloads(objects(LIVE_PODS), { live: true });
  assert.deepEqual(live.workloads.map(workloadName), [
    'shop/web-7d77fb55cc[ReplicaSet]',
    'kube-system/kube-proxy-node1[Pod]',
  ]);
});

test('Pods of one owner with different labels and duplicate workloads are reported', () => {
  const { workloads, warnings } = findWorkloads(
    objects(`kind: List
items:
  - kind: Pod
    apiVersion: v1
    metadata: { name: a, labels: { app: x }, ownerReferences: [{ kind: StatefulSet, name: s, controller: true }] }
  - kind: Pod
    apiVersion: v1
    metadata: { name: b, labels: { app: y }, ownerReferences: [{ kind: StatefulSet, name: s, controller: true }] }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: d }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: d, namespace: default }
`),
  );
  assert.deepEqual(
    workloads.map((w) => [workloadName(w), w.labels]),
    [
      ['default/s[StatefulSet]', { app: 'x' }],
      ['default/d[Deployment]', {}],
    ],
  );
  assert.deepEqual(warnings, [
    "The Pods of default/s[StatefulSet] have different labels; the first Pod's labels are used.",
    'default/d[Deployment] is defined more than once; the first definition is used.',
  ]);
});

test('typed lists give their items a kind', () => {
  const { workloads } = findWorkloads(
    objects(`apiVersion: apps/v1
kind: DeploymentList
items:
  - metadata: { name: one, namespace: a }
    spec: { template: { metadata: { labels: { app: one } } } }
---
apiVersion: v1
kind: List
items:
  - { apiVersion: v1, kind: Pod, metadata: { name: inner } }
`),
  );
  assert.deepEqual(
    workloads.map((w) => [workloadName(w), w.sources[0].pathPrefix, w.sources[0].line]),
    [
      ['a/one[Deployment]', ['items', 0], 3],
      ['default/inner[Pod]', ['items', 0], 9],
    ],
  );
});

test('namespaces: declared ones keep their labels plus the name label; others have only the name label', () => {
  const { namespaces } = findWorkloads(
    objects(`apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: a, kubernetes.io/metadata.name: wrong } }
`),
  );
  const resolved = resolveNamespaces(namespaces, ['shop', 'payments']);
  assert.deepEqual(resolved.get('shop')?.labels, { team: 'a', [NAMESPACE_NAME_LABEL]: 'shop' });
  assert.equal(resolved.get('shop')?.declared, true);
  assert.deepEqual(resolved.get('payments'), {
    name: 'payments',
    labels: { [NAMESPACE_NAME_LABEL]: 'payments' },
    declared: false,
  });
});

test('pod template paths: one table for every workload kind', () => {
  assert.deepEqual(podTemplatePath('Pod'), []);
  assert.deepEqual(podTemplatePath('CronJob'), ['spec', 'jobTemplate', 'spec', 'template']);
  assert.equal(podTemplatePath('Service'), undefined);
  assert.equal(podTemplatePath('toString'), undefined);
});
