// The redactor on every kubeconfig shape that carries credentials kubectl does not redact (exec env
// values, exec arguments, proxy passwords), plus tokens, client keys, the aws CLI's own output and
// credential files; names that are not secrets stay readable; and every pattern stays linear.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { Redactor } from '../../src/cluster';

export const SECRETS = {
  execEnvSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  execEnvSession: 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENvalue0123456789',
  execEnvKeyId: 'ASIAIOSFODNN7EXAMPLE',
  execArgSecret: 'arg-client-secret-9f8e7d',
  execArgEquals: 'equals-form-secret-1a2b3c',
  proxyPassword: 'pr0xy-pa55word',
  basicPassword: 'b4sic-password-77',
  authProviderRefresh: 'refresh-token-value-4242',
  userToken: 'static-bearer-token-abcdef0123',
  clientKey:
    '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5bNGgdI7Mf33SoAoGCCqGSM49\nAwEHoUQDQgAE8J1n3YQ9ZfMkTzDqrVnVZ1L4e5bR3fKqz2c3n0Z2mQ==\n-----END EC PRIVATE KEY-----\n',
};

/** Values in the same kubeconfig that name things: they must stay readable. */
const NAMES = [
  'demo-cluster',
  'us-west-2',
  'ops-profile',
  'admin-user',
  'arn:aws:eks:us-west-2:111122223333:cluster/demo-cluster',
];

export function hostileKubeconfig(): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'exec',
    clusters: [
      {
        name: NAMES[4],
        cluster: {
          server: 'https://127.0.0.1:6443',
          'proxy-url': `http://proxyuser:${SECRETS.proxyPassword}@127.0.0.1:3128`,
        },
      },
    ],
    users: [
      {
        name: 'exec-user',
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'aws',
            args: [
              'eks',
              'get-token',
              '--cluster-name',
              'demo-cluster',
              '--region',
              'us-west-2',
              '--client-secret',
              SECRETS.execArgSecret,
              `--password=${SECRETS.execArgEquals}`,
            ],
            env: [
              { name: 'AWS_SECRET_ACCESS_KEY', value: SECRETS.execEnvSecret },
              { name: 'AWS_SESSION_TOKEN', value: SECRETS.execEnvSession },
              { name: 'AWS_ACCESS_KEY_ID', value: SECRETS.execEnvKeyId },
              { name: 'AWS_PROFILE', value: 'ops-profile' },
            ],
          },
        },
      },
      { name: 'basic-user', user: { username: 'admin-user', password: SECRETS.basicPassword } },
      {
        name: 'token-user',
        user: {
          token: SECRETS.userToken,
          'client-key-data': Buffer.from(SECRETS.clientKey).toString('base64'),
        },
      },
      {
        name: 'oidc-user',
        user: {
          'auth-provider': {
            name: 'oidc',
            config: { 'client-id': 'kubernetes', 'refresh-token': SECRETS.authProviderRefresh },
          },
        },
      },
    ],
    contexts: [{ name: 'exec', context: { cluster: NAMES[4], user: 'exec-user' } }],
  };
}

function assertClean(text: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    for (const line of secret.split('\n').filter((l) => l.length >= 16))
      assert.equal(text.includes(line), false, `${where} still contains ${name}`);
    assert.equal(text.includes(secret.trim()), false, `${where} still contains ${name}`);
  }
}

