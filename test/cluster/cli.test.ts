// The eksnet cluster subcommands end to end: the built CLI (dist/cli.js) and the command functions,
// with the real kubectl against the test API server. Nothing changes without --yes or a confirmation.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeCniCommand } from '../../src/cli/commands/cni';
import { main } from '../../src/cli/main';
import { awsNodeEnv, editAwsNodeEnv } from '../support/apiserver/cluster';
import { captureIO, PROJECT_ROOT, startCluster, type TestCluster } from './harness';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('node', [CLI, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? Number((error as NodeJS.ErrnoException & { code?: unknown }).code ?? 1) : 0,
        stdout,
        stderr,
      }),
    );
    child.stdin?.end();
  });
}

describe('eksnet cluster commands', () => {
  let cluster: TestCluster;
  let common: string[];
  before(async () => {
    cluster = await startCluster({ removeEnv: ['WARM_PREFIX_TARGET'] });
    common = ['--kubeconfig', cluster.kubeconfig, '--kubectl', cluster.settings().kubectlPath];
  });
  after(() => cluster.stop());

  it(
    'eksnet cni status (built CLI) prints the version, settings and network policy state',
    { skip: !existsSync(CLI) && 'run node scripts/build.mjs first' },
    async () => {
      const result = await runCli(['cni', 'status', ...common], { ...cluster.settings().env });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /VPC CNI status — context test-context/);
      assert.match(result.stdout, /Version: v1\.23\.1/);
      assert.match(result.stdout, /ENABLE_PREFIX_DELEGATION\s+false\s+false/);
      assert.match(result.stdout, /Network policy enforcement: off/);
    },
  );

  it('eksnet cni status --format json gives every setting with value and effective value', async () => {
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['cni', 'status', '--format', 'json', ...common], io), 0, io.err);
    const json = JSON.parse(io.out) as {
      version: string;
      settings: Record<string, { value: string | null; effective: string }>;
      networkPolicy: { enforced: boolean };
    };
    assert.equal(json.version, 'v1.23.1');
    assert.deepEqual(json.settings.WARM_PREFIX_TARGET, { value: null, effective: '0' });
    assert.equal(json.networkPolicy.enforced, false);
  });

  it(
    'eksnet cni enable without --yes and without a terminal shows the plan and changes nothing (built CLI)',
    { skip: !existsSync(CLI) && 'run node scripts/build.mjs first' },
    async () => {
      const before = awsNodeEnv(cluster.server);
      const writes = cluster.server.writes().length;
      const result = await runCli(['cni', 'enable', 'prefix-delegation', ...common], {
        ...cluster.settings().env,
      });
      assert.equal(result.code, 1);
      assert.match(result.stdout, /ENABLE_PREFIX_DELEGATION: false → true/);
      assert.match(result.stdout, /WARM_PREFIX_TARGET: \(unset\) → 1/);
      assert.match(
        result.stderr,
        /nothing changed \(no --yes given and no answer on standard input\); run again with --yes/,
      );
      assert.equal(cluster.server.writes().length, writes);
      assert.deepEqual(awsNodeEnv(cluster.server), before);
    },
  );

  it('answering no at the prompt changes nothing', async () => {
    const before = awsNodeEnv(cluster.server);
    const questions: string[] = [];
    const io = captureIO(cluster.settings().env);
    const code = await makeCniCommand(async (question) => (questions.push(question), false))(
      ['enable', 'pod-eni', ...common],
      io,
    );
    assert.equal(code, 1);
    assert.deepEqual(questions, ['Change aws-node on context "test-context"? [y/N] ']);
    assert.deepEqual(awsNodeEnv(cluster.server), before);
  });

  it('--dry-run asks the server and changes nothing', async () => {
    const before = awsNodeEnv(cluster.server);
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['cni', 'enable', 'pod-eni', '--dry-run', ...common], io), 0, io.err);
    assert.match(io.out, /Dry run: the API server accepted the change/);
    assert.equal(cluster.server.writes().at(-1)?.query.get('dryRun'), 'All');
    assert.deepEqual(awsNodeEnv(cluster.server), before);
  });

  it('--yes makes the change and reports the values read back', async () => {
    const before = awsNodeEnv(cluster.server);
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['cni', 'enable', 'prefix-delegation', '--yes', ...common], io), 0, io.err);
    assert.match(io.out, /Prefix delegation is on for context "test-context"/);
    const afterEnv = awsNodeEnv(cluster.server);
    assert.equal(afterEnv.get('ENABLE_PREFIX_DELEGATION'), 'true');
    assert.equal(afterEnv.get('WARM_PREFIX_TARGET'), '1');
    for (const [name, value] of before)
      if (name !== 'ENABLE_PREFIX_DELEGATION') assert.equal(afterEnv.get(name), value, name);
  });

  it('eksnet cninodes shows each node with its features', async () => {
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['cninodes', ...common], io), 0, io.err);
    assert.match(io.out, /ip-10-0-1-10\.us-west-2\.compute\.internal\s+SecurityGroupsForPods/);
    assert.match(io.out, /ip-10-0-2-20\.us-west-2\.compute\.internal\s+\(none\)/);
    const json = captureIO(cluster.settings().env);
    assert.equal(await main(['cninodes', '--format', 'json', ...common], json), 0);
    assert.deepEqual(JSON.parse(json.out), {
      context: 'test-context',
      nodes: [
        { node: 'ip-10-0-1-10.us-west-2.compute.internal', features: ['SecurityGroupsForPods'] },
        { node: 'ip-10-0-2-20.us-west-2.compute.internal', features: [] },
      ],
    });
  });

  it('eksnet doctor reports ✓/✗ with fixes and exits 1 when a check fails', async () => {
    // Break the cluster the way people do: prefix delegation on, warm target removed.
    const io = captureIO(cluster.settings().env);
    await main(['cni', 'enable', 'pod-eni', '--yes', ...common], captureIO(cluster.settings().env));
    editAwsNodeEnv(cluster.server, (env) => env.filter((entry) => entry.name !== 'WARM_PREFIX_TARGET'));
    const code = await main(['doctor', ...common, '--aws', '/nonexistent/aws'], io);
    assert.equal(code, 1, io.err);
    assert.match(io.out, /✓ Cluster reachable, aws-node present: VPC CNI v1\.23\.1/);
    assert.match(io.out, /✗ Prefix delegation warm target: .*fails to start/);
    assert.match(
      io.out,
      /fix: kubectl --kubeconfig=\S+ --context=test-context set env --namespace kube-system --containers aws-node -- daemonset\/aws-node WARM_PREFIX_TARGET=1/,
    );
    assert.match(io.out, /! Trunk ENI on every node: No SecurityGroupsForPods feature on ip-10-0-2-20/);
    assert.match(io.out, /– Prefixes on nodes: aws was not found at "\/nonexistent\/aws"/);
    const json = captureIO(cluster.settings().env);
    assert.equal(await main(['doctor', '--format', 'json', ...common, '--aws', '/nonexistent/aws'], json), 1);
    const report = JSON.parse(json.out) as {
      healthy: boolean;
      checks: Array<{ title: string; status: string }>;
    };
    assert.equal(report.healthy, false);
    assert.equal(report.checks.find((c) => c.title === 'Prefix delegation warm target')?.status, 'fail');
  });

  it('a cluster failure exits 1 with the one-line message on stderr', async () => {
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['cni', 'status', '--kubectl', '/nonexistent/kubectl'], io), 1);
    assert.equal(
      io.err,
      'eksnet cni status: kubectl was not found at "/nonexistent/kubectl"; install it or set --kubectl PATH (or EKSNET_KUBECTL) to its full path.\n',
    );
  });

  it('usage mistakes exit 2', async () => {
    const io = captureIO(cluster.settings().env);
    assert.equal(await main(['cni', 'enable', 'turbo-mode', ...common], io), 2);
    assert.match(io.err, /name a feature to enable: pod-eni, custom-networking, prefix-delegation/);
    assert.equal(await main(['cninodes', '--yes'], captureIO()), 2);
  });
});
