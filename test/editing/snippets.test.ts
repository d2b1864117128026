// The snippets the server offers: each one, expanded with its defaults, is a manifest (or, for rule
// snippets, a part of one) our own checks accept, and the docs example is reproduced exactly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { lintText, lintTexts } from '../../src/engine';
import { expandSnippet, RESOURCE_SNIPPETS, RULE_SNIPPETS } from '../../src/engine/editing';
import { FIXTURES, PROJECT_ROOT } from '../support/paths';

const contributed = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'snippets', 'eks-networking.json'), 'utf8'),
) as Record<string, { prefix: string; body: string[]; description: string }>;

test('package.json contributes no snippet file: VS Code would offer it on every line of every YAML file', () => {
  const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    contributes: { snippets?: unknown };
  };
  assert.equal(manifest.contributes.snippets, undefined);
});

test('every snippet has exactly one prefix, and no two share one', () => {
  const prefixes = [...RESOURCE_SNIPPETS, ...RULE_SNIPPETS].map((snippet) => snippet.prefix);
  for (const prefix of prefixes) assert.match(prefix, /^[a-z][a-z-]+$/);
  assert.equal(new Set(prefixes).size, prefixes.length);
});

test('the rule snippets, each inserted where it belongs in a policy, have no errors or warnings', () => {
  const at = (place: string) => {
    const snippet = RULE_SNIPPETS.find((candidate) => candidate.place === place);
    assert.ok(snippet, place);
    return expandSnippet(snippet.body);
  };
  const indented = (text: string, column: number) => text.replaceAll('\n', `\n${' '.repeat(column)}`);
  const text = [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    'spec:',
    '  podSelector: {}',
    '  policyTypes: [Ingress, Egress]',
    '  ingress:',
    '    - from:',
    `        - ${indented(at('peer'), 10)}`,
    '      ports:',
    `        - ${indented(at('port'), 10)}`,
    '  egress:',
    `    - ${indented(at('egressRule'), 6)}`,
    '',
  ].join('\n');
  const problems = lintText(text).filter((diagnostic) => diagnostic.severity !== 'info');
  assert.deepEqual(
    problems.map((problem) => `${problem.code} ${problem.message}`),
    [],
    text,
  );
  assert.deepEqual(
    RULE_SNIPPETS.map((snippet) => snippet.place),
    ['egressRule', 'peer', 'port'],
  );
});

test('covers every snippet the issue lists', () => {
  assert.deepEqual(Object.keys(contributed).sort(), [
    'ENIConfig',
    'ENIConfig: one per availability zone',
    'Lattice: GRPCRoute',
    'Lattice: GatewayClass and Gateway',
    'Lattice: HTTPRoute with weighted backends',
    'Lattice: IAMAuthPolicy allowing one principal',
    'Lattice: ServiceExport and ServiceImport',
    'Lattice: TLS passthrough Gateway and TLSRoute',
    'Lattice: TargetGroupPolicy with HTTP health checks',
    'NetworkPolicy: allow DNS egress',
    'NetworkPolicy: allow from a namespace',
    'NetworkPolicy: allow from pods with a label',
    'NetworkPolicy: default deny all',
    'NetworkPolicy: default deny egress',
    'NetworkPolicy: default deny ingress',
    'NetworkPolicy: ipBlock with except',
    'SecurityGroupPolicy: by pod labels',
    'SecurityGroupPolicy: by service account',
  ]);
  assert.equal(RESOURCE_SNIPPETS.length, Object.keys(contributed).length);
});

for (const [name, snippet] of Object.entries(contributed)) {
  test(`"${name}" expanded with its defaults has no errors or warnings`, () => {
    const text = `${expandSnippet(snippet.body.join('\n'))}\n`;
    const documents = parseAllDocuments(text);
    assert.ok(Array.isArray(documents) && documents.every((document) => document.errors.length === 0));
    // Information-level hints (a placeholder such as ${SUBNET_AZ_1}, a namespace-wide selector) are
    // what these snippets are for; anything stronger would be a broken snippet.
    const problems = lintText(text).filter((diagnostic) => diagnostic.severity !== 'info');
    assert.deepEqual(
      problems.map((problem) => `${problem.code} ${problem.message}`),
      [],
      text,
    );
  });

  test(`"${name}" has tab stops and a final cursor position`, () => {
    const body = snippet.body.join('\n');
    assert.match(body, /\$\{1:/);
    assert.match(body, /\$0/);
    // NetworkPolicy port protocols (Lattice listeners and target groups have protocols of their own).
    const ports = name.startsWith('Lattice:') ? [] : (body.match(/protocol: \S+/g) ?? []);
    for (const protocol of ports) {
      assert.match(
        protocol,
        /protocol: (\$\{\d+\|TCP,UDP,SCTP\|\}|UDP|TCP)$/,
        'protocols are a choice or fixed',
      );
    }
  });
}

test('the ipBlock snippet is the EKS documentation example plus a DNS egress rule', () => {
  const body = contributed['NetworkPolicy: ipBlock with except'].body.join('\n');
  const docsExample = parse(readFileSync(join(FIXTURES, 'explain', '01-eks-docs-example.yaml'), 'utf8')) as {
    spec: { egress: unknown[] };
  };
  const expanded = parse(expandSnippet(body)) as typeof docsExample;
  const [docsEgress, dnsEgress] = expanded.spec.egress;
  assert.deepEqual({ ...expanded, spec: { ...expanded.spec, egress: [docsEgress] } }, docsExample);
  assert.deepEqual(dnsEgress, {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ],
    ports: [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ],
  });
});

test('the per-zone ENIConfig snippet keeps the ${SUBNET_AZ_1}-style placeholders of the EKS guide', () => {
  const text = expandSnippet(contributed['ENIConfig: one per availability zone'].body.join('\n'));
  for (const zone of [1, 2, 3]) {
    assert.ok(text.includes(`name: \${SUBNET_AZ_${zone}}`));
    assert.ok(text.includes(`subnet: \${SECONDARY_SUBNET_${zone}}`));
  }
  assert.equal(text.split('\n---\n').length, 3);
});

test('expandSnippet keeps escaped dollars and takes the first choice', () => {
  assert.equal(expandSnippet('a: ${1:x}\nb: ${2|TCP,UDP|}\nc: \\${VAR}$0'), 'a: x\nb: TCP\nc: ${VAR}');
});

test('the Lattice snippets, expanded and used together, attach to each other without a problem', () => {
  const files = Object.entries(contributed)
    .filter(([name]) => name.startsWith('Lattice:'))
    .map(([name, snippet]) => ({ name, text: `${expandSnippet(snippet.body.join('\n'))}\n` }));
  const results = lintTexts(files);
  assert.deepEqual(
    files.flatMap(({ name }, index) => results[index].map((d) => `${name}: ${d.code} ${d.message}`)),
    [],
  );
  // One prefix each, all starting with lattice-.
  for (const [name, snippet] of Object.entries(contributed)) {
    if (name.startsWith('Lattice:')) assert.match(String(snippet.prefix), /^lattice-[a-z-]+$/);
  }
});
