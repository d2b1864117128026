// NP212/NP213 across the files of a run: selectors are checked against the workloads of the whole
// workspace, only for namespaces whose workloads it holds, and the setting turns them off. Hover on
// a selector lists the workloads it selects.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintTexts, ManifestFile, withDefaults, Workspace, type Diagnostic } from '../../src/engine';
import { hoverAt } from '../../src/engine/editing';

const deployment = (name: string, namespace: string, labels: Record<string, string>): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  template:',
    '    metadata:',
    `      labels: ${JSON.stringify(labels)}`,
    '    spec:',
    '      containers: [{ name: main, image: busybox }]',
    '',
  ].join('\n');

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: web
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
`;

const codes = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.filter((d) => d.code === 'NP212' || d.code === 'NP213').map((d) => `${d.code} ${d.path}`);

test('the workloads of other files of the run count; a namespace with no workloads in the run is not judged', () => {
  const [alone] = lintTexts([{ name: 'np.yaml', text: POLICY }]);
  assert.deepEqual(codes(alone), [], 'no workload of shop in the run: nothing to compare with');

  const [mismatch] = lintTexts([
    { name: 'np.yaml', text: POLICY },
    { name: 'apps.yaml', text: deployment('api', 'shop', { app: 'apii' }) },
  ]);
  assert.deepEqual(codes(mismatch), ['NP212 spec.podSelector', 'NP213 spec.ingress[0].from[0].podSelector']);
  const np212 = mismatch.find((d) => d.code === 'NP212');
  assert.equal(np212?.severity, 'info');
  assert.match(np212?.message ?? '', /workloads there: api\[Deployment\]/);

  const [fixed] = lintTexts([
    { name: 'np.yaml', text: POLICY },
    {
      name: 'apps.yaml',
      text: deployment('api', 'shop', { app: 'api' }) + '---\n' + deployment('web', 'shop', { app: 'web' }),
    },
  ]);
  assert.deepEqual(codes(fixed), []);
});

test('a peer by namespaceSelector is judged on the workloads of the namespaces it selects', () => {
  const [result] = lintTexts([
    { name: 'np.yaml', text: POLICY },
    {
      name: 'apps.yaml',
      text: [
        deployment('api', 'shop', { app: 'api' }),
        deployment('web', 'shop', { app: 'web' }),
        deployment('prometheus', 'monitoring', { app: 'prometheus' }),
      ].join('---\n'),
    },
  ]);
  // `namespaceSelector` alone takes every pod of monitoring: prometheus.
  assert.deepEqual(codes(result), []);
});

test('eksNetworking.connectivity.workspaceChecks: false turns both checks off', () => {
  const files = [
    { name: 'np.yaml', text: POLICY },
    { name: 'apps.yaml', text: deployment('api', 'shop', { app: 'other' }) },
  ];
  assert.equal(codes(lintTexts(files)[0]).length, 2);
  assert.deepEqual(codes(lintTexts(files, { workspaceChecks: false })[0]), []);
  assert.deepEqual(codes(lintTexts(files, { rules: { NP212: 'off' } })[0]), [
    'NP213 spec.ingress[0].from[0].podSelector',
  ]);
});

test('hover on a selector lists the workloads of the workspace it selects, linked to their line', () => {
  const workspace = new Workspace();
  const apps = new ManifestFile(withDefaults({}));
  apps.update(
    deployment('web', 'shop', { app: 'web' }) + '---\n' + deployment('api', 'shop', { app: 'api' }),
  );
  workspace.setFile('file:///work/apps.yaml', apps.getObjects());
  const hover = (needle: string): string => {
    const offset = POLICY.indexOf(needle) + 1;
    return hoverAt(POLICY, offset, { settings: withDefaults({}), workspace })?.markdown ?? '';
  };
  assert.match(
    hover('podSelector:\n    matchLabels'),
    /\*\*In the workspace:\*\* selects 1 of the 2 workloads of namespace "shop":\n- \[shop\/api\\\[Deployment\\\]\]\(file:\/\/\/work\/apps\.yaml#L13\)$/,
  );
  assert.match(
    hover('app: web'),
    /matches 1 of the 2 workloads of namespace "shop":\n- \[shop\/web\\\[Deployment\\\]\]\(file:\/\/\/work\/apps\.yaml#L1\)/,
  );
  assert.match(
    hover('namespaceSelector'),
    /no workload of the namespaces this peer looks in to compare with/,
  );
});

test('in one file edited keystroke by keystroke, the selector checks follow each edit of the policy and of the workload', () => {
  // Unchanged documents keep their parsed values between edits (and what was read from them):
  // each edit must still be judged on the text as it is now.
  const workspace = new Workspace('editor');
  const file = new ManifestFile(withDefaults({}));
  const fileKey = 'file:///work/all.yaml';
  const others = Array.from({ length: 20 }, (_, index) =>
    POLICY.replace('api-ingress', `other-${index}`).replace('app: api', 'app: web'),
  );
  let text = [
    deployment('api', 'shop', { app: 'api' }),
    deployment('web', 'shop', { app: 'web' }),
    POLICY,
    ...others,
  ].join('---\n');
  file.update(text);
  assert.deepEqual(codes(file.diagnosticsIn(workspace, fileKey)), []);

  const edit = (from: string, to: string, nth = 0): void => {
    let start = -1;
    for (let seen = 0; seen <= nth; seen++) start = text.indexOf(from, start + 1);
    assert.ok(start >= 0, `"${from}" is in the file`);
    text = text.slice(0, start) + to + text.slice(start + from.length);
    file.update(text, [{ start, end: start + from.length, newText: to }]);
  };
  // The policy's own podSelector (the third `app: api` is the policy's).
  edit('      app: api\n  policyTypes', '      app: apx\n  policyTypes');
  assert.deepEqual(codes(file.diagnosticsIn(workspace, fileKey)), ['NP212 spec.podSelector']);
  // The workload's labels follow: the policy selects it again, and the web peers now match nothing.
  edit('"app":"api"', '"app":"apx"');
  edit('"app":"web"', '"app":"wex"');
  const afterWorkloads = codes(file.diagnosticsIn(workspace, fileKey));
  assert.equal(
    afterWorkloads.filter((code) => code === 'NP212 spec.podSelector').length,
    20,
    'the 20 web policies',
  );
  assert.equal(
    afterWorkloads.filter((code) => code === 'NP213 spec.ingress[0].from[0].podSelector').length,
    21,
    'every web peer',
  );
  edit('"app":"wex"', '"app":"web"');
  assert.deepEqual(codes(file.diagnosticsIn(workspace, fileKey)), []);
});
