// A timeout or cancel after the change started is not "nothing happened": aws-node (or the applied
// manifest) is read back and the real state reported. The test API server applies the change and
// then holds its answer, as when the response is lost on the way back; a stand-in kubectl does the
// real change and then hangs.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { applyManifest, applyPlan, createClusterTools, isClusterError, planEnable } from '../../src/cluster';
import { main } from '../../src/cli/main';
import { awsNodeEnv, CLUSTER_FIXTURES, editAwsNodeEnv } from '../support/apiserver/cluster';
import {
  captureIO,
  PROJECT_ROOT,
  realKubectl,
  RecordingLog,
  startCluster,
  type TestCluster,
} from './harness';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

const HOLD_MS = 120_000;
const POLICY = readFileSync(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml'), 'utf8').replace(
  'protocol: tcp',
  'protocol: TCP',
);
const isPatch = (r: { method: string; path: string }) =>
  r.method === 'PATCH' && r.path.includes('daemonsets');

describe('A timeout or cancel after the change started', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());
  afterEach(() => {
    cluster.server.clearFailures();
    editAwsNodeEnv(cluster.server, (env) =>
      env.map((entry) => (entry.name === 'ENABLE_POD_ENI' ? { ...entry, value: 'false' } : entry)),
    );
  });

  it('timeout after the API server applied the change: reports it applied, with the values read back', async () => {
    cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', holdAnswerMs: HOLD_MS, times: 1 });
    const tools = createClusterTools(cluster.settings({ timeoutSeconds: 3 }), new RecordingLog());
    const outcome = await applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'pod-eni'));
    assert.equal(awsNodeEnv(cluster.server).get('ENABLE_POD_ENI'), 'true', 'the change is live');
    assert.match(
      outcome.interrupted ?? '',
      /^kubectl did not finish within 3 s after it started the change$/,
    );
    assert.match(
      outcome.message,
      /but the change reached the cluster: aws-node on context "test-context" now has ENABLE_POD_ENI=true \(read back afterwards\)/,
    );
    assert.deepEqual(outcome.changes, [{ name: 'ENABLE_POD_ENI', before: 'false', after: 'true' }]);
  });

  it('a stand-in kubectl that makes the real change and then hangs: stopped, read back, reported applied', async () => {
    const wrapper = join(cluster.directory, 'kubectl-hangs-after-set-env');
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        `'${realKubectl()}' "$@"`,
        'status=$?',
        // A child of the shell, so only stopping the whole process group ends it.
        'case " $* " in *" set env "*) sleep 600 ;; esac',
        'exit $status',
        '',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o755);
    const tools = createClusterTools(
      cluster.settings({ kubectlPath: wrapper, timeoutSeconds: 3 }),
      new RecordingLog(),
    );
    const outcome = await applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'pod-eni'));
    assert.ok(outcome.interrupted, outcome.message);
    assert.match(outcome.message, /now has ENABLE_POD_ENI=true \(read back afterwards\)/);
    assert.equal(awsNodeEnv(cluster.server).get('ENABLE_POD_ENI'), 'true');
  });

  it('cancel after the change reached the API server: reports it applied', async () => {
    cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', holdAnswerMs: HOLD_MS, times: 1 });
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    const plan = await planEnable(tools.kubectl, 'pod-eni');
    const controller = new AbortController();
    const patched = cluster.server.whenRequest(isPatch);
    const pending = applyPlan(tools.kubectl, plan, { signal: controller.signal });
    await patched;
    controller.abort();
    const outcome = await pending;
    assert.equal(outcome.interrupted, 'kubectl was cancelled after it started the change');
    assert.match(outcome.message, /now has ENABLE_POD_ENI=true/);
  });

  it('timeout before the API server applied anything: says the change was not made, with the value read back', async () => {
    // The server sits on the PATCH without applying it (and drops it once kubectl has gone).
    cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', delayMs: HOLD_MS, times: 1 });
    const tools = createClusterTools(cluster.settings({ timeoutSeconds: 3 }), new RecordingLog());
    const plan = await planEnable(tools.kubectl, 'pod-eni');
    await assert.rejects(applyPlan(tools.kubectl, plan), (error: unknown) => {
      assert.ok(isClusterError(error, 'interrupted'), String(error));
      assert.match(
        error.message,
        /^kubectl did not finish within 3 s after it started the change; aws-node on context "test-context" was read back and still has ENABLE_POD_ENI=false, so the change was not made\./,
      );
      return true;
    });
    assert.equal(awsNodeEnv(cluster.server).get('ENABLE_POD_ENI'), 'false');
  });

  it('when aws-node cannot be read back either: says the change may have been applied and how to check', async () => {
    cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', holdAnswerMs: HOLD_MS, times: 1 });
    const tools = createClusterTools(cluster.settings({ timeoutSeconds: 3 }), new RecordingLog());
    const plan = await planEnable(tools.kubectl, 'pod-eni');
    const patched = cluster.server.whenRequest(isPatch);
    const pending = applyPlan(tools.kubectl, plan);
    await patched;
    cluster.server.injectFailure({ method: 'GET', path: 'daemonsets', status: 500 });
    await assert.rejects(pending, (error: unknown) => {
      assert.ok(isClusterError(error, 'interrupted'), String(error));
      assert.match(
        error.message,
        /and aws-node could not be read back \(.*\): the change may have been applied\. Check aws-node's settings with: kubectl --kubeconfig=\S+ --context=test-context set env --namespace kube-system --containers aws-node --list -- daemonset\/aws-node$/,
      );
      return true;
    });
  });

  it('eksnet cni enable --yes: the timed-out change is reported with the state read back, exit 0', async () => {
    cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', holdAnswerMs: HOLD_MS, times: 1 });
    const io = captureIO(cluster.settings().env);
    const args = ['cni', 'enable', 'pod-eni', '--yes', '--timeout', '3'];
    const code = await main(
      [...args, '--kubeconfig', cluster.kubeconfig, '--kubectl', cluster.settings().kubectlPath],
      io,
    );
    assert.equal(code, 0, io.err);
    assert.match(
      io.out,
      /kubectl did not finish within 3 s after it started the change, but the change reached the cluster/,
    );
    assert.match(io.out, /now has ENABLE_POD_ENI=true \(read back afterwards\)/);
  });

  it(
    'Ctrl+C on eksnet after the change reached the API server: kubectl is stopped, aws-node read back, the change reported',
    { skip: !existsSync(CLI) && 'run node scripts/build.mjs first' },
    async () => {
      cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', holdAnswerMs: HOLD_MS, times: 1 });
      const patched = cluster.server.whenRequest(isPatch);
      const child = spawn(
        'node',
        [
          CLI,
          'cni',
          'enable',
          'pod-eni',
          '--yes',
          '--kubeconfig',
          cluster.kubeconfig,
          '--kubectl',
          realKubectl(),
        ],
        { env: cluster.settings().env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (part: Buffer) => (stdout += part.toString()));
      child.stderr.on('data', (part: Buffer) => (stderr += part.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await patched;
      child.kill('SIGINT');
      assert.equal(await exited, 0, stderr);
      assert.match(stderr, /stopping kubectl/);
      assert.match(
        stdout,
        /kubectl was cancelled after it started the change, but the change reached the cluster/,
      );
      assert.match(stdout, /now has ENABLE_POD_ENI=true \(read back afterwards\)/);
    },
  );

  it('kubectl apply that times out after the object was created: kubectl diff then finds no differences, and says so', async () => {
    cluster.server.remove('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default');
    cluster.server.injectFailure({
      method: 'POST',
      path: 'networkpolicies',
      holdAnswerMs: HOLD_MS,
      times: 1,
    });
    const tools = createClusterTools(cluster.settings({ timeoutSeconds: 3 }), new RecordingLog());
    const target = await tools.kubectl.resolveTarget();
    const result = await applyManifest(tools.kubectl, target, POLICY, { label: 'allow-web.yaml' });
    assert.ok(cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'));
    assert.equal(
      result.interrupted,
      'kubectl did not finish in time after it started applying allow-web.yaml',
    );
    assert.match(
      result.output,
      /but the cluster now matches it: kubectl diff on context "test-context" finds no differences \(checked afterwards\)/,
    );
  });

  it('kubectl apply that times out before anything was created: says it was not applied, and how to check', async () => {
    cluster.server.remove('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default');
    cluster.server.injectFailure({ method: 'POST', path: 'networkpolicies', delayMs: HOLD_MS, times: 1 });
    const tools = createClusterTools(cluster.settings({ timeoutSeconds: 3 }), new RecordingLog());
    const target = await tools.kubectl.resolveTarget();
    await assert.rejects(
      applyManifest(tools.kubectl, target, POLICY, { label: 'allow-web.yaml' }),
      (error: unknown) => {
        assert.ok(isClusterError(error, 'interrupted'), String(error));
        assert.match(
          error.message,
          /kubectl diff afterwards still finds differences on context "test-context", so it was not applied, or only partly\. Check with: kubectl --kubeconfig=\S+ --context=test-context diff --filename=- < allow-web\.yaml, then apply again\./,
        );
        return true;
      },
    );
    assert.equal(
      cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'),
      undefined,
    );
  });
});
