// The exact messages and field paths of the NetworkPolicy parity rules, as the API server prints
// them (`<field path>: <type>: <value>: <detail>`), one manifest per case.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../src/engine';

function policy(spec: string, metadata = '  name: p\n  namespace: shop\n'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n${metadata}spec:\n  podSelector:\n    matchLabels:\n      app: api\n${spec}`;
}

function errors(text: string): string[] {
  return lintText(text)
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map((diagnostic) => diagnostic.message);
}

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const CASES: Array<[string, string, string[]]> = [
  [
    'P1 protocol is case-sensitive',
    policy('  ingress:\n    - ports:\n        - protocol: ICMP\n'),
    ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"'],
  ],
  [
    'P2 port out of range',
    policy('  ingress:\n    - ports:\n        - port: 123456789\n'),
    ['spec.ingress[0].ports[0].port: Invalid value: 123456789: must be between 1 and 65535, inclusive'],
  ],
  [
    'P3 endPort below port (the API server prints the port)',
    policy('  egress:\n    - ports:\n        - port: 32768\n          endPort: 32000\n'),
    ['spec.egress[0].ports[0].endPort: Invalid value: 32768: must be greater than or equal to `port`'],
  ],
  [
    'P4 endPort out of range',
    policy('  egress:\n    - ports:\n        - port: 32000\n          endPort: 65537\n'),
    ['spec.egress[0].ports[0].endPort: Invalid value: 65537: must be between 1 and 65535, inclusive'],
  ],
  [
    'P5 endPort with a named port',
    policy('  egress:\n    - ports:\n        - port: metrics\n          endPort: 32768\n'),
    [
      'spec.egress[0].ports[0].endPort: Invalid value: 32768: may not be specified when `port` is non-numeric',
    ],
  ],
  [
    'P6 endPort without port (its range is then not checked)',
    policy('  egress:\n    - ports:\n        - endPort: 65537\n'),
    [
      'spec.egress[0].ports[0].endPort: Invalid value: 65537: may not be specified when `port` is not specified',
    ],
  ],
  [
    'P7–P11 named port: every broken rule is its own error',
    policy('  ingress:\n    - ports:\n        - port: "-80--"\n'),
    [
      'spec.ingress[0].ports[0].port: Invalid value: "-80--": must contain at least one letter (a-z)',
      'spec.ingress[0].ports[0].port: Invalid value: "-80--": must not contain consecutive hyphens',
      'spec.ingress[0].ports[0].port: Invalid value: "-80--": must not begin or end with a hyphen',
    ],
  ],
  [
    'P7/P8 long upper-case port name',
    policy('  ingress:\n    - ports:\n        - port: VeryLongPortName1\n'),
    [
      'spec.ingress[0].ports[0].port: Invalid value: "VeryLongPortName1": must be no more than 15 characters',
      'spec.ingress[0].ports[0].port: Invalid value: "VeryLongPortName1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ],
  ],
  [
    'R1 empty peer',
    policy('  ingress:\n    - from:\n        - {}\n'),
    ['spec.ingress[0].from[0]: Required value: must specify a peer'],
  ],
  [
    'R2 ipBlock with a selector',
    policy(
      '  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.0.0.0/8\n          namespaceSelector: {}\n',
    ),
    ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer'],
  ],
  [
    'B1 empty cidr',
    policy(
      '  ingress:\n    - from:\n        - ipBlock:\n            cidr: ""\n            except: ["nonsense"]\n',
    ),
    ['spec.ingress[0].from[0].ipBlock.cidr: Required value'],
  ],
  [
    'B2/B3 invalid cidr, except not checked',
    policy(
      '  ingress:\n    - from:\n        - ipBlock:\n            cidr: 192.168.5.6\n            except: ["10.0.0.0/33"]\n',
    ),
    [
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "192.168.5.6": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ],
  ],
  [
    'B4/B5 invalid except and excepts that are not strict subsets',
    policy(
      '  ingress:\n    - from:\n        - ipBlock:\n            cidr: 192.168.0.0/16\n            except: [" ", "192.168.0.0/16", "192.169.0.0/24", "fd00::/64"]\n',
    ),
    [
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: " ": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
      'spec.ingress[0].from[0].ipBlock.except[2]: Invalid value: "192.169.0.0/24": must be a strict subset of `cidr`',
      'spec.ingress[0].from[0].ipBlock.except[3]: Invalid value: "fd00::/64": must be a strict subset of `cidr`',
    ],
  ],
  [
    'T1 more than two policyTypes stops there',
    policy('  policyTypes: ["foo", "bar", "baz"]\n'),
    ['spec.policyTypes: Invalid value: ["foo","bar","baz"]: may not specify more than two policyTypes'],
  ],
  [
    'T2 unknown policyType',
    policy('  policyTypes: ["ingress"]\n'),
    ['spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"'],
  ],
  [
    'L1/L2 matchLabels key and value, reported at the map',
    policy(
      '  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              "a b": "-x"\n',
    ),
    [
      `spec.ingress[0].from[0].podSelector.matchLabels: Invalid value: "a b": ${NAME_PART}`,
      `spec.ingress[0].from[0].podSelector.matchLabels: Invalid value: "-x": ${LABEL_VALUE}`,
    ],
  ],
  [
    'L1 label key prefix',
    policy(
      '  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              Example.com/x: y\n',
    ),
    [
      `spec.ingress[0].from[0].namespaceSelector.matchLabels: Invalid value: "Example.com/x": prefix part ${SUBDOMAIN}`,
    ],
  ],
  [
    'L3/L4/L5 matchExpressions operators and values',
    policy(
      '  ingress:\n    - from:\n        - podSelector:\n            matchExpressions:\n              - { key: a, operator: In, values: [] }\n              - { key: b, operator: Exists, values: [x] }\n              - { key: c, operator: in, values: [x] }\n',
    ),
    [
      "spec.ingress[0].from[0].podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.ingress[0].from[0].podSelector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.ingress[0].from[0].podSelector.matchExpressions[2].operator: Invalid value: "in": not a valid selector operator',
    ],
  ],
  [
    'L6/L7 expression key and values',
    policy(
      '  ingress:\n    - from:\n        - podSelector:\n            matchExpressions:\n              - { key: "a/b/c", operator: NotIn, values: ["ok", "not ok"] }\n',
    ),
    [
      `spec.ingress[0].from[0].podSelector.matchExpressions[0].key: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      `spec.ingress[0].from[0].podSelector.matchExpressions[0].values[1]: Invalid value: "not ok": ${LABEL_VALUE}`,
    ],
  ],
  [
    'M1 name required',
    policy('', '  namespace: shop\n'),
    ['metadata.name: Required value: name or generateName is required'],
  ],
  [
    'M2 name syntax',
    policy('', '  name: Allow.Web\n  namespace: shop\n'),
    [`metadata.name: Invalid value: "Allow.Web": ${SUBDOMAIN}`],
  ],
];

