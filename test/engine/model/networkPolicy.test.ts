// The NetworkPolicy model: the API server's defaulting, peers and ports with their defaults, DNS
// reachability and the EKS agent's port table, read once for every feature.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { lintText } from '../../../src/engine';
import { eksPortTableOverflows } from '../../../src/engine/model/eksPortTable';
import { readNetworkPolicy } from '../../../src/engine/model/networkPolicy';
import { dnsEgress, unresolvableNamedPorts } from '../../../src/engine/model/policyFacts';

const model = (spec: string) =>
  readNetworkPolicy(parse(`kind: NetworkPolicy\nmetadata:\n  name: p\n  namespace: shop\n${spec}`));

test('policyTypes: listed wins; absent or [] defaults to Ingress, plus Egress only when egress rules are listed', () => {
  assert.deepEqual(model('spec:\n  policyTypes: [Egress, Egress]').policyTypes, {
    source: 'listed',
    ingress: false,
    egress: true,
    listed: ['Egress'],
  });
  const egressRules = model('spec:\n  egress:\n    - {}').policyTypes;
  assert.equal(egressRules.source, 'defaulted');
  assert.equal(egressRules.egress, true);
  const emptyEgress = model('spec:\n  policyTypes: []\n  egress: []').policyTypes;
  assert.deepEqual(emptyEgress, {
    source: 'defaulted',
    ingress: true,
    egress: false,
    written: 'empty',
    egressRules: 'empty-list',
  });
  assert.equal(
    model('spec:\n  policyTypes: [Ingress]\n  egress:\n    - {}').egress.rules[0].effective,
    false,
  );
});

test('a missing spec is every pod, isolated for ingress; a missing podSelector selects every pod', () => {
  const none = readNetworkPolicy({ kind: 'NetworkPolicy', metadata: { name: 'p' } });
  assert.equal(none.spec, 'absent');
  assert.equal(none.ingress.isolated, true);
  assert.equal(none.egress.isolated, false);
  assert.equal(none.podSelector.written, false);
  assert.deepEqual(none.podSelector.selector, { requirements: [] });
});

test('ports: protocol defaults to TCP; numbers, ranges, all ports, named ports, placeholders and invalid ranges', () => {
  const [rule] = model(
    [
      'spec:',
      '  ingress:',
      '    - ports:',
      '        - port: 80',
      '        - protocol: UDP',
      '          port: 32000',
      '          endPort: 32768',
      '        - protocol: SCTP',
      '        - port: http',
      '        - port: ${PORT}',
      '        - port: 90',
      '          endPort: 80',
    ].join('\n'),
  ).ingress.rules;
  assert.deepEqual(
    rule.ports?.map((port) => [port.protocol, port.protocolWritten, port.port]),
    [
      ['TCP', false, { kind: 'range', start: 80, end: 80 }],
      ['UDP', true, { kind: 'range', start: 32000, end: 32768 }],
      ['SCTP', true, { kind: 'all' }],
      ['TCP', false, { kind: 'named', name: 'http' }],
      ['TCP', false, { kind: 'templated' }],
      ['TCP', false, { kind: 'invalid' }],
    ],
  );
  assert.equal(rule.peers, undefined, 'no from: every source');
});

test('peers: pods (AND of both selectors), ipBlock with except, and the invalid shapes', () => {
  const [rule] = model(
    [
      'spec:',
      '  ingress:',
      '    - from:',
      '        - namespaceSelector: {}',
      '          podSelector:',
      '            matchLabels: { app: web }',
      '        - ipBlock:',
      '            cidr: 10.0.0.0/8',
      '            except: [10.1.0.0/16]',
      '        - {}',
      '        - ipBlock: { cidr: 10.0.0.0/8 }',
      '          podSelector: {}',
    ].join('\n'),
  ).ingress.rules;
  const [pods, block, empty, mixed] = rule.peers ?? [];
  assert.equal(pods.kind, 'pods');
  assert.deepEqual(pods.kind === 'pods' && pods.namespaceSelector, { requirements: [] });
  assert.equal(block.kind === 'ipBlock' && block.cidr?.prefixLength, 8);
  assert.equal(block.kind === 'ipBlock' && block.except[0].cidr?.prefixLength, 16);
  assert.deepEqual([empty.kind, empty.kind === 'invalid' && empty.reason], ['invalid', 'empty']);
  assert.deepEqual(
    [mixed.kind, mixed.kind === 'invalid' && mixed.reason],
    ['invalid', 'ipBlock-with-selector'],
  );
});

