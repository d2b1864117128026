// Regression test over real manifests found in public repositories (copies of the shared corpora
// in test/fixtures/corpus/real-world and real-world-2). SUSPECT.md in each lists the files that
// really are broken. In real-world every other file must lint without errors; in real-world-2 every
// file gets exactly the errors and warnings its SUSPECT.md entry describes (and the correct ones
// SUSPECT.md leaves out, each explained below). Templates must not get errors for placeholders.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, lintTexts, LineIndex, type Diagnostic } from '../../src/engine';
import { FIXTURES } from '../support/paths';

const CORPUS = join(FIXTURES, 'corpus', 'real-world');

/**
 * The errors each broken file gets (`line:CODE`), from what SUSPECT.md says is wrong with it.
 * Files listed there only for placeholders get no error, except for a real defect next to them.
 */
const EXPECTED_ERRORS: Record<string, string[]> = {
  // YAML syntax error: the first line is indented, the second is not.
  'otaviovaladao__security-group-policy.yaml': ['2:YAML001'],
  // `ingress:` at the top level instead of under spec.
  'eksws1__ecsdemo-crystal.yaml': ['9:SCH001'],
  'eksws1__ecsdemo-nodejs.yaml': ['9:SCH001'],
  // `egress: {}` is a mapping where a list is needed.
  'devsjlee__14-network-policy-with-calico-block1.yaml': ['25:SCH002'],
  // `<EDIT: …>` stubs spread over lines break the YAML.
  'eksws1__backend-policy.yaml': ['12:YAML001'],
  'eksws1__frontend-policy.yaml': ['12:YAML001'],
  // A Calico NetworkPolicy (projectcalico.org/v3) is not ours: nothing to say.
  'eksws1__tigera-default-deny.yaml': [],
  // extensions/v1beta1 no longer serves NetworkPolicy.
  'argocd__e2e-deprecated-network-policy.yaml': ['1:API001'],
  // `sg-f7990sfng33684fad` has non-hex characters, in both documents.
  'vpcrc__vpcresources_v1beta1_securitygrouppolicy.yaml': ['19:SGP101', '39:SGP101'],
  // `sg-0000000` has 7 hex digits.
  'vpcrc__it-security-group-policy-pod.yaml': ['19:SGP101'],
  // `spec.vpcId` is not a field; malformed subnet and security group IDs in all three documents.
  'vpccni__eniconfig-multi-vpc.yaml': [
    '12:ENI102',
    '15:ENI101',
    '19:SCH001',
    '29:ENI102',
    '30:ENI101',
    '31:SCH001',
    '41:ENI102',
    '42:ENI101',
  ],
  // Warm-pool settings that are not ENIConfig fields; `subnet-xxxxxxxx` is a placeholder.
  'vpccni__eni-and-ip-target-block1.yaml': ['9:SCH001', '10:SCH001', '11:SCH001', '12:SCH001', '13:SCH001'],
  // Placeholders left in plain YAML; `sg-abc123` next to them is a real defect (6 hex digits).
  'devsjlee__11-pod-security-group-block1.yaml': ['12:SGP101'],
  'eksbp__sgpp-block1.yaml': [],
  'eksug__eks-networking-add-ons-block3.yaml': [],
  'gsa-odp__security-group-policy.yaml': [],
  'mrofisr__eniconfig.yaml': [],
  'noonbaram__eni-config.yaml': [],
  'orsenthil__template-us-west-2a.yaml': [],
  'vpcrc__it-eniconfig.yaml': [],
  // templated/: only problems that appear after rendering, which cannot be seen before it.
  'kjpark__eniconfig-block1.yaml': [],
  'ssbostan__eniconfig.yaml': [],
  'webhook-broker__securitygrouppolicy.yaml': [],
  'milanj-nginx__securitygrouppolicy.yaml': [],
  'eksws1__eniconfig_crd-block1.yaml': [],
};

/** Files SUSPECT.md lists as holding placeholders; each must get a placeholder note. */
const PLACEHOLDER_FILES = [
  'devsjlee__11-pod-security-group-block1.yaml',
  'eksbp__sgpp-block1.yaml',
  'eksug__eks-networking-add-ons-block3.yaml',
  'gsa-odp__security-group-policy.yaml',
  'mrofisr__eniconfig.yaml',
  'noonbaram__eni-config.yaml',
  'orsenthil__template-us-west-2a.yaml',
  'vpcrc__it-eniconfig.yaml',
  'vpccni__eni-and-ip-target-block1.yaml',
];