for (const [title, text, expected] of CASES) {
  test(`API server wording: ${title}`, () => {
    assert.deepEqual(errors(text), expected);
  });
}

test('the API server accepts what these rules accept: its own valid cases give no error', () => {
  const valid = [
    policy('  ingress:\n    - {}\n'),
    policy('  ingress:\n    - from:\n        - podSelector: {}\n          namespaceSelector: {}\n'),
    policy(
      '  egress:\n    - to:\n        - ipBlock:\n            cidr: fd00:192:168::/48\n            except: ["fd00:192:168:3::/64", "fd00:192:168:4::/64"]\n',
    ),
    policy(
      '  ingress:\n    - ports:\n        - port: 80\n        - protocol: UDP\n          port: dns\n        - protocol: SCTP\n',
    ),
    policy(
      '  egress:\n    - ports:\n        - port: 32000\n          endPort: 32768\n        - port: 8080\n          endPort: 8080\n',
    ),
    policy('  policyTypes: [Ingress, Ingress]\n'),
    policy(
      '  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              example.com/Name_1: ""\n            matchExpressions:\n              - { key: app, operator: NotIn, values: [a, b] }\n              - { key: tier, operator: DoesNotExist }\n',
    ),
  ];
  for (const text of valid) assert.deepEqual(errors(text), [], text);
});

test("the API server's own invalid NetworkPolicy cases are each rejected", () => {
  const ingressPeer = (peer: string): string => policy(`  ingress:\n    - from:\n        - ${peer}\n`);
  const egressPorts = (ports: string): string =>
    policy(
      `  egress:\n    - to:\n        - namespaceSelector: { matchLabels: { c: d } }\n      ports:\n${ports}`,
    );
  const cases: Record<string, string> = {
    'namespaceSelector and ipBlock': ingressPeer(
      '{ namespaceSelector: { matchLabels: { c: d } }, ipBlock: { cidr: 192.168.0.0/16 } }',
    ),
    'missing from and to type': ingressPeer('{}'),
    'invalid spec.podSelector': policy('').replace('app: api', 'NoUppercaseOrSpecialCharsLike=Equals: b'),
    'invalid ingress.ports.port (str)': policy(
      '  ingress:\n    - ports:\n        - { protocol: TCP, port: "!@#$" }\n',
    ),
    'invalid ipv6 cidr format': ingressPeer('{ ipBlock: { cidr: "fd00:192:168::" } }'),
    'except field is an empty string': ingressPeer('{ ipBlock: { cidr: 192.168.0.0/16, except: [""] } }'),
    'except IP is outside of CIDR range': ingressPeer(
      '{ ipBlock: { cidr: 192.168.8.0/24, except: [192.168.9.1/32] } }',
    ),
    'except IPv6 is outside of CIDR range': ingressPeer(
      '{ ipBlock: { cidr: "fd00:192:168:1::/64", except: ["fd00:192:168:2::/64"] } }',
    ),
    'invalid policyTypes': policy('  policyTypes: [foo, bar]\n'),
    'one port range is invalid': egressPorts(
      '        - { protocol: UDP, port: 35000, endPort: 32768 }\n        - { port: 32000, endPort: 32768 }\n',
    ),
    'endPort with a named port': egressPorts('        - { protocol: UDP, port: dns, endPort: 32768 }\n'),
    'endPort without port': egressPorts('        - { protocol: TCP, endPort: 32768 }\n'),
    'invalid endPort range': egressPorts('        - { protocol: TCP, port: 30000, endPort: 65537 }\n'),
  };
  for (const [name, text] of Object.entries(cases)) {
    assert.ok(errors(text).length > 0, `expected an error for "${name}"`);
  }
});