describe('Redactor', () => {
  let directory: string;
  let kubeconfig: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'eksnet-redact-'));
    kubeconfig = join(directory, 'config');
    writeFileSync(kubeconfig, stringify(hostileKubeconfig()));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('removes every credential of the kubeconfig wherever it appears, in any wording', () => {
    const redactor = Redactor.forSettings({ kubeconfig, env: { HOME: directory } });
    const text = [
      `kubectl config view: ${stringify(hostileKubeconfig())}`,
      `plugin stderr: using secret ${SECRETS.execArgSecret} and key ${SECRETS.execEnvSecret}`,
      `getting credentials: exec: executable aws failed: ${SECRETS.execEnvSession}`,
      `proxyconnect tcp: http://proxyuser:${SECRETS.proxyPassword}@127.0.0.1:3128 refused`,
      `decoded key:\n${SECRETS.clientKey}`,
      `oidc: refresh ${SECRETS.authProviderRefresh} expired; basic ${SECRETS.basicPassword}`,
    ].join('\n');
    const redacted = redactor.redact(text);
    assertClean(redacted, 'redacted text');
    for (const name of NAMES) assert.ok(redacted.includes(name), `"${name}" is not a secret and must stay`);
  });

  it('removes credential-shaped text it was not told about', () => {
    const redactor = new Redactor();
    const cases: Array<[string, string]> = [
      [
        '{"AccessKeyId": "ASIAZZZZZZZZZZZZZZZZ", "SecretAccessKey": "abc/def+ghi0123456789", "SessionToken": "FwoGZXIvYXdzEXAMPLE"}',
        'abc/def+ghi0123456789',
      ],
      ['AWS_SESSION_TOKEN=FwoGZXIvYXdzEXAMPLE2 aws ec2 describe-instances', 'FwoGZXIvYXdzEXAMPLE2'],
      ['aws_secret_access_key = zzzSecretFromIniFile', 'zzzSecretFromIniFile'],
      ['kubelogin get-token --client-secret hunter2hunter2 --server-id x', 'hunter2hunter2'],
      ['tool --password=correct-horse-battery', 'correct-horse-battery'],
      ['proxy http://bob:s3cr3t-pw@10.0.0.1:8080 failed', 's3cr3t-pw'],
      ['key id AKIAIOSFODNN7EXAMPLE and ASIAJEXAMPLEXEG2JICE', 'AKIAIOSFODNN7EXAMPLE'],
      ['key id ASIAJEXAMPLEXEG2JICE', 'ASIAJEXAMPLEXEG2JICE'],
      ['Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig', 'eyJhbGciOiJSUzI1NiJ9'],
      ['token k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8_QWN0aW9u', 'aHR0cHM6Ly9zdHMu'],
      ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n(truncated output', 'MIIEowIBAAKCAQEA'],
      ['password: "two words"', 'two words'],
      ['"token":"abc123xyz"', 'abc123xyz'],
    ];
    for (const [text, secret] of cases) {
      const redacted = redactor.redact(text);
      assert.equal(redacted.includes(secret), false, `${JSON.stringify(text)} → ${JSON.stringify(redacted)}`);
      assert.match(redacted, /\[REDACTED\]/);
    }
  });

  it('remembers secret-named environment variables and the aws CLI credential file', () => {
    mkdirSync(join(directory, '.aws'), { recursive: true });
    writeFileSync(
      join(directory, '.aws', 'credentials'),
      '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = fromTheCredentialsFile0123\n',
    );
    const redactor = Redactor.forSettings({
      env: { HOME: directory, AWS_SECRET_ACCESS_KEY: 'fromTheEnvironment0123', SECRET_MODE: 'enabled' },
    });
    const redacted = redactor.redact(
      'debug: fromTheEnvironment0123 / fromTheCredentialsFile0123; mode enabled',
    );
    assert.equal(redacted, 'debug: [REDACTED] / [REDACTED]; mode enabled');
  });

  it('leaves ordinary output alone', () => {
    const text = [
      'Enable prefix delegation — context prod',
      'Cluster: arn:aws:eks:us-west-2:111122223333:cluster/demo (https://ABCD.gr7.us-west-2.eks.amazonaws.com)',
      '  ENABLE_PREFIX_DELEGATION: false → true',
      'kubectl --kubeconfig=/home/me/.kube/config --context=prod set env --namespace kube-system --containers aws-node -- daemonset/aws-node WARM_PREFIX_TARGET=1',
      'The cluster rejected the credentials of context "prod" (Unauthorized); refresh them.',
    ].join('\n');
    assert.equal(new Redactor().redact(text), text);
  });

  it('every pattern is linear: hostile 400 KB inputs take at most 30× a plain text of the same size', () => {
    const size = 400_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const redactor = Redactor.forSettings({ kubeconfig, env: {} });
    const time = (text: string) => {
      const runs: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        redactor.redact(text);
        runs.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return runs.sort((a, b) => a - b)[1];
    };
    const baseline = Math.max(time(fill('The quick brown fox jumps over the lazy dog. ')), 1);
    for (const unit of [
      'a',
      'token',
      'token=',
      '--token ',
      'Bearer ',
      '-----BEGIN ',
      '://aaaa',
      'eyJaaaaaaaaa.',
      'k8s-aws-v1.',
      'AKIA',
      'x_secret_',
      'A'.repeat(31) + 'password' + 'B'.repeat(31) + ' ',
      'password' + ' '.repeat(200),
    ]) {
      const elapsed = time(fill(unit));
      assert.ok(
        elapsed <= baseline * 30,
        `${JSON.stringify(unit.slice(0, 20))}: ${elapsed.toFixed(1)} ms vs ${baseline.toFixed(1)} ms`,
      );
    }
  });
});
