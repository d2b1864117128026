// `eksnet lattice status` with the real kubectl against the test API server seeded with a Lattice
// setup, and a stand-in aws CLI that answers with recorded output.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClusterTools, readLatticeStatus, type LatticeStatus } from '../../src/cluster';
import { main } from '../../src/cli/main';
import { CLUSTER_FIXTURES } from '../support/apiserver/cluster';
import { seedLattice } from '../support/apiserver/lattice';
import { captureIO, recordedAws, RecordingLog, startCluster, type TestCluster } from './harness';

const ANSWERS = join(CLUSTER_FIXTURES, 'lattice-aws');

function check(report: LatticeStatus, title: string) {
  const found = report.checks.find((candidate) => candidate.title === title);
  assert.ok(found, `no check "${title}" in: ${report.checks.map((candidate) => candidate.title).join(', ')}`);
  return found;
}

describe('Lattice status', () => {
  let cluster: TestCluster;
  let report: LatticeStatus;
  let awsCalls: string[][];
  const log = new RecordingLog();
  before(async () => {
    cluster = await startCluster();
    seedLattice(cluster.server);
    const aws = recordedAws(cluster.directory, ANSWERS);
    const tools = createClusterTools(cluster.settings({ awsPath: aws.path }), log);
    report = await readLatticeStatus(tools.kubectl, tools.aws);
    awsCalls = aws.calls();
  });
  after(() => cluster.stop());

  it('finds the controller by its image, with version and ready replicas', () => {
    assert.deepEqual(check(report, 'AWS Gateway API Controller'), {
      title: 'AWS Gateway API Controller',
      status: 'pass',
      detail: 'gateway-api-controller v2.1.3, 2/2 replicas ready',
    });
  });

  it('checks the Gateway API CRDs are served at v1 and notes the TLSRoute v1alpha2 leftover', () => {
    assert.equal(check(report, 'Gateway API CRDs at v1').status, 'pass');
    assert.deepEqual(check(report, 'Gateway API bundle version'), {
      title: 'Gateway API bundle version',
      status: 'info',
      detail: 'Gateway API CRDs v1.5.0',
    });
    assert.equal(check(report, 'TLSRoute stored versions').status, 'warn');
    assert.equal(check(report, 'Controller CRDs').status, 'pass');
  });

  it("reports each Lattice Gateway's Programmed condition and ignores other implementations", () => {
    assert.equal(check(report, 'Gateway apps/my-hotel').status, 'pass');
    const { fix, ...payments } = check(report, 'Gateway apps/payments');
    assert.deepEqual(payments, {
      title: 'Gateway apps/payments',
      status: 'fail',
      detail: 'Programmed=False (Pending): VPC Lattice Service Network not found',
    });
    assert.match(
      fix ?? '',
      /^kubectl --kubeconfig=\S+ --context=test-context describe gateway --namespace apps -- payments$/,
    );
    assert.ok(!report.checks.some((candidate) => /mesh/.test(candidate.title)));
  });

  it('reports route conditions, controller events and the Lattice domain', () => {
    assert.match(
      check(report, 'HTTPRoute apps/rates').detail,
      /^rates-apps-0123456789abcdef0\..*\.on\.aws \(arn:aws:vpc-lattice:.*svc-0123456789abcdef0\)$/,
    );
    const { fix, ...inventory } = check(report, 'HTTPRoute apps/inventory');
    assert.deepEqual(inventory, {
      title: 'HTTPRoute apps/inventory',
      status: 'fail',
      detail: 'ResolvedRefs=False (BackendNotFound): backendRef name: inventory-ver1',
    });
    assert.match(fix ?? '', / describe httproute --namespace apps -- inventory$/);
    assert.equal(
      check(report, 'HTTPRoute apps/parking').detail,
      'FailedBuildModel: Failed build model due to failed to build rules due to LATTICE_NO_SUPPORT_FOR_MULTIPLE_MATCHES',
    );
    assert.equal(check(report, 'GRPCRoute apps/greeter').status, 'warn');
  });

  it("reports each policy's Accepted condition", () => {
    assert.equal(check(report, 'IAMAuthPolicy apps/my-hotel-auth').status, 'pass');
    assert.equal(
      check(report, 'TargetGroupPolicy apps/rates-health').detail,
      'Accepted=False (TargetNotFound): targetRef not found, target=apps/ratez',
    );
  });

  it('maps Gateways to service networks associated with the cluster VPC', () => {
    assert.deepEqual(check(report, 'Service network for Gateway my-hotel'), {
      title: 'Service network for Gateway my-hotel',
      status: 'pass',
      detail: 'sn-0aaa1111bbbb2222c, associated with the cluster VPC (ACTIVE)',
    });
    assert.equal(check(report, 'Service network for Gateway payments').status, 'fail');
    assert.ok(
      awsCalls.some(
        (call) =>
          call.slice(0, 4).join(' ') ===
          'vpc-lattice list-service-network-vpc-associations --vpc-identifier vpc-0abc1234def567890',
      ),
    );
  });

  it('checks the Lattice prefix list in node, cluster and SecurityGroupPolicy security groups', () => {
    assert.equal(
      check(report, 'Lattice prefix list in node security group sg-0cluster000000001').status,
      'pass',
    );
    const nodes = check(report, 'Lattice prefix list in node security group sg-0nodes0000000001');
    assert.equal(nodes.status, 'fail');
    assert.equal(
      nodes.fix,
      "aws ec2 authorize-security-group-ingress --group-id sg-0nodes0000000001 --ip-permissions 'IpProtocol=-1,PrefixListIds=[{PrefixListId=pl-0721453c7ac4ec009}]'",
    );
    // The pod group lets in only the IPv6 list: IPv4 Lattice traffic is still blocked.
    assert.equal(
      check(report, 'Lattice prefix list in SecurityGroupPolicy pod security group sg-0pod0000000000001')
        .status,
      'warn',
    );
    assert.ok(
      !report.checks.some((candidate) => candidate.title.includes('sg-0secondary0000001')),
      'secondary ENIs are not the node group',
    );
    assert.equal(report.healthy, false);
  });

  it('sends only read-only aws calls, with the region from the cluster ARN', () => {
    for (const call of awsCalls) {
      assert.match(`${call[0]} ${call[1]}`, /^(eks describe-|ec2 describe-|vpc-lattice list-)/);
      assert.ok(call.includes('--region=us-west-2'), call.join(' '));
    }
    assert.ok(!cluster.server.writes().length, 'no write reached the API server');
  });

  it('prints the report through eksnet lattice status and exits 1 on problems', async () => {
    const aws = recordedAws(cluster.directory, ANSWERS, 'aws-cli');
    const io = captureIO(cluster.settings().env);
    const code = await main(
      [
        'lattice',
        'status',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
        '--aws',
        aws.path,
      ],
      io,
    );
    assert.equal(code, 1, io.err);
    assert.match(io.out, /^Lattice Status — context /);
    assert.match(
      io.out,
      /✗ Gateway apps\/payments: Programmed=False \(Pending\): VPC Lattice Service Network not found/,
    );
    const json = captureIO(cluster.settings().env);
    await main(
      [
        'lattice',
        'status',
        '--format',
        'json',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
        '--aws',
        aws.path,
      ],
      json,
    );
    assert.equal((JSON.parse(json.out) as LatticeStatus).healthy, false);
  });

  it('keeps credentials out of the log', () => {
    for (const secret of cluster.secrets()) assert.ok(!log.text().includes(secret));
  });
});