function lint(folder: string, name: string): { diagnostics: Diagnostic[]; errors: string[] } {
  const text = readFileSync(join(CORPUS, folder, name), 'utf8');
  const lines = new LineIndex(text);
  const diagnostics = lintText(text);
  const errors = diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${lines.positionAt(diagnostic.range.start).line + 1}:${diagnostic.code}`);
  return { diagnostics, errors };
}

function describe(diagnostics: Diagnostic[]): string {
  return diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)
    .join('\n');
}

/** The files the tables of a SUSPECT.md name in their first column. */
function suspectFiles(corpus: string): Set<string> {
  const suspect = readFileSync(join(corpus, 'SUSPECT.md'), 'utf8');
  const named = new Set<string>();
  for (const line of suspect.split('\n')) {
    if (!line.startsWith('| ')) continue;
    const firstCell = line.split('|')[1];
    for (const match of firstCell.matchAll(/[\w.-]+__[\w.-]+\.ya?ml/g)) named.add(match[0]);
  }
  return named;
}

test('every broken file named in SUSPECT.md has an expectation here', () => {
  const named = suspectFiles(CORPUS);
  const missing = [...named].filter((name) => !(name in EXPECTED_ERRORS));
  assert.deepEqual(missing, []);
  assert.ok(named.size >= 20, `expected the SUSPECT.md tables to name files, found ${named.size}`);
});

for (const folder of ['valid', 'templated']) {
  for (const name of readdirSync(join(CORPUS, folder)).filter((file) => file.endsWith('.yaml'))) {
    const expected = EXPECTED_ERRORS[name];
    const title =
      expected === undefined
        ? `real-world ${folder}/${name} has no errors`
        : `real-world ${folder}/${name} gets exactly the errors SUSPECT.md describes`;
    test(title, () => {
      const { diagnostics, errors } = lint(folder, name);
      assert.deepEqual(errors.sort(), [...(expected ?? [])].sort(), describe(diagnostics));
    });
  }
}

test('every templated file is recognised as a template (TPL001 or TPL002), never as broken YAML', () => {
  for (const name of readdirSync(join(CORPUS, 'templated')).filter((file) => file.endsWith('.yaml'))) {
    const { diagnostics } = lint('templated', name);
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'TPL001' || diagnostic.code === 'TPL002'),
      `${name} has no placeholder note`,
    );
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'YAML001'), `${name} got YAML001`);
  }
});

test('a Helm list rendered without toJson/toYaml is flagged, as SUSPECT.md describes for webhook-broker', () => {
  const { diagnostics } = lint('templated', 'webhook-broker__securitygrouppolicy.yaml');
  const warning = diagnostics.find((diagnostic) => diagnostic.code === 'TPL003');
  assert.ok(warning, 'no TPL003');
  assert.equal(warning.severity, 'warning');
  assert.match(warning.message, /groupIds: \{\{ \.Values\.securityGroups \}\}/);
});

test("a selector built from the chart's full labels helper is flagged, as SUSPECT.md describes for milanj-nginx", () => {
  const { diagnostics } = lint('templated', 'milanj-nginx__securitygrouppolicy.yaml');
  const warning = diagnostics.find((diagnostic) => diagnostic.code === 'TPL004');
  assert.ok(warning, 'no TPL004');
  assert.match(warning.message, /"regions-service\.labels"/);
});

test('placeholders left in plain YAML get a TPL001 note instead of a format error', () => {
  for (const name of PLACEHOLDER_FILES) {
    const { diagnostics } = lint('valid', name);
    const notes = diagnostics.filter((diagnostic) => diagnostic.code === 'TPL001');
    assert.ok(notes.length > 0, `${name} has no TPL001`);
    for (const note of notes) assert.equal(note.severity, 'info');
  }
});

// --- real-world-2 -------------------------------------------------------------------------------

const CORPUS_2 = join(FIXTURES, 'corpus', 'real-world-2');
const VPONOIKOAIT = 'vponoikoait__k8s-network-policies__docs__includes_policies_';

/**
 * The errors and warnings (`line:CODE`) of each file of real-world-2, each folder linted as one
 * `eksnet lint` run. Every other file gets none (info notes are free).
 */
const EXPECTED_2: Record<string, string[]> = {
  // E: `namespaceSelector` beside `from` is an unknown rule field.
  [`${VPONOIKOAIT}level2-allow-same-namespace.yaml`]: ['20:SCH001'],
  // E: `dnsName` is not a peer field. Also correct, not in SUSPECT.md: egress is isolated and no
  // rule allows DNS (the rules reach redis on 6379 and the unknown peer on 443).
  [`${VPONOIKOAIT}level10-zero-trust.yaml`]: ['36:SCH001', '28:NP203'],
  // E: a block sequence after mapping keys; reported on the `- namespaceSelector` line itself.
  [`${VPONOIKOAIT}level13-service-account.yaml`]: ['28:YAML001'],
  // E: unknown field `when`. Also correct: an egress-only policy to 169.254.169.254:80 blocks DNS.
  [`${VPONOIKOAIT}level14-pod-lifecycle.yaml`]: ['24:SCH001', '17:NP203'],
  // E: `dnsName`; `port: 8888-8890` is a string, an invalid port name. W: egress-only, no policyTypes.
  // (The second rule allows every port to 192.168.200.0/24, so DNS there is not ruled out.)
  [`${VPONOIKOAIT}level15-ai-workloads.yaml`]: ['19:SCH001', '21:NP103', '17:NP202'],
  'WadeBarnes__candyscan__infra_candyscan_daemon_networkpolicy.yaml': ['12:SCH001'],
  'WadeBarnes__candyscan__infra_candyscan_elasticsearch_networkpolicy.yaml': ['12:SCH001'],
  // E: `labels:` at the top level.
  'miztiik__eks-security-with-security-group__stacks_k8s_utils_manifests_red-ingress-aws-security-policy.yml':
    ['6:SCH001'],
  // E: `name:us-west-2a` and `subnet:…` without a space are strings; securityGroups at the top level
  // is kept by the CRD and ignored by the CNI.
  'jicowan__eniconfig-generator__us-west-2a.yaml': ['4:SCH002', '6:SCH002', '7:ENI203'],
  'jicowan__eniconfig-generator__us-west-2b.yaml': ['4:SCH002', '6:SCH002', '7:ENI203'],
  'jicowan__eniconfig-generator__us-west-2c.yaml': ['4:SCH002', '6:SCH002', '7:ENI203'],
  // W: `port: 53` is TCP, so UDP DNS is blocked; egress-only without policyTypes denies ingress too.
  [`${VPONOIKOAIT}level5-allow-external-egress.yaml`]: ['15:NP202', '15:NP203'],
  // W: egress-only without policyTypes; the cloudflare file has the same name (reported on it).
  'abdidarmawan007__k8s-network-policy__networkpolicy-egress-default-denny.yaml': ['9:NP202'],
  'abdidarmawan007__k8s-network-policy__networkpolicy-ingress-cloudflare.yaml': ['5:API003'],
  // W: no spec: every pod of `default` is isolated for ingress, the LoadBalancer's nginx included.
  'asashiho__aks-firewall__networkpolicy.yaml': ['1:NP211'],
  // W: two ENIConfigs named ap-northeast-2a; group2 and group3 reuse group1's name.
  'Zerotay__AEWS-3th__2week_practice_eni-config.yaml': ['13:API003'],
  'whchoi98__myeks__group2-pod-netconfig.yaml': ['4:API003'],
  'whchoi98__myeks__group3-pod-netconfig.yaml': ['4:API003'],
  // W (intentional test data): no podSelector and no rules, a namespace-wide deny-all in both
  // directions. Selecting every pod is the point of a deny-all, so nothing is reported.
  'kyverno__kyverno__test_conformance_chainsaw_generate_clusterpolicy_cornercases_cpol-data-sync-remove-list-element_netpol.yaml':
    [],
  // P: placeholders (TENANT_NAME, sg-placeholder-…, REPLACE-WITH-YOUR-SG-ID) get TPL001 notes only.
  'aws-samples__aws-saas-factory-eks-reference-architecture__services_tenant-onboarding_resources_network-policy.yaml':
    [],
  'luannguyen-awz__hlf-test-app__manifests_security-group-policy.yaml': [],
  'varaprasad1234__eks-network-security__security-group-policy.yaml': [],
  // Valid but unusual: both define hello-server-allow-from-hello-client on purpose (alternative demo
  // steps). Applying both keeps one, which the warning says; no error.
  'GoogleCloudPlatform__gke-network-policy-demo__manifests_network-policy.yaml': ['25:API003'],
  // Valid but unusual: `[namespaceSelector, podSelector: {}]` as OR is intended (NP207 is quiet).
  'kubeflow__manifests__common_kubeflow-namespace_base_kubeflow_katib-db-manager.yaml': [],
  // Correct, not in SUSPECT.md: the corpus holds no policy allowing DNS to these pods (the
  // namespaces' DNS policies of that repository, if any, are not part of the copy).
  'pascariucosmin93__k8s-network-policies__argocd_09-allow-argocd-server-kubernetes-api-egress.yaml': [
    '12:NP203',
  ],
  'pascariucosmin93__k8s-network-policies__monitoring_15-allow-prometheus-monitoring-components-egress.yaml':
    ['14:NP203'],
  // Correct, not in SUSPECT.md: egress isolated towards one CIDR on 5432 only: no DNS.
  [`${VPONOIKOAIT}level11-cluster-aware.yaml`]: ['23:NP203'],
  // Correct, not in SUSPECT.md: DNS server pods may send UDP 53 out but not TCP 53.
  [`${VPONOIKOAIT}level6-multi-protocol.yaml`]: ['21:NP203'],
};

/** Plain files SUSPECT.md lists for placeholders: each gets a TPL001 note. */
const PLACEHOLDER_FILES_2 = [
  'aws-samples__aws-saas-factory-eks-reference-architecture__services_tenant-onboarding_resources_network-policy.yaml',
  'luannguyen-awz__hlf-test-app__manifests_security-group-policy.yaml',
  'varaprasad1234__eks-network-security__security-group-policy.yaml',
];

/** Each folder of real-world-2 as one `eksnet lint` run: file name → its diagnostics and text. */
function lintFolder(folder: string): Map<string, { text: string; diagnostics: Diagnostic[] }> {
  const names = readdirSync(join(CORPUS_2, folder)).filter((file) => /\.(ya?ml|tpl)$/.test(file));
  const files = names.map((name) => ({ name, text: readFileSync(join(CORPUS_2, folder, name), 'utf8') }));
  const results = lintTexts(files);
  return new Map(files.map((file, index) => [file.name, { text: file.text, diagnostics: results[index] }]));
}

const RUNS_2 = { plain: lintFolder('plain'), templated: lintFolder('templated') };

test('real-world-2: every file SUSPECT.md names has an expectation here, and every expectation a file', () => {
  const named = suspectFiles(CORPUS_2);
  assert.deepEqual(
    [...named].filter((name) => !(name in EXPECTED_2)),
    [],
  );
  assert.ok(named.size >= 19, `expected the SUSPECT.md tables to name files, found ${named.size}`);
  assert.deepEqual(
    Object.keys(EXPECTED_2).filter((name) => !RUNS_2.plain.has(name) && !RUNS_2.templated.has(name)),
    [],
  );
  assert.equal(RUNS_2.plain.size, 68);
  assert.equal(RUNS_2.templated.size, 10);
});

for (const [folder, run] of Object.entries(RUNS_2)) {
  for (const [name, { text, diagnostics }] of run) {
    const expected = EXPECTED_2[name] ?? [];
    test(`real-world-2 ${folder}/${name} gets ${expected.length === 0 ? 'no errors or warnings' : 'exactly what SUSPECT.md describes'}`, () => {
      const lines = new LineIndex(text);
      const actual = diagnostics
        .filter((diagnostic) => diagnostic.severity !== 'info')
        .map((diagnostic) => `${lines.positionAt(diagnostic.range.start).line + 1}:${diagnostic.code}`);
      assert.deepEqual(
        actual.sort(),
        [...expected].sort(),
        diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`).join('\n'),
      );
    });
  }
}

test('real-world-2: placeholders left in plain files get TPL001 notes, and templates are never broken YAML', () => {
  for (const name of PLACEHOLDER_FILES_2) {
    const found = RUNS_2.plain.get(name)?.diagnostics ?? [];
    assert.ok(
      found.some((diagnostic) => diagnostic.code === 'TPL001' && diagnostic.severity === 'info'),
      `${name} has no TPL001`,
    );
  }
  for (const [name, { diagnostics }] of RUNS_2.templated) {
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'YAML001'), `${name} got YAML001`);
  }
});
