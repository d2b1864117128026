// Hover: key docs from the schemas, CIDR facts, AWS IDs, selectors in words, the summary on `kind:`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../src/engine/editing';
import { withDefaults } from '../../src/engine';
import { withCursor } from './cursorText';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-frontend
  namespace: shop
spec:
  podSelector:
    matchLabels:
      role: db
  ingress:
    - from:
        - ipBlock:
            cidr: 172.17.0.0/16
            except:
              - 172.17.1.0/24
              - 10.0.0.0/8
        - namespaceSelector:
            matchLabels:
              project: myproject
          podSelector:
            matchLabels:
              role: frontend
      ports:
        - protocol: TCP
          port: 6379
`;

function hoverOn(needle: string, text = POLICY, delta = 1) {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset > 0, `"${needle}" is in the text`);
  const result = hoverAt(text, offset, {
    settings: withDefaults({}),
    findUses: () => ['ENIConfig us-west-2a'],
  });
  return { result, covered: result ? text.slice(result.range.start, result.range.end) : undefined };
}

test('a key shows its description, type, allowed values, default and docs link', () => {
  const { result, covered } = hoverOn('protocol');
  assert.equal(covered, 'protocol');
  const markdown = result?.markdown ?? '';
  assert.match(markdown, /\*\*protocol\*\* · `string`/);
  assert.match(markdown, /Allowed values: `TCP`, `UDP`, `SCTP`/);
  assert.match(markdown, /Default: `TCP`/);
  assert.match(markdown, /\[Documentation\]\(https:\/\/kubernetes\.io\//);
});

test('an enum value shows the docs of its key', () => {
  const { result, covered } = hoverOn('TCP');
  assert.equal(covered, 'TCP');
  assert.match(result?.markdown ?? '', /Transport protocol/);
});

test('a CIDR shows its first and last address, size, family and which excepts lie inside', () => {
  const { result, covered } = hoverOn('172.17.0.0/16');
  assert.equal(covered, '172.17.0.0/16');
  assert.equal(
    result?.markdown,
    [
      '**172.17.0.0/16** · IPv4 CIDR',
      '- First address: 172.17.0.0',
      '- Last address: 172.17.255.255',
      '- Size: 65,536 addresses (/16)',
      '- except 172.17.1.0/24: inside, so excluded from this block.',
      '- except 10.0.0.0/8: not inside 172.17.0.0/16, so the API server rejects it.',
    ].join('\n'),
  );
});

test('an except entry says whether it lies inside its cidr', () => {
  assert.match(hoverOn('172.17.1.0/24').result?.markdown ?? '', /Inside cidr 172\.17\.0\.0\/16/);
  assert.match(hoverOn('10.0.0.0/8').result?.markdown ?? '', /Not a strict subset of cidr 172\.17\.0\.0\/16/);
});

test('an IPv6 CIDR with host bits says how the API server reads it', () => {
  const text = POLICY.replace('172.17.0.0/16', '2001:db8::1/64');
  const markdown = hoverOn('2001:db8::1/64', text).result?.markdown ?? '';
  assert.match(markdown, /IPv6 CIDR/);
  assert.match(markdown, /Last address: 2001:db8::ffff:ffff:ffff:ffff/);
  assert.match(markdown, /Size: 18,446,744,073,709,551,616 addresses/);
  assert.match(markdown, /reads this as 2001:db8::\/64/);
});

test('selectors are summarised in words, with AND inside one peer', () => {
  assert.match(
    hoverOn('podSelector').result?.markdown ?? '',
    /\*\*Selects:\*\* pods with role=db in namespace "shop"/,
  );
  assert.match(
    hoverOn('namespaceSelector').result?.markdown ?? '',
    /\*\*This peer matches:\*\* pods with role=frontend in namespaces with project=myproject/,
  );
  assert.match(hoverOn('myproject').result?.markdown ?? '', /This peer matches/);
});

test('on kind: the short explanation of the policy', () => {
  const { result } = hoverOn('kind');
  const markdown = result?.markdown ?? '';
  assert.match(markdown, /\*\*NetworkPolicy shop\/allow-frontend\*\*/);
  assert.match(markdown, /Applies to: pods with role=db in namespace "shop"\./);
  assert.match(markdown, /policyTypes is not set, so it defaults to Ingress/);
  assert.match(markdown, /Egress: not restricted by this policy\./);
  assert.equal(hoverOn('NetworkPolicy', POLICY, 2).result?.markdown, markdown);
});

test('sg- and subnet- IDs say what they are and where they are used', () => {
  const eni = `apiVersion: crd.k8s.amazonaws.com/v1alpha1
