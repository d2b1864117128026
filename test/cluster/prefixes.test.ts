// Node prefixes through the aws CLI (a stand-in executable that returns recorded EC2 JSON): the
// cluster name and region come from the context's cluster ARN, and aws problems get clear messages.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createClusterTools,
  isClusterError,
  readNodePrefixes,
  renderPrefixes,
  runDoctor,
} from '../../src/cluster';
import { main } from '../../src/cli/main';
import { CLUSTER_FIXTURES, editAwsNodeEnv } from '../support/apiserver/cluster';
import { captureIO, recordingExecutable, RecordingLog, startCluster, type TestCluster } from './harness';

const EC2_JSON = join(CLUSTER_FIXTURES, 'ec2-describe-instances.json');

describe('Node prefixes', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('lists each node with its prefixes, taking cluster name and region from the context ARN', async () => {
    const aws = recordingExecutable(cluster.directory, 'aws-ok', { stdoutFile: EC2_JSON });
    const tools = createClusterTools(cluster.settings({ awsPath: aws.path }), new RecordingLog());
    const report = await readNodePrefixes(tools.aws, await tools.kubectl.resolveTarget());
    assert.deepEqual(report.cluster, { name: 'demo-cluster', region: 'us-west-2' });
    assert.deepEqual(
      report.nodes.map((node) => [node.privateDnsName, node.ipv4Prefixes]),
      [
        ['ip-10-0-1-10.us-west-2.compute.internal', ['10.0.1.48/28', '10.0.1.64/28', '10.0.1.208/28']],
        ['ip-10-0-2-20.us-west-2.compute.internal', []],
      ],
    );
    assert.deepEqual(aws.calls()[0], [
      'ec2',
      'describe-instances',
      '--filters',
      'Name=tag:eks:cluster-name,Values=demo-cluster',
      'Name=instance-state-name,Values=running',
      '--output',
      'json',
      '--region=us-west-2',
    ]);
    assert.match(
      renderPrefixes(report, 'text'),
      /ip-10-0-2-20\.us-west-2\.compute\.internal\s+i-0ddd3333eeee4444f\s+m5\.xlarge\s+us-west-2b\s+\(none\)/,
    );
  });

  it('says where to set the cluster name when the context does not reveal it', async () => {
    const aws = recordingExecutable(cluster.directory, 'aws-unused');
    const tools = createClusterTools(cluster.settings({ awsPath: aws.path }), new RecordingLog());
    const context = { context: 'kind', cluster: 'kind-kind', server: '', user: '' };
    await assert.rejects(
      readNodePrefixes(tools.aws, context),
      /Cannot tell the EKS cluster name from the context's cluster "kind-kind"; set the eksNetworking\.clusterName setting/,
    );
    assert.deepEqual(aws.calls(), []);
  });

  it('aws missing: names the path tried and the setting', async () => {
    const tools = createClusterTools(
      cluster.settings({ awsPath: '/nonexistent/aws', clusterName: 'demo' }),
      new RecordingLog(),
    );
    await assert.rejects(
      readNodePrefixes(tools.aws, undefined),
      /aws was not found at "\/nonexistent\/aws"; install it or set the eksNetworking\.awsPath setting/,
    );
  });

  it('aws not signed in: says how to sign in', async () => {
    const aws = recordingExecutable(cluster.directory, 'aws-nocreds', {
      exitCode: 253,
      stderr: 'Unable to locate credentials. You can configure credentials by running "aws configure".',
    });
    const tools = createClusterTools(
      cluster.settings({ awsPath: aws.path, clusterName: 'demo', awsProfile: 'dev' }),
      new RecordingLog(),
    );
    await assert.rejects(readNodePrefixes(tools.aws, undefined), (error: unknown) => {
      assert.ok(isClusterError(error, 'aws-not-signed-in'));
      assert.match(error.message, /not signed in .*aws sso login --profile dev/);
      return true;
    });
  });

  it('the doctor checks node prefixes through aws when prefix delegation is on and names nodes without any', async () => {
    editAwsNodeEnv(cluster.server, (env) =>
      env.map((entry) => (entry.name === 'ENABLE_PREFIX_DELEGATION' ? { ...entry, value: 'true' } : entry)),
    );
    const aws = recordingExecutable(cluster.directory, 'aws-doctor', { stdoutFile: EC2_JSON });
    const tools = createClusterTools(cluster.settings({ awsPath: aws.path }), new RecordingLog());
    const report = await runDoctor(tools.kubectl, tools.aws);
    const check = report.checks.find((c) => c.title === 'Prefixes on nodes');
    assert.equal(check?.status, 'warn');
    assert.match(check?.detail ?? '', /No prefixes on ip-10-0-2-20\.us-west-2\.compute\.internal/);
    assert.equal(aws.calls().length, 1);
  });

  it('eksnet prefixes prints the table and --format json the report', async () => {
    const aws = recordingExecutable(cluster.directory, 'aws-cli', { stdoutFile: EC2_JSON });
    const io = captureIO(cluster.settings().env);
    const common = [
      '--kubeconfig',
      cluster.kubeconfig,
      '--kubectl',
      cluster.settings().kubectlPath,
      '--aws',
      aws.path,
    ];
    assert.equal(await main(['prefixes', ...common], io), 0);
    assert.match(io.out, /Node prefixes — cluster demo-cluster \(us-west-2\)/);
    assert.match(io.out, /10\.0\.1\.48\/28, 10\.0\.1\.64\/28, 10\.0\.1\.208\/28/);
    const json = captureIO(cluster.settings().env);
    assert.equal(await main(['prefixes', '--format', 'json', ...common], json), 0);
    assert.equal((JSON.parse(json.out) as { nodes: unknown[] }).nodes.length, 2);
  });
});
