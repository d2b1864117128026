// The kubeconfig's bearer token and client key never appear in the log, CLI output or error messages,
// whatever the command and however it ends.

import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPlan, createClusterTools, planEnable, readCniStatus, runDoctor } from '../../src/cluster';
import { makeApplyCommand } from '../../src/cli/commands/apply';
import { makeCniCommand } from '../../src/cli/commands/cni';
import { main } from '../../src/cli/main';
import { CLUSTER_FIXTURES, editAwsNodeEnv, writeKubeconfig } from '../support/apiserver/cluster';
import { EXEC_SECRETS, execCredentialUser } from '../support/apiserver/credentials';
import { TestProxy } from '../support/apiserver/proxy';
import { captureIO, RecordingLog, startCluster, type TestCluster } from './harness';

describe('Credentials stay out of logs and output', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  function assertNoSecrets(text: string, where: string): void {
    for (const secret of cluster.secrets())
      assert.equal(text.includes(secret), false, `${where} contains a credential`);
    assert.doesNotMatch(text, /PRIVATE KEY-----/, `${where} contains a private key`);
  }

  it('the log of a status read, a change and a doctor run has no token or key', async () => {
    const log = new RecordingLog();
    const tools = createClusterTools(cluster.settings(), log);
    await readCniStatus(tools.kubectl);
    await applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'pod-eni'));
    await runDoctor(tools.kubectl, undefined);
    assert.ok(
      log.lines.some((line) => line.startsWith('$ ')),
      'every command is logged',
    );
    assert.ok(log.text().includes('set env'), 'the change command is logged');
    assertNoSecrets(log.text(), 'log');
  });

  it('an error whose server message echoes the token is redacted in the error and the log', async () => {
    cluster.server.injectFailure({
      method: 'PATCH',
      status: 500,
      message: `internal error for Authorization: Bearer ${cluster.server.token}`,
    });
    const log = new RecordingLog();
    try {
      const tools = createClusterTools(cluster.settings(), log);
      await assert.rejects(
        applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'prefix-delegation')),
        (error: Error) => {
          assert.match(error.message, /\[REDACTED\]/);
          assertNoSecrets(error.message, 'error message');
          return true;
        },
      );
    } finally {
      cluster.server.clearFailures();
    }
    assertNoSecrets(log.text(), 'log');
  });

  it('CLI output, --verbose log and errors have no token or key', async () => {
    const runs: Array<[string[], ReturnType<typeof captureIO>]> = [];
    for (const args of [
      [
        'cni',
        'status',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      [
        'cni',
        'status',
        '--format',
        'json',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      [
        'doctor',
        '--verbose',
        '--format',
        'json',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
        '--aws',
        '/nonexistent/aws',
      ],
      [
        'cninodes',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      [
        'cni',
        'status',
        '--verbose',
        '--context',
        'missing',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
    ]) {
      const io = captureIO(cluster.settings().env);
      await main(args, io);
      runs.push([args, io]);
    }
    const io = captureIO(cluster.settings().env);
    await makeCniCommand(async () => true)(
      [
        'enable',
        'custom-networking',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      io,
    );
    runs.push([['cni', 'enable'], io]);
    for (const [args, output] of runs) {
      assert.ok(output.out.length + output.err.length > 0, `${args.join(' ')} printed something`);
      assertNoSecrets(output.out, `stdout of ${args.join(' ')}`);
      assertNoSecrets(output.err, `stderr of ${args.join(' ')}`);
    }
  });
});

/** Credentials kubectl itself does not redact in `kubectl config view`, and the aws CLI's own output. */
const HIDDEN = {
  ...EXEC_SECRETS,
  proxyPassword: 'proxy-pass-w0rd-31337',
  awsSecret: 'awsCliSecretAccessKeyFromEnv0123456789',
  awsSession: 'awsCliSessionTokenFromEnvABCDEFGHIJKL',
  awsFileSecret: 'secretFromTheAwsCredentialsFile4242',
};

describe('Credentials kubectl does not redact: exec env and args, proxy passwords, aws output', () => {
  let cluster: TestCluster;
  let proxy: TestProxy;
  let common: string[];
  let env: NodeJS.ProcessEnv;
  before(async () => {
    cluster = await startCluster();
    // Prefix delegation on, so the doctor also asks the aws CLI.
    editAwsNodeEnv(cluster.server, (entries) =>
      entries.map((e) => (e.name === 'ENABLE_PREFIX_DELEGATION' ? { ...e, value: 'true' } : e)),
    );
    proxy = await TestProxy.start('proxy-user', HIDDEN.proxyPassword);
    const kubeconfig = writeKubeconfig(cluster.server, cluster.directory, {
      proxyUrl: proxy.url,
      user: execCredentialUser(cluster.directory, cluster.server.token),
    });
    // An aws CLI that prints what "aws --debug" would: the credentials it resolved, then fails.
    const aws = join(cluster.directory, 'aws-debug');
    writeFileSync(
      aws,
      [
        '#!/bin/sh',
        'echo "DEBUG - credentials {\\"AccessKeyId\\": \\"$AWS_ACCESS_KEY_ID\\", \\"SecretAccessKey\\": \\"$AWS_SECRET_ACCESS_KEY\\", \\"SessionToken\\": \\"$AWS_SESSION_TOKEN\\"}" >&2',
        `echo "DEBUG - loaded ${HIDDEN.awsFileSecret} from shared credentials" >&2`,
        'echo "An error occurred (AuthFailure) when calling the DescribeInstances operation: key $AWS_SECRET_ACCESS_KEY was not valid" >&2',
        'exit 254',
        '',
      ].join('\n'),
    );
    chmodSync(aws, 0o755);
    mkdirSync(join(cluster.directory, '.aws'), { recursive: true });
    writeFileSync(
      join(cluster.directory, '.aws', 'credentials'),
      `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${HIDDEN.awsFileSecret}\n`,
    );
    env = {
      ...cluster.settings().env,
      AWS_ACCESS_KEY_ID: 'ASIAZXCVBNMASDFGHJKL',
      AWS_SECRET_ACCESS_KEY: HIDDEN.awsSecret,
      AWS_SESSION_TOKEN: HIDDEN.awsSession,
    };
    common = [
      '--verbose',
      '--kubeconfig',
      kubeconfig,
      '--kubectl',
      cluster.settings().kubectlPath,
      '--aws',
      aws,
    ];
  });
  after(async () => {
    await cluster.stop();
    await proxy.stop();
  });

  function assertHidden(text: string, where: string): void {
    for (const [name, secret] of Object.entries(HIDDEN))
      assert.equal(text.includes(secret), false, `${where} contains ${name}:\n${text}`);
    assert.doesNotMatch(text, /ASIA[A-Z0-9]{16}/, `${where} contains an ASIA key id`);
    assert.equal(text.includes(cluster.server.token), false, `${where} contains the bearer token`);
  }

  it('no CLI command prints them, in its output, its --verbose log or its errors', async () => {
    const policy = join(cluster.directory, 'policy.yaml');
    writeFileSync(
      policy,
      readFileSync(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml'), 'utf8').replace(
        'protocol: tcp',
        'protocol: TCP',
      ),
    );
    const runs: Array<[string, ReturnType<typeof captureIO>, number]> = [];
    for (const args of [
      ['cni', 'status'],
      ['cni', 'status', '--format', 'json'],
      ['cninodes'],
      ['doctor'],
      ['doctor', '--format', 'json'],
      ['prefixes'],
      ['apply', policy, '--dry-run'],
      ['diff', policy],
      ['apply', policy, '--yes'],
      ['cni', 'enable', 'pod-eni', '--dry-run'],
      ['cni', 'status', '--context', 'missing'],
    ]) {
      const io = captureIO(env);
      runs.push([args.join(' '), io, await main([...args, ...common], io)]);
    }
    const enable = captureIO(env);
    runs.push([
      'cni enable (confirmed)',
      enable,
      await makeCniCommand(async () => true)(['enable', 'custom-networking', ...common], enable),
    ]);
    const apply = captureIO(env);
    runs.push([
      'apply (confirmed)',
      apply,
      await makeApplyCommand(async () => true)([policy, ...common], apply),
    ]);
    for (const [name, io] of runs) {
      assert.ok(io.err.includes('$ '), `${name}: the --verbose log was written`);
      assertHidden(io.out, `stdout of ${name}`);
      assertHidden(io.err, `stderr of ${name}`);
    }
    assert.ok(proxy.tunnels.length > 0, 'kubectl went through the proxy');
    const status = runs[0][1];
    assert.equal(runs[0][2], 0, status.err);
    assert.match(
      status.err,
      /plugin debug: args=eks get-token --cluster-name demo-cluster --client-secret \[REDACTED\]/,
    );
    assert.match(runs[5][1].err, /eksnet prefixes: The aws CLI is not signed in/);
  });

  it('the log of the cluster actions (what the EKS Networking channel shows) has none of them', async () => {
    const log = new RecordingLog();
    const kubeconfig = common[common.indexOf('--kubeconfig') + 1];
    const tools = createClusterTools(cluster.settings({ kubeconfig, env, awsPath: common.at(-1)! }), log);
    await readCniStatus(tools.kubectl);
    await applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'pod-eni'), { dryRun: true });
    await runDoctor(tools.kubectl, tools.aws);
    assert.ok(log.text().includes('config view'), 'the context read is logged');
    assertHidden(log.text(), 'log');
  });
});