kind: ENIConfig
metadata:
  name: us-west-2a
spec:
  securityGroups:
    - sg-0123456789abcdef0
  subnet: subnet-0123456789abcdef0
`;
  const group = hoverOn('sg-0123', eni).result?.markdown ?? '';
  assert.match(group, /\*\*sg-0123456789abcdef0\*\* · Security group ID/);
  assert.match(group, /Pod network interfaces on nodes that use this ENIConfig get it/);
  assert.match(group, /Used in: ENIConfig us-west-2a/);
  assert.match(hoverOn('subnet-0123', eni).result?.markdown ?? '', /Subnet ID[\s\S]*availability zone/);
});

test('works while the document is not valid YAML yet', () => {
  const broken = `${POLICY}  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.1.0.0/16\n      ports: [\n`;
  const { result } = hoverOn('10.1.0.0/16', broken);
  assert.match(result?.markdown ?? '', /Last address: 10\.1\.255\.255/);
  const { result: key } = hoverOn('policyTypes', withCursor(`${POLICY}  policyTypes:‸\n`).text);
  assert.match(key?.markdown ?? '', /Directions this policy isolates/);
});

test('says nothing on documents that are not ours', () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n';
  assert.equal(hoverOn('replicas', deployment).result, undefined);
});

test('in a one-line flow list, the item under the cursor is the one described', () => {
  const text = POLICY.replace(
    'cidr: 172.17.0.0/16\n            except:\n              - 172.17.1.0/24\n              - 10.0.0.0/8',
    'cidr: 172.17.0.0/16\n            except: [172.17.1.0/24, "10.0.0.0/8"]',
  );
  const { result, covered } = hoverOn('10.0.0.0/8', text);
  assert.equal(covered, '"10.0.0.0/8"');
  assert.match(result?.markdown ?? '', /Not a strict subset of cidr 172\.17\.0\.0\/16/);
  assert.match(hoverOn('172.17.1.0/24', text).result?.markdown ?? '', /Inside cidr/);
});

test('on policyTypes, ingress and a rule: what that part means in this policy', () => {
  const text = POLICY.replace('spec:\n', 'spec:\n  policyTypes: [Ingress]\n');
  assert.match(
    hoverOn('policyTypes', text).result?.markdown ?? '',
    /\*\*Here:\*\* Directions: Ingress \(listed in policyTypes\)\./,
  );
  assert.match(
    hoverOn('ingress', text).result?.markdown ?? '',
    /\*\*Here:\*\* Ingress: isolated, 1 rule allows traffic\./,
  );
  const rule = hoverOn('ports', text).result?.markdown ?? '';
  assert.match(rule, /\*\*Ingress rule 1:\*\* Rule 1 allows TCP port 6379 from any of:/);
  assert.match(rule, /pods with role=frontend in namespaces with project=myproject/);
});

test('hover works on the items of a kind: List', () => {
  const list = `apiVersion: v1\nkind: List\nitems:\n${POLICY.split('\n')
    .map((line, index) => (line === '' ? '' : `${index === 0 ? '  - ' : '    '}${line}`))
    .join('\n')}`;
  assert.match(hoverOn('protocol', list).result?.markdown ?? '', /Transport protocol/);
  assert.match(
    hoverOn('kind: Net', list).result?.markdown ?? '',
    /\*\*NetworkPolicy shop\/allow-frontend\*\*/,
  );
  assert.match(hoverOn('172.17.0.0/16', list).result?.markdown ?? '', /except 172\.17\.1\.0\/24: inside/);
});

test('an ENIConfig name says which nodes use it', () => {
  const eni =
    'apiVersion: crd.k8s.amazonaws.com/v1alpha1\nkind: ENIConfig\nmetadata:\n  name: us-west-2a\nspec:\n  subnet: subnet-1\n';
  const markdown = hoverOn('us-west-2a', eni).result?.markdown ?? '';
  assert.match(markdown, /label or annotation is `us-west-2a`/);
  assert.match(markdown, /when they run in zone `us-west-2a`/);
});
