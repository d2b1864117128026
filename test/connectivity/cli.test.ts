// `eksnet connectivity` as CI runs it (the built CLI in a child process), against golden files:
// the hand-worked lists of test/fixtures/connectivity, every format, --diff, stdin and bad usage.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PROJECT_ROOT } from '../support/paths';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function eksnet(args: string[], input?: string): Run {
  const result = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'connectivity', ...args], {
    cwd: PROJECT_ROOT,
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CASES = join('test', 'fixtures', 'connectivity');
const golden = (...parts: string[]) => readFileSync(join(PROJECT_ROOT, CASES, ...parts), 'utf8');

/** Records of a txt connection list (`src => dst : conn` lines). */
function recordsOf(txt: string): { src: string; dst: string; conn: string }[] {
  return txt
    .split('\n')
    .filter((line) => line.includes(' => '))
    .map((line) => {
      const [pair, conn] = line.split(' : ');
      const [src, dst] = pair.split(' => ');
      return { src, dst, conn };
    });
}

for (const name of readdirSync(join(PROJECT_ROOT, CASES)).filter((entry) => /^\d\d-/.test(entry))) {
  test(`${name}: txt and json match the hand-worked list`, () => {
    const txt = eksnet(['--target', 'generic', join(CASES, name)]);
    assert.equal(txt.status, 0, txt.stderr);
    assert.equal(txt.stdout, golden(name, 'expected.txt'));
    assert.equal(txt.stderr, '');
    const json = eksnet(['--format', 'json', join(CASES, name)]);
    assert.equal(json.status, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), recordsOf(golden(name, 'expected.txt')));
  });
}

test('json is byte for byte what netpol-analyzer prints (two-space indent, no final newline)', () => {
  const run = eksnet(['--format', 'json', join(CASES, '01-deny-all')]);
  assert.equal(run.stdout, golden('01-deny-all', 'expected.json'));
});

test('md, csv and dot of the same list', () => {
  for (const format of ['md', 'csv', 'dot']) {
    const run = eksnet(['--format', format, join(CASES, '06-egress-and-ingress')]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, golden('06-egress-and-ingress', `expected.${format}`), format);
  }
});

test('--target eks (the default) adds the NP3xx and hostNetwork caveats; json stays the connlist', () => {
  const txt = eksnet([join(CASES, '07-eks-caveats')]);
  assert.equal(txt.stdout, golden('07-eks-caveats', 'expected.eks.txt'));
  assert.match(
    txt.stdout,
    /kube-system\/probe\[Deployment\] => kube-system\/agent\[DaemonSet\]: .*at most 24/,
  );
  const json = eksnet(['--format', 'json', join(CASES, '07-eks-caveats')]);
  assert.deepEqual(JSON.parse(json.stdout), recordsOf(golden('07-eks-caveats', 'expected.txt')));
  const caveats = json.stderr.trim().split('\n');
  assert.equal(caveats.length, 3);
  assert.ok(caveats.every((line) => line.startsWith('eksnet connectivity: ')));
  assert.match(json.stderr, /IPv6 block in an IPv4 cluster/);
  const ipv6 = eksnet(['--format', 'json', '--cluster-ip-family', 'ipv6', join(CASES, '07-eks-caveats')]);
  assert.doesNotMatch(ipv6.stderr, /IPv6 block/);
  const md = eksnet(['--format', 'md', join(CASES, '07-eks-caveats')]);
  assert.match(
    md.stdout,
    /\n### EKS network policy agent caveats\n\n- kube-system\/agent\[DaemonSet\]: EKS: /,
  );
});

test('--diff lists the connections a change opens and closes', () => {
  const args = ['--diff', join(CASES, 'diff', 'before'), join(CASES, 'diff', 'after')];
  const txt = eksnet(args);
  assert.equal(txt.status, 0, txt.stderr);
  assert.equal(txt.stdout, golden('diff', 'expected.txt'));
  const json = eksnet([...args, '--format', 'json']);
  assert.deepEqual(
    (JSON.parse(json.stdout) as { src: string; dst: string; opened: string; closed: string }[]).map(
      (c) => `${c.src} => ${c.dst} +${c.opened} -${c.closed}`,
    ),
    [
      'a/frontend[Deployment] => 10.0.0.0-10.255.255.255[External] +TCP 443 -No Connections',
      'a/frontend[Deployment] => b/backend[Deployment] +TCP 9090 -No Connections',
      'a/other[Deployment] => b/backend[Deployment] +TCP 9090 -UDP 53',
    ],
  );
  const same = eksnet(['--diff', join(CASES, 'diff', 'before'), join(CASES, 'diff', 'before')]);
  assert.equal(same.stdout, 'No connection is opened or closed.\n');
});

test('reads standard input; problems in the input are one-line warnings, not failures', () => {
  const manifests = `apiVersion: v1
kind: Pod
metadata: { name: a, labels: { app: a } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p }
spec:
  podSelector: {}
  ingress:
    - from: [{}]
---
kind: Pod
metadata: { name: [broken
`;
  const run = eksnet(['-'], manifests);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'default/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n');
  const warnings = run.stderr.trim().split('\n');
  assert.equal(warnings.length, 2, run.stderr);
  assert.match(warnings[0], /^eksnet connectivity: warning: <stdin>:\d+: .*; this document is skipped\.$/);
  assert.match(
    warnings[1],
    /^eksnet connectivity: warning: NetworkPolicy default\/p: spec\.ingress\[0\]\.from\[0\]: the peer names no podSelector, namespaceSelector or ipBlock; it matches nothing\.$/,
  );
});

test('bad usage exits 2 with one sentence', () => {
  const cases: [string[], RegExp][] = [
    [[], /give PATHS, --diff OLD NEW or --from-cluster/],
    [['--format', 'xml', '.'], /--format must be one of txt, json, md, csv, dot, not "xml"/],
    [['-n', 'shop', CASES], /cluster options \(--namespace, --context, …\) go with --from-cluster/],
    [['--from-cluster', CASES], /give only one of PATHS/],
    [['--from-cluster', '-n', 'Not_A_Name'], /"Not_A_Name" is not a namespace name/],
    [['--diff', CASES], /--diff needs two paths/],
    [['no/such/dir'], /cannot read "no\/such\/dir": no such file or directory/],
  ];
  for (const [args, message] of cases) {
    const run = eksnet(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  }
});
