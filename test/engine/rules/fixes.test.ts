// Quick fixes exported by rules: applying the fix gives the manifest a user would write by hand,
// keeps indentation and quoting, and makes the finding go away.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, type Diagnostic, type EngineSettings, type QuickFix } from '../../../src/engine';

const HEADER =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n';

function applyFix(text: string, fix: QuickFix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

function fixFor(text: string, code: string, title: RegExp, settings?: Partial<EngineSettings>): QuickFix {
  const diagnostic = lintText(text, settings).find((d: Diagnostic) => d.code === code);
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const fix = diagnostic.fixes?.find((candidate) => title.test(candidate.title));
  assert.ok(fix, `no fix matching ${title} among ${JSON.stringify(diagnostic.fixes?.map((f) => f.title))}`);
  return fix;
}

function assertFixed(before: string, code: string, title: RegExp, after: string): void {
  const fixed = applyFix(before, fixFor(before, code, title));
  assert.equal(fixed, after);
  assert.ok(!lintText(fixed).some((d) => d.code === code), `${code} still reported after the fix`);
}

test('NP102 swaps port and endPort when the range is written backwards', () => {
  const body = (a: number, b: number): string =>
    `${HEADER}  ingress:\n    - ports:\n        - protocol: TCP\n          port: ${a}\n          endPort: ${b}\n`;
  assertFixed(body(32768, 32000), 'NP102', /Swap/, body(32000, 32768));
});

test('NP103 turns a quoted number into a numeric port', () => {
  const body = (port: string): string => `${HEADER}  ingress:\n    - ports:\n        - port: ${port}\n`;
  assertFixed(body('"8080"'), 'NP103', /number/, body('8080'));
});

test('NP111 removes an except entry outside its cidr, with its line', () => {
  const body = (excepts: string): string =>
    `${HEADER}  ingress:\n    - from:\n        - ipBlock:\n            cidr: 10.0.0.0/16\n            except:\n${excepts}`;
  assertFixed(
    body('              - 10.0.1.0/24\n              - 192.168.0.0/24\n'),
    'NP111',
    /Remove/,
    body('              - 10.0.1.0/24\n'),
  );
});

test('NP201 adds the missing direction to a flow or block policyTypes list', () => {
  const egress =
    '  egress:\n    - ports:\n        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n';
  assertFixed(
    `${HEADER}  policyTypes: [Ingress]\n${egress}`,
    'NP201',
    /Add Egress/,
    `${HEADER}  policyTypes: [Ingress, Egress]\n${egress}`,
  );
  assertFixed(
    `${HEADER}  policyTypes:\n    - Ingress\n${egress}`,
    'NP201',
    /Add Egress/,
    `${HEADER}  policyTypes:\n    - Ingress\n    - Egress\n${egress}`,
  );
});

test('NP202 adds policyTypes: [Egress] before an egress-only policy', () => {
  const egress =
    '  egress:\n    - ports:\n        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n';
  assertFixed(
    `${HEADER}${egress}`,
    'NP202',
    /policyTypes/,
    `${HEADER}  policyTypes:\n    - Egress\n${egress}`,
  );
});

test('NP203 appends a DNS egress rule to kube-dns at the list indentation', () => {
  const rule =
    '    - to:\n        - podSelector:\n            matchLabels:\n              app: db\n      ports:\n        - port: 5432\n';
  const before = `${HEADER}  policyTypes: [Egress]\n  egress:\n${rule}`;
  const fixed = applyFix(before, fixFor(before, 'NP203', /DNS/));
  assert.equal(
    fixed,
    `${before}    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n      ports:\n        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n`,
  );
  assert.ok(!lintText(fixed).some((d) => d.code === 'NP203'));
});

test('NP207 merges a namespaceSelector and podSelector written as two peers into one (AND)', () => {
  const peers = (dash: string): string =>
    `${HEADER}  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              team: a\n        ${dash} podSelector:\n            matchLabels:\n              app: web\n`;
  assertFixed(peers('-'), 'NP207', /Merge/, peers(' '));
});

test('NP208 replaces a CIDR with host bits by its network address, keeping quotes', () => {
  const body = (cidr: string): string =>
    `${HEADER}  ingress:\n    - from:\n        - ipBlock:\n            cidr: ${cidr}\n`;
  assertFixed(body('"10.0.0.1/24"'), 'NP208', /network address/, body('"10.0.0.0/24"'));
  assertFixed(body('10.0.0.1/24'), 'NP208', /single address/, body('10.0.0.1/32'));
});

test('SGP101 and ENI102 lower-case an ID typed in capitals', () => {
  const eni = (id: string): string =>
    `apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: us-west-2a\nspec:\n  subnet: subnet-0123456789abcdef0\n  securityGroups:\n    - ${id}\n`;
  assertFixed(eni('sg-0123456789ABCDEF0'), 'ENI102', /Change/, eni('sg-0123456789abcdef0'));
});

test('ENI201 removes metadata.namespace from an ENIConfig', () => {
  const eni = (namespace: string): string =>
    `apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: us-west-2a\n${namespace}spec:\n  subnet: subnet-0123456789abcdef0\n`;
  assertFixed(eni('  namespace: default\n'), 'ENI201', /Remove/, eni(''));
});

test('NP120 fixes the capitalisation of a selector operator', () => {
  const body = (operator: string): string =>
    `${HEADER}  ingress:\n    - from:\n        - podSelector:\n            matchExpressions:\n              - key: tier\n                operator: ${operator}\n                values: [web]\n`;
  assertFixed(body('notin'), 'NP120', /NotIn/, body('NotIn'));
});

test('SGP102 suggests the nearest operator for a misspelled one', () => {
  const sgp = (operator: string): string =>
    `apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: s\n  namespace: shop\nspec:\n  podSelector:\n    matchExpressions:\n      - key: role\n        operator: ${operator}\n  securityGroups:\n    groupIds:\n      - sg-0123456789abcdef0\n`;
  assertFixed(sgp('Exist'), 'SGP102', /Exists/, sgp('Exists'));
});

test('NP210 rewrites leading zeros and IPv4-mapped IPv6 CIDRs in their plain form', () => {
  const body = (cidr: string): string =>
    `${HEADER}  ingress:\n    - from:\n        - ipBlock:\n            cidr: ${cidr}\n`;
  assertFixed(body("'010.000.0.0/08'"), 'NP210', /Write/, body("'10.0.0.0/8'"));
  assertFixed(body('"::ffff:10.0.0.0/104"'), 'NP210', /Write/, body('"10.0.0.0/8"'));
});

test('TPL004 switches a Helm selector to the selectorLabels helper', () => {
  const chart = (helper: string): string =>
    `apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: {{ include "api.fullname" . }}\nspec:\n  podSelector:\n    matchLabels:\n      {{- include "${helper}" . | nindent 6 }}\n`;
  const fixed = applyFix(chart('api.labels'), fixFor(chart('api.labels'), 'TPL004', /selectorLabels/));
  assert.equal(fixed, chart('api.selectorLabels'));
  assert.ok(!lintText(fixed).some((d) => d.code === 'TPL004'));
});

test('API002 turns a plural or misspelled kind into ours, and API001 a near-miss group into ours', () => {
  const sgp = (apiVersion: string, kind: string): string =>
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  podSelector: {}\n  securityGroups:\n    groupIds: [sg-0123456789abcdef0]\n`;
  assertFixed(
    sgp('vpcresources.k8s.aws/v1beta1', 'SecurityGroupPolicies'),
    'API002',
    /Change kind to SecurityGroupPolicy/,
    sgp('vpcresources.k8s.aws/v1beta1', 'SecurityGroupPolicy'),
  );
  assertFixed(
    sgp('vpcresources.amazonaws.com/v1beta1', 'SecurityGroupPolicy'),
    'API001',
    /Change apiVersion to vpcresources\.k8s\.aws\/v1beta1/,
    sgp('vpcresources.k8s.aws/v1beta1', 'SecurityGroupPolicy'),
  );
});
