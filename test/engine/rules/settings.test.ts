// Per-rule severity settings, the target and IP family settings, and in-file suppression
// comments, applied to the rules of this package.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, LineIndex, type Diagnostic, type EngineSettings } from '../../../src/engine';
import { parseLintArgs } from '../../../src/cli/commands/lint';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
        - ipBlock:
            cidr: 10.0.0.1/24
        - ipBlock:
            cidr: 10.1.0.1/24
        - ipBlock:
            cidr: 2001:db8::/64
`;

function codesByLine(text: string, settings?: Partial<EngineSettings>): string[] {
  const lines = new LineIndex(text);
  return lintText(text, settings).map(
    (d: Diagnostic) => `${lines.positionAt(d.range.start).line + 1}:${d.code}:${d.severity}`,
  );
}

test('reports host bits, the missing namespace and the IPv6 block with default settings', () => {
  assert.deepEqual(codesByLine(POLICY), [
    '3:NP209:info',
    '12:NP208:warning',
    '14:NP208:warning',
    '16:NP303:warning',
  ]);
});

test('eksNetworking.rules turns a rule off or changes its severity', () => {
  assert.deepEqual(codesByLine(POLICY, { rules: { NP209: 'off', NP208: 'error' } }), [
    '12:NP208:error',
    '14:NP208:error',
    '16:NP303:warning',
  ]);
});

test('target generic drops the EKS agent caveats; an IPv6 cluster flags IPv4 blocks instead', () => {
  assert.ok(!codesByLine(POLICY, { target: 'generic' }).some((entry) => entry.includes('NP303')));
  assert.deepEqual(
    codesByLine(POLICY, { clusterIpFamily: 'ipv6' }).filter((entry) => entry.includes('NP303')),
    ['12:NP303:warning', '14:NP303:warning'],
  );
});

test('# eksnet-disable-next-line hides one code on the next line only', () => {
  const text = POLICY.replace(
    '        - ipBlock:\n            cidr: 10.0.0.1/24',
    '        - ipBlock:\n            # eksnet-disable-next-line NP208\n            cidr: 10.0.0.1/24',
  );
  assert.deepEqual(
    codesByLine(text).filter((entry) => entry.includes('NP208')),
    ['15:NP208:warning'],
  );
});

test('# eksnet-disable hides codes in the whole file', () => {
  const text = `# eksnet-disable NP208, NP209\n${POLICY}`;
  assert.deepEqual(codesByLine(text), ['17:NP303:warning']);
});

test('eksnet lint --rule CODE=level fills the same settings', () => {
  const options = parseLintArgs(['--rule', 'np208=off', '--rule', 'SGP203=error', 'file.yaml']);
  assert.ok(options !== 'help');
  assert.deepEqual(options.settings.rules, { NP208: 'off', SGP203: 'error' });
  assert.deepEqual(codesByLine(POLICY, options.settings), ['3:NP209:info', '16:NP303:warning']);
});
