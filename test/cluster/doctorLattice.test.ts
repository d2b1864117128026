// The Networking Doctor's Lattice checks with the real kubectl against the test API server seeded
// with a Lattice setup (the one `eksnet lattice status` is tested on) and the recorded aws CLI: the
// same facts give the same verdicts, each check runs alone, and a cluster without Lattice gets one
// "no Lattice resources" line and no Lattice reads beyond the controller and CRD lookups.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClusterTools, runDoctor, type DoctorFacts, type DoctorReport } from '../../src/cluster';
import {
  LATTICE_CHECKS,
  latticeAwsCheck,
  latticeControllerCheck,
  latticeCrdCheck,
  latticeGatewayCheck,
  latticeRouteCheck,
} from '../../src/cluster/doctor/latticeChecks';
import { readLatticeFacts, usesLattice } from '../../src/cluster/lattice/facts';
import { main } from '../../src/cli/main';
import { CLUSTER_FIXTURES } from '../support/apiserver/cluster';
import { seedLattice } from '../support/apiserver/lattice';
import { captureIO, recordedAws, RecordingLog, startCluster, type TestCluster } from './harness';

const ANSWERS = join(CLUSTER_FIXTURES, 'lattice-aws');
const LATTICE_IDS = LATTICE_CHECKS.map((check) => check.id);

function check(report: { checks: DoctorReport['checks'] }, title: string) {
  const found = report.checks.find((candidate) => candidate.title === title);
  assert.ok(found, `no check "${title}" in: ${report.checks.map((candidate) => candidate.title).join(', ')}`);
  return found;
}

/** Doctor facts whose Lattice part is read from the cluster; the CNI part must not be touched. */
async function latticeOnlyFacts(
  cluster: TestCluster,
  awsPath?: string,
  read: typeof readLatticeFacts = readLatticeFacts,
): Promise<DoctorFacts> {
  const tools = createClusterTools(cluster.settings(awsPath ? { awsPath } : {}), new RecordingLog());
  const kubectl = tools.kubectl.at(await tools.kubectl.resolveTarget());
  const untouched = () => {
    throw new Error('a Lattice check read CNI facts');
  };
  const lattice = read(kubectl);
  lattice.catch(() => undefined); // awaited by the checks; not an unhandled rejection meanwhile
  return {
    kubectl,
    get status() {
      return untouched();
    },
    nodes: untouched,
    cniNodes: untouched,
    eniConfigNames: untouched,
    nodePrefixes: undefined,
    lattice: () => lattice,
    aws: awsPath ? tools.aws : undefined,
  };
}

