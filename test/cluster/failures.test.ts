// Each way a cluster action can fail gives its own one-sentence message, and a failed change leaves
// aws-node exactly as it was.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  applyPlan,
  createClusterTools,
  isClusterError,
  planEnable,
  readCniStatus,
  type ClusterErrorCode,
} from '../../src/cluster';
import {
  awsNodeEnv,
  editAwsNodeEnv,
  seedEksCluster,
  TestApiServer,
  writeKubeconfig,
} from '../support/apiserver/cluster';
import { RecordingLog, startCluster, type TestCluster } from './harness';

async function rejectsWith(
  promise: Promise<unknown>,
  code: ClusterErrorCode,
  message: RegExp,
): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isClusterError(error), `expected a ClusterError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  });
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Cluster action failures', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('kubectl not found: names the path that was tried and the setting to change', async () => {
    const tools = createClusterTools(
      cluster.settings({ kubectlPath: '/nonexistent/bin/kubectl' }),
      new RecordingLog(),
    );
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'tool-not-found',
      /kubectl was not found at "\/nonexistent\/bin\/kubectl"; .*eksNetworking\.kubectlPath/,
    );
  });

  it('no current context: says how to pick one', async () => {
    const kubeconfig = writeKubeconfig(cluster.server, cluster.directory, { noCurrentContext: true });
    const tools = createClusterTools(cluster.settings({ kubeconfig }), new RecordingLog());
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'no-context',
      /No Kubernetes context is selected .*kubectl config use-context/,
    );
  });

  it('a kubeconfig setting that points nowhere: names the file and the setting', async () => {
    const tools = createClusterTools(
      cluster.settings({ kubeconfig: '/nonexistent/kubeconfig' }),
      new RecordingLog(),
    );
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'no-context',
      /The kubeconfig file "\/nonexistent\/kubeconfig" does not exist; fix the eksNetworking\.kubeconfig setting/,
    );
  });

  it('a context that is not in the kubeconfig: names it', async () => {
    const tools = createClusterTools(cluster.settings({ context: 'prod-cluster' }), new RecordingLog());
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'no-context',
      /Context "prod-cluster" is not in the kubeconfig/,
    );
  });

  it('cluster unreachable: names the context, the server address and what to check', async () => {
    const address = `https://127.0.0.1:${await closedPort()}`;
    const kubeconfig = writeKubeconfig(cluster.server, cluster.directory, { server: address });
    const tools = createClusterTools(
      cluster.settings({ kubeconfig, timeoutSeconds: 10 }),
      new RecordingLog(),
    );
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'unreachable',
      new RegExp(
        `Cannot reach the cluster of context "test-context": the API server ${address.replace(/\./g, '\\.')} refused the connection; check the server address`,
      ),
    );
  });

  it('"The connection to the server … was refused" alone (discovery cached) is "unreachable" with the address', async () => {
    // A second API server whose discovery kubectl caches, then stops: kubectl's only line is then
    // "The connection to the server 127.0.0.1:PORT was refused - did you specify the right host or port?".
    const gone = await TestApiServer.start({
      token: cluster.server.token,
      certificates: cluster.server.certificates,
    });
    seedEksCluster(gone);
    const kubeconfig = writeKubeconfig(gone, cluster.directory, { contextName: 'gone' });
    const log = new RecordingLog();
    const tools = createClusterTools(cluster.settings({ kubeconfig, timeoutSeconds: 10 }), log);
    await readCniStatus(tools.kubectl);
    await gone.stop();
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'unreachable',
      new RegExp(
        `^Cannot reach the cluster of context "gone": the API server ${gone.url.replace(/\./g, '\\.')} refused the connection; check the server address in the kubeconfig, the network or VPN, then try again\\.$`,
      ),
    );
    assert.match(log.text(), /The connection to the server 127\.0\.0\.1:\d+ was refused/);
    assert.doesNotMatch(
      log.text().split('(exit code 0)').at(-1) ?? '',
      /E\d{4} /,
      'discovery came from the cache',
    );
  });

  it('wrong credentials: says they were rejected and how to refresh them', async () => {
    const kubeconfig = writeKubeconfig(cluster.server, cluster.directory);
    const text = (await import('node:fs'))
      .readFileSync(kubeconfig, 'utf8')
      .replace(cluster.server.token, 'stale-token-000000');
    (await import('node:fs')).writeFileSync(kubeconfig, text);
    const tools = createClusterTools(cluster.settings({ kubeconfig }), new RecordingLog());
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'unauthorized',
      /rejected the credentials .*aws eks update-kubeconfig/,
    );
  });

  it('Forbidden on the change: says which verb on which resource, and aws-node is unchanged', async () => {
    const before = awsNodeEnv(cluster.server);
    cluster.server.forbid('patch', 'daemonsets');
    try {
      const tools = createClusterTools(cluster.settings(), new RecordingLog());
      const plan = await planEnable(tools.kubectl, 'pod-eni');
      await rejectsWith(
        applyPlan(tools.kubectl, plan),
        'forbidden',
        /user "test-user" may not patch daemonsets\.apps in namespace kube-system .*"patch" on "daemonsets" in API group "apps"/,
      );
    } finally {
      cluster.server.clearFailures();
    }
    assert.deepEqual(awsNodeEnv(cluster.server), before);
  });

  it('Forbidden on a read: names the get permission that is missing', async () => {
    cluster.server.forbid('get', 'daemonsets');
    try {
      const tools = createClusterTools(cluster.settings(), new RecordingLog());
      await rejectsWith(
        readCniStatus(tools.kubectl),
        'forbidden',
        /may not get daemonsets\.apps in namespace kube-system/,
      );
    } finally {
      cluster.server.clearFailures();
    }
  });

  it('a server error during the change leaves aws-node as it was', async () => {
    const before = awsNodeEnv(cluster.server);
    cluster.server.injectFailure({ method: 'PATCH', path: 'daemonsets', status: 500 });
    try {
      const tools = createClusterTools(cluster.settings(), new RecordingLog());
      const plan = await planEnable(tools.kubectl, 'prefix-delegation');
      await rejectsWith(
        applyPlan(tools.kubectl, plan),
        'command-failed',
        /kubectl failed .*injected failure/,
      );
    } finally {
      cluster.server.clearFailures();
    }
    assert.deepEqual(awsNodeEnv(cluster.server), before);
  });

  it('responses slower than the timeout: stops within the limit and says so', async () => {
    cluster.server.injectFailure({ path: 'daemonsets', delayMs: 30_000 });
    const started = Date.now();
    try {
      const tools = createClusterTools(cluster.settings({ timeoutSeconds: 2 }), new RecordingLog());
      await assert.rejects(readCniStatus(tools.kubectl), (error: unknown) => {
        assert.ok(
          isClusterError(error) && (error.code === 'timeout' || error.code === 'unreachable'),
          String(error),
        );
        assert.match(error.message, /did not (answer in time|finish within 2 s)/);
        return true;
      });
    } finally {
      cluster.server.clearFailures();
    }
    assert.ok(Date.now() - started < 8000, `took ${Date.now() - started} ms`);
  });

  it('slow discovery: fails as a timeout within the limit instead of retrying for long', async () => {
    cluster.server.injectFailure({ path: '/api', delayMs: 30_000 });
    const started = Date.now();
    try {
      const tools = createClusterTools(cluster.settings({ timeoutSeconds: 2 }), new RecordingLog());
      await assert.rejects(readCniStatus(tools.kubectl), (error: unknown) => {
        assert.ok(isClusterError(error) && error.code === 'timeout', String(error));
        return true;
      });
    } finally {
      cluster.server.clearFailures();
    }
    // kubectl alone would retry discovery five times at one second each.
    assert.ok(Date.now() - started < 4500, `took ${Date.now() - started} ms`);
  });

  it('refuses to apply a plan when aws-node changed after it was shown, and writes nothing', async () => {
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    const plan = await planEnable(tools.kubectl, 'prefix-delegation');
    editAwsNodeEnv(cluster.server, (env) =>
      env.map((entry) => (entry.name === 'ENABLE_PREFIX_DELEGATION' ? { ...entry, value: 'False' } : entry)),
    );
    const writes = cluster.server.writes().length;
    await rejectsWith(
      applyPlan(tools.kubectl, plan),
      'conflict',
      /aws-node changed since the plan was made \(ENABLE_PREFIX_DELEGATION is now "False"\); nothing was changed/,
    );
    assert.equal(cluster.server.writes().length, writes);
    editAwsNodeEnv(cluster.server, (env) =>
      env.map((entry) => (entry.name === 'ENABLE_PREFIX_DELEGATION' ? { ...entry, value: 'false' } : entry)),
    );
  });

  it('cancellation stops kubectl and reports it', async () => {
    cluster.server.injectFailure({ path: 'daemonsets', delayMs: 30_000 });
    const controller = new AbortController();
    try {
      const tools = createClusterTools(cluster.settings(), new RecordingLog());
      const seen = cluster.server.requests.length;
      const pending = readCniStatus(tools.kubectl, controller.signal);
      // Abort once kubectl's request for aws-node has reached the server.
      await waitFor(() =>
        cluster.server.requests.slice(seen).some((r) => r.path.endsWith('/daemonsets/aws-node')),
      );
      controller.abort();
      await rejectsWith(pending, 'cancelled', /Cancelled/);
    } finally {
      cluster.server.clearFailures();
    }
  });
});

describe('A cluster without the VPC CNI', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster({ withoutAwsNode: true })));
  after(() => cluster.stop());

  it('says there is no aws-node DaemonSet, so this is not a VPC CNI cluster', async () => {
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    await rejectsWith(
      readCniStatus(tools.kubectl),
      'no-aws-node',
      /no aws-node DaemonSet in kube-system.*does not run the Amazon VPC CNI/,
    );
    await rejectsWith(planEnable(tools.kubectl, 'pod-eni'), 'no-aws-node', /no aws-node DaemonSet/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
