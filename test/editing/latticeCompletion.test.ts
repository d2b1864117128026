// Completion in Gateway API and Lattice manifests: keys and enum values from the schemas, and the
// values that name other objects (GatewayClasses, Gateways and listeners, Services and ports,
// policy targets) from the workspace.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManifestFile, withDefaults, Workspace } from '../../src/engine';
import { completeAt } from '../../src/engine/editing';
import { withCursor } from './cursorText';

const settings = withDefaults({});

const WORKSPACE_FILES = {
  'gateway.yaml':
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: internal\nspec:\n  controllerName: application-networking.k8s.aws/gateway-api-controller\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: my-hotel\n  namespace: hotel\nspec:\n  gatewayClassName: internal\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n    - name: https\n      protocol: HTTPS\n      port: 443\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: edge\n  namespace: istio-ingress\nspec:\n  gatewayClassName: istio\n  listeners:\n    - name: http\n      protocol: HTTP\n      port: 80\n',
  'services.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: rates\n  namespace: hotel\nspec:\n  ports:\n    - name: http\n      port: 80\n      targetPort: 8080\n    - name: admin\n      port: 9090\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: billing\n  namespace: billing\nspec:\n  ports:\n    - port: 443\n',
};

function workspace(): Workspace {
  const result = new Workspace();
  for (const [name, text] of Object.entries(WORKSPACE_FILES)) {
    const file = new ManifestFile(settings);
    file.update(text);
    result.setFile(name, file.getObjects());
  }
  return result;
}

function complete(marked: string) {
  const { text, offset } = withCursor(marked);
  const space = workspace();
  const candidates = completeAt(text, offset, { lattice: { workspace: () => space, settings } }).items;
  const sorted = [...candidates].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  return { candidates, labels: sorted.map((candidate) => candidate.label) };
}

const ROUTE =
  'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: rates\n  namespace: hotel\nspec:\n';

test('parentRefs name: the Gateways of the workspace, Lattice ones marked, this namespace first', () => {
  const { candidates, labels } = complete(`${ROUTE}  parentRefs:\n    - name: ‸\n`);
  assert.deepEqual(labels, ['my-hotel', 'edge']);
  const lattice = candidates.find((candidate) => candidate.label === 'my-hotel');
  assert.equal(lattice?.detail, 'Gateway hotel/my-hotel · internal (VPC Lattice)');
  assert.match(lattice?.documentation ?? '', /`http` \(HTTP 80\), `https` \(HTTPS 443\)/);
  assert.match(
    candidates.find((c) => c.label === 'edge')?.documentation ?? '',
    /also set `namespace: istio-ingress`/,
  );
});

test('parentRefs sectionName: the listeners of the Gateway named next to it, those taking the kind first', () => {
  const grpc = ROUTE.replace('HTTPRoute', 'GRPCRoute');
  const { candidates, labels } = complete(
    `${grpc}  parentRefs:\n    - name: my-hotel\n      sectionName: ‸\n`,
  );
  assert.deepEqual(labels, ['https', 'http']);
  assert.equal(
    candidates.find((c) => c.label === 'https')?.detail,
    'HTTPS port 443 · takes HTTPRoute, GRPCRoute',
  );
});

test('backendRefs: Services by name, then the Service ports (not the targetPorts)', () => {
  const names = complete(`${ROUTE}  rules:\n    - backendRefs:\n        - name: ‸\n`);
  assert.deepEqual(names.labels, ['rates', 'billing']);
  assert.equal(names.candidates[0].detail, 'Service hotel/rates · ports 80, 9090');
  const ports = complete(`${ROUTE}  rules:\n    - backendRefs:\n        - name: rates\n          port: ‸\n`);
  assert.deepEqual(ports.labels, ['80', '9090']);
  assert.equal(ports.candidates[0].detail, 'Service port "http" → targetPort 8080');
  const kinds = complete(`${ROUTE}  rules:\n    - backendRefs:\n        - kind: ‸\n`);
  assert.deepEqual(kinds.labels, ['Service', 'ServiceImport']);
});

test('gatewayClassName: the classes of the workspace and the conventional Lattice name', () => {
  const { candidates, labels } = complete(
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: a\nspec:\n  gatewayClassName: ‸\n',
  );
  assert.deepEqual(labels, ['internal', 'amazon-vpc-lattice']);
  assert.equal(candidates[0].detail, 'GatewayClass (VPC Lattice)');
});

test('controllerName: the controller name, exactly', () => {
  const { labels } = complete(
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: a\nspec:\n  controllerName: ‸\n',
  );
  assert.deepEqual(labels, ['application-networking.k8s.aws/gateway-api-controller']);
});

test("policy targetRef: the kinds the policy kind may target, their group, and the workspace's objects", () => {
  const policy =
    'apiVersion: application-networking.k8s.aws/v1alpha1\nkind: TargetGroupPolicy\nmetadata:\n  name: p\n  namespace: hotel\nspec:\n  targetRef:\n';
  assert.deepEqual(complete(`${policy}    kind: ‸\n`).labels, ['Service', 'ServiceExport']);
  assert.deepEqual(complete(`${policy}    kind: Service\n    group: ‸\n`).labels, ['""']);
  assert.deepEqual(complete(`${policy}    kind: Service\n    name: ‸\n`).labels, ['rates', 'billing']);
  const auth = policy.replace('TargetGroupPolicy', 'IAMAuthPolicy');
  assert.deepEqual(complete(`${auth}    kind: ‸\n`).labels, ['Gateway', 'HTTPRoute', 'GRPCRoute']);
});

test('keys and enum values come from the schemas', () => {
  const keys = complete(`${ROUTE}  ‸\n`).labels;
  for (const key of ['parentRefs', 'hostnames', 'rules']) assert.ok(keys.includes(key), key);
  assert.deepEqual(
    complete(`${ROUTE}  rules:\n    - matches:\n        - path:\n            type: ‸\n`).labels,
    ['Exact', 'PathPrefix', 'RegularExpression'],
  );
});