test('DNS: UDP and TCP 53, ranges and "all ports" holding 53, the dns/dns-tcp/domain names, and placeholders count', () => {
  const egress = (ports: string) =>
    dnsEgress(model(`spec:\n  policyTypes: [Egress]\n  egress:\n    - ports:\n${ports}`));
  assert.deepEqual(egress('        - { protocol: UDP, port: 53 }'), { UDP: true, TCP: false });
  assert.deepEqual(egress('        - { port: 53 }'), { UDP: false, TCP: true });
  assert.deepEqual(egress('        - { protocol: UDP, port: dns }\n        - { port: dns-tcp }'), {
    UDP: true,
    TCP: true,
  });
  assert.deepEqual(
    egress('        - { protocol: UDP, port: 1, endPort: 1024 }\n        - { protocol: TCP }'),
    {
      UDP: true,
      TCP: true,
    },
  );
  assert.deepEqual(egress('        - { protocol: "${PROTO}", port: 53 }'), { UDP: true, TCP: true });
  assert.deepEqual(egress('        - { protocol: UDP, port: 5353 }'), { UDP: false, TCP: false });
  // A rule whose peers all match nothing allows nothing, DNS included.
  assert.deepEqual(dnsEgress(model('spec:\n  policyTypes: [Egress]\n  egress:\n    - to: [{}]')), {
    UDP: false,
    TCP: false,
  });
  // Egress rules of a policy that does not isolate egress are ignored.
  assert.deepEqual(dnsEgress(model('spec:\n  policyTypes: [Ingress]\n  egress:\n    - {}')), {
    UDP: false,
    TCP: false,
  });
});

test('EKS: named egress ports towards ipBlocks or every destination cannot be resolved', () => {
  const found = unresolvableNamedPorts(
    model(
      [
        'spec:',
        '  policyTypes: [Egress]',
        '  egress:',
        '    - ports: [{ port: https }]',
        '    - to: [{ ipBlock: { cidr: 10.0.0.0/8 } }]',
        '      ports: [{ port: metrics }]',
        '    - to: [{ podSelector: {} }]',
        '      ports: [{ port: http }]',
      ].join('\n'),
    ),
  );
  assert.deepEqual(
    found.map(({ name, towards }) => [name, towards]),
    [
      ['https', 'everyone'],
      ['metrics', 'ipBlock'],
    ],
  );
});

/** An ingress rule from `peer` (YAML flow) on `count` ports starting at `first`. */
function rule(peer: string | undefined, first: number, count: number): string {
  const ports = Array.from({ length: count }, (_, i) => `{ port: ${first + i} }`).join(', ');
  return `    - ${peer ? `from: [${peer}]\n      ` : ''}ports: [${ports}]`;
}

function policyWith(...rules: string[]): string {
  return [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: many-ports',
    '  namespace: shop',
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Ingress]',
    '  ingress:',
    ...rules,
    '',
  ].join('\n');
}

const np302 = (text: string) => lintText(text).filter((d) => d.code === 'NP302');
const WEB = '{ podSelector: { matchLabels: { app: web } } }';
const API = '{ podSelector: { matchLabels: { app: api } } }';

test('EKS port table: 13 + 13 ports to the same peer add up to 26 and are reported, on the second rule', () => {
  const text = policyWith(rule(WEB, 8000, 13), rule(WEB, 9000, 13));
  const found = np302(text);
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /26 unique port\/protocol combinations reach the same peer through ingress rules 1 and 2/,
  );
  assert.equal(found[0].path, 'spec.ingress[1].ports');
});

test('EKS port table: 13 + 13 ports to different peers do not add up', () => {
  assert.deepEqual(np302(policyWith(rule(WEB, 8000, 13), rule(API, 9000, 13))), []);
});

test('EKS port table: a rule without peers reaches every address, so its ports add to every other rule', () => {
  assert.equal(np302(policyWith(rule(undefined, 8000, 13), rule(API, 9000, 13))).length, 1);
  // A /0 block is the same as no peers; a CIDR inside a broader block inherits its ports.
  assert.equal(
    np302(policyWith(rule('{ ipBlock: { cidr: 0.0.0.0/0 } }', 8000, 13), rule(API, 9000, 13))).length,
    1,
  );
  assert.equal(
    np302(
      policyWith(
        rule('{ ipBlock: { cidr: 10.0.0.0/8 } }', 8000, 13),
        rule('{ ipBlock: { cidr: 10.1.0.0/16 } }', 9000, 13),
      ),
    ).length,
    1,
  );
  // Unless the narrower block is cut out of the broader one.
  assert.deepEqual(
    np302(
      policyWith(
        rule('{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }', 8000, 13),
        rule('{ ipBlock: { cidr: 10.1.0.0/16 } }', 9000, 13),
      ),
    ),
    [],
  );
});

test('EKS port table: counts unique entries across protocols; 24 fit, duplicates count once', () => {
  assert.deepEqual(np302(policyWith(rule(WEB, 8000, 24))), []);
  assert.deepEqual(np302(policyWith(rule(WEB, 8000, 12), rule(WEB, 8000, 13))), []);
  const udp = `    - from: [${WEB}]\n      ports: [${Array.from({ length: 12 }, (_, i) => `{ protocol: UDP, port: ${7000 + i} }`).join(', ')}]`;
  const overflows = eksPortTableOverflows(
    readNetworkPolicy(parse(policyWith(rule(WEB, 8000, 13), udp))),
    'ingress',
  );
  assert.deepEqual(
    overflows.map((overflow) => overflow.entries),
    [25],
  );
  // Only for the eks target.
  assert.deepEqual(
    lintText(policyWith(rule(WEB, 8000, 30)), { target: 'generic' }).filter((d) => d.code === 'NP302'),
    [],
  );
});