describe('Lattice status on a cluster that cannot run controller v2.1', () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startCluster();
    seedLattice(cluster.server, { oldTlsRoute: true });
  });
  after(() => cluster.stop());

  it('fails the CRD check when TLSRoute is not served at v1, and turns aws denials into skipped checks', async () => {
    const aws = recordedAws(cluster.directory, join(ANSWERS, 'none'), 'aws-denied');
    const tools = createClusterTools(cluster.settings({ awsPath: aws.path }), new RecordingLog());
    const report = await readLatticeStatus(tools.kubectl, tools.aws);
    const crds = check(report, 'Gateway API CRDs at v1');
    assert.equal(crds.status, 'fail');
    assert.match(
      crds.detail,
      /tlsroutes\.gateway\.networking\.k8s\.io \(serves v1alpha2\).*required CRDs check failed/,
    );
    const vpc = check(report, 'Cluster VPC');
    assert.equal(vpc.status, 'skip');
    assert.match(vpc.detail, /AWS denied the request .*needs IAM permission "eks:DescribeCluster"/);
  });

  it('fails clearly without the controller', async () => {
    const other = await startCluster();
    try {
      seedLattice(other.server, { withoutController: true });
      const tools = createClusterTools(other.settings(), new RecordingLog());
      const report = await readLatticeStatus(tools.kubectl, undefined);
      assert.match(
        check(report, 'AWS Gateway API Controller').detail,
        /No Deployment with the controller image in namespace aws-application-networking-system/,
      );
    } finally {
      await other.stop();
    }
  });
});