describe('Networking Doctor on a cluster with VPC Lattice', () => {
  let cluster: TestCluster;
  let report: DoctorReport;
  const log = new RecordingLog();
  before(async () => {
    cluster = await startCluster();
    seedLattice(cluster.server);
    const aws = recordedAws(cluster.directory, ANSWERS);
    const tools = createClusterTools(cluster.settings({ awsPath: aws.path }), log);
    report = await runDoctor(tools.kubectl, tools.aws);
  });
  after(() => cluster.stop());

  it('runs the Lattice checks after the CNI ones: controller, CRD versions, Gateways, routes, prefix list', () => {
    assert.equal(check(report, 'Cluster reachable, aws-node present').status, 'pass');
    assert.deepEqual(check(report, 'AWS Gateway API Controller'), {
      title: 'AWS Gateway API Controller',
      status: 'pass',
      detail: 'gateway-api-controller v2.1.3, 2/2 replicas ready',
    });
    assert.equal(check(report, 'Gateway API CRDs at v1').status, 'pass');
    assert.equal(check(report, 'Gateway apps/my-hotel').status, 'pass');
    const payments = check(report, 'Gateway apps/payments');
    assert.equal(payments.status, 'fail');
    assert.match(payments.fix ?? '', /--context=test-context describe gateway --namespace apps -- payments$/);
    assert.equal(check(report, 'HTTPRoute apps/inventory').status, 'fail');
    assert.equal(check(report, 'HTTPRoute apps/rates').status, 'pass');
    const nodes = check(report, 'Lattice prefix list in node security group sg-0nodes0000000001');
    assert.equal(nodes.status, 'fail');
    assert.match(
      nodes.fix ?? '',
      /^aws ec2 authorize-security-group-ingress --group-id sg-0nodes0000000001 /,
    );
    assert.ok(!report.checks.some((candidate) => candidate.title === 'VPC Lattice'));
    assert.equal(report.healthy, false);
  });

  it('gives every Lattice failure or warning a fix', () => {
    const start = report.checks.findIndex((candidate) => candidate.title === 'AWS Gateway API Controller');
    const flagged = report.checks
      .slice(start)
      .filter((candidate) => candidate.status === 'fail' || candidate.status === 'warn');
    assert.ok(flagged.length >= 5, 'the seeded cluster has Lattice problems');
    for (const result of flagged) assert.ok(result.fix, `${result.title} has no fix`);
  });

  it('names the resolved context and kubeconfig on every kubectl call, and changes nothing', () => {
    const calls = log.lines.filter(
      (line) => line.startsWith('$ ') && /kubectl/.test(line.split(' ')[1] ?? ''),
    );
    assert.ok(calls.some((line) => line.includes(' get gateways.gateway.networking.k8s.io ')));
    for (const call of calls.filter((line) => !line.includes(' config view ')))
      assert.match(call, /--kubeconfig=\S+ --context=test-context /, call);
    assert.deepEqual(cluster.server.writes(), []);
  });

  it('each Lattice check runs alone on its facts, and reads no CNI facts', async () => {
    const aws = recordedAws(cluster.directory, ANSWERS, 'aws-alone');
    const facts = await latticeOnlyFacts(cluster, aws.path);
    const titles = async (definition: (typeof LATTICE_CHECKS)[number]) =>
      (await definition.run(facts)).map((result) => `${result.status} ${result.title}`);
    assert.deepEqual(await titles(latticeControllerCheck), ['pass AWS Gateway API Controller']);
    assert.deepEqual(await titles(latticeCrdCheck), [
      'pass Gateway API CRDs at v1',
      'info Gateway API bundle version',
      'warn TLSRoute stored versions',
      'pass Controller CRDs',
    ]);
    assert.ok((await titles(latticeGatewayCheck)).includes('fail Gateway apps/payments'));
    const routes = await titles(latticeRouteCheck);
    assert.ok(routes.includes('fail HTTPRoute apps/parking'), routes.join(', '));
    assert.ok(routes.includes('fail TargetGroupPolicy apps/rates-health'), routes.join(', '));
    assert.ok(
      (await titles(latticeAwsCheck)).includes(
        'fail Lattice prefix list in node security group sg-0nodes0000000001',
      ),
    );
    const withoutAws = await latticeOnlyFacts(cluster);
    assert.deepEqual(await latticeAwsCheck.run(withoutAws), [], 'no aws CLI: no aws checks');
  });

  it('prints the Lattice lines in eksnet doctor', async () => {
    const aws = recordedAws(cluster.directory, ANSWERS, 'aws-cli');
    const io = captureIO(cluster.settings().env);
    const code = await main(
      [
        'doctor',
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
    assert.match(
      io.out,
      /✗ Gateway apps\/payments: Programmed=False \(Pending\): VPC Lattice Service Network not found/,
    );
  });
});

describe('Networking Doctor on a cluster without VPC Lattice', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('says "no Lattice resources" once, and lists no Gateway API objects', async () => {
    const log = new RecordingLog();
    const tools = createClusterTools(cluster.settings({ awsPath: '/nonexistent/aws' }), log);
    const report = await runDoctor(tools.kubectl, tools.aws);
    const lattice = check(report, 'VPC Lattice');
    assert.equal(lattice.status, 'info');
    assert.match(lattice.detail, /^No Lattice resources/);
    assert.ok(!report.checks.some((candidate) => /Gateway|Lattice prefix|Controller/.test(candidate.title)));
    assert.doesNotMatch(log.text(), /get (gateways|gatewayclasses|httproutes|events)/);
  });

  it('a Lattice check that cannot read the cluster is skipped with the reason, said once', async () => {
    const broken = await latticeOnlyFacts(cluster, undefined, () =>
      Promise.reject(new Error('the API server refused the list')),
    );
    const results = (await Promise.all(LATTICE_CHECKS.map((definition) => definition.run(broken)))).flat();
    assert.deepEqual(results, [
      { title: 'AWS Gateway API Controller', status: 'skip', detail: 'the API server refused the list' },
    ]);
    assert.equal(new Set(LATTICE_IDS).size, LATTICE_IDS.length);
  });
});

describe('Which clusters use VPC Lattice', () => {
  it("Gateway API CRDs and another implementation's Gateways alone do not count; the controller, its CRDs or a Lattice class do", async () => {
    const cluster = await startCluster();
    try {
      seedLattice(cluster.server);
      const tools = createClusterTools(cluster.settings(), new RecordingLog());
      const facts = await readLatticeFacts(tools.kubectl.at(await tools.kubectl.resolveTarget()));
      assert.equal(usesLattice(facts), true);
      const gatewayApiOnly = {
        ...facts,
        controller: undefined,
        crds: facts.crds.filter((state) => state.name.endsWith('.gateway.networking.k8s.io')),
        classes: [],
        gateways: [],
      };
      assert.ok(gatewayApiOnly.crds.some((state) => state.present));
      assert.ok(
        (gatewayApiOnly.model.gateways as { spec?: { gatewayClassName?: string } }[]).some(
          (gateway) => gateway.spec?.gatewayClassName !== 'amazon-vpc-lattice',
        ),
        'the seed has a Gateway of another implementation',
      );
      assert.equal(usesLattice(gatewayApiOnly), false);
      assert.equal(usesLattice({ ...gatewayApiOnly, classes: facts.classes }), true);
      assert.equal(usesLattice({ ...gatewayApiOnly, controller: facts.controller }), true);
      assert.equal(usesLattice({ ...gatewayApiOnly, crds: facts.crds }), true);
    } finally {
      await cluster.stop();
    }
  });
});
