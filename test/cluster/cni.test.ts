// CNI status and feature switches through src/cluster, with the real kubectl against the test API server.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  applyPlan,
  createClusterTools,
  isClusterError,
  planEnable,
  readCniStatus,
  renderPlan,
} from '../../src/cluster';
import { awsNodeEnv } from '../support/apiserver/cluster';
import { RecordingLog, startCluster, type TestCluster } from './harness';

function tools(cluster: TestCluster, log = new RecordingLog()) {
  return createClusterTools(cluster.settings(), log);
}

/** Every env entry except `changed` is exactly as it was. */
function assertOnlyChanged(
  before: Map<string, string | undefined>,
  afterEnv: Map<string, string | undefined>,
  changed: Record<string, string>,
): void {
  for (const [name, value] of before)
    if (!(name in changed)) assert.equal(afterEnv.get(name), value, `${name} must be unchanged`);
  for (const [name, value] of Object.entries(changed))
    assert.equal(afterEnv.get(name), value, `${name} must be ${value}`);
  const added = [...afterEnv.keys()].filter((name) => !before.has(name));
  assert.deepEqual(
    added.sort(),
    Object.keys(changed)
      .filter((name) => !before.has(name))
      .sort(),
  );
}

describe('CNI status', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('reads the version from the aws-node image tag and every setting from the container env', async () => {
    const status = await readCniStatus(tools(cluster).kubectl);
    assert.equal(status.context, 'test-context');
    assert.equal(status.version, 'v1.23.1');
    const setting = (name: string) => status.settings.find((s) => s.name === name);
    assert.deepEqual(setting('ENABLE_POD_ENI'), {
      name: 'ENABLE_POD_ENI',
      value: 'false',
      effective: 'false',
      meaning: setting('ENABLE_POD_ENI')?.meaning,
    });
    assert.equal(setting('WARM_PREFIX_TARGET')?.value, '1');
    assert.equal(setting('POD_SECURITY_GROUP_ENFORCING_MODE')?.value, undefined);
    assert.equal(setting('POD_SECURITY_GROUP_ENFORCING_MODE')?.effective, 'strict');
    assert.equal(setting('ENI_CONFIG_LABEL_DEF')?.effective, 'k8s.amazonaws.com/eniConfig');
    assert.equal(status.owner.kind, 'self-managed');
  });

  it('reports network policy enforcement off from the ConfigMap and the node agent flag', async () => {
    const status = await readCniStatus(tools(cluster).kubectl);
    assert.deepEqual(
      {
        configMap: status.networkPolicy.configMapValue,
        flag: status.networkPolicy.agentFlag,
        enforced: status.networkPolicy.enforced,
      },
      { configMap: 'false', flag: 'false', enforced: false },
    );
  });

  it('reports enforcement on only when the ConfigMap says exactly "true" and the agent flag is on', async () => {
    const configMap = cluster.server.get('v1', 'ConfigMap', 'amazon-vpc-cni', 'kube-system')!;
    cluster.server.put({
      ...configMap,
      data: { ...(configMap.data as Record<string, string>), 'enable-network-policy-controller': 'True' },
    });
    const halfOn = await readCniStatus(tools(cluster).kubectl);
    assert.equal(halfOn.networkPolicy.enforced, false);
    cluster.server.put({
      ...configMap,
      data: { ...(configMap.data as Record<string, string>), 'enable-network-policy-controller': 'true' },
    });
    const inconsistent = await readCniStatus(tools(cluster).kubectl);
    assert.equal(inconsistent.networkPolicy.inconsistent, true);
    cluster.server.put(configMap);
  });
});

describe('Enabling features', () => {
  let cluster: TestCluster;
  before(
    async () =>
      (cluster = await startCluster({ eniConfigZones: ['us-west-2a'], removeEnv: ['WARM_PREFIX_TARGET'] })),
  );
  after(() => cluster.stop());

  it('plans security groups for pods with the context, the exact command and before → after, without changing anything', async () => {
    const writesBefore = cluster.server.writes().length;
    const plan = await planEnable(tools(cluster).kubectl, 'pod-eni');
    assert.deepEqual(plan.changes, [{ name: 'ENABLE_POD_ENI', before: 'false', after: 'true' }]);
    assert.equal(plan.target.context, 'test-context');
    assert.deepEqual(plan.args, [
      'set',
      'env',
      '--namespace',
      'kube-system',
      '--containers',
      'aws-node',
      '--',
      'daemonset/aws-node',
      'ENABLE_POD_ENI=true',
    ]);
    const text = renderPlan(plan, 'text');
    assert.match(text, /context test-context/);
    assert.match(text, /ENABLE_POD_ENI: false → true/);
    assert.match(
      text,
      /kubectl --kubeconfig=\S+ --context=test-context set env --namespace kube-system --containers aws-node -- daemonset\/aws-node ENABLE_POD_ENI=true/,
    );
    assert.equal(cluster.server.writes().length, writesBefore, 'planning must not write');
  });

  it('a server-side dry run sends dryRun=All and leaves aws-node unchanged', async () => {
    const before = awsNodeEnv(cluster.server);
    const t = tools(cluster);
    const outcome = await applyPlan(t.kubectl, await planEnable(t.kubectl, 'pod-eni'), { dryRun: true });
    assert.equal(outcome.dryRun, true);
    const patch = cluster.server.writes().at(-1)!;
    assert.equal(patch.method, 'PATCH');
    assert.equal(patch.query.get('dryRun'), 'All');
    assert.deepEqual(awsNodeEnv(cluster.server), before);
  });

  it('enables security groups for pods: ENABLE_POD_ENI=true, every other env entry and container unchanged', async () => {
    const before = awsNodeEnv(cluster.server);
    const initBefore = awsNodeEnv(cluster.server, 'aws-vpc-cni-init');
    const agentBefore = awsNodeEnv(cluster.server, 'aws-eks-nodeagent');
    const t = tools(cluster);
    const outcome = await applyPlan(t.kubectl, await planEnable(t.kubectl, 'pod-eni'));
    assert.deepEqual(outcome.changes, [{ name: 'ENABLE_POD_ENI', before: 'false', after: 'true' }]);
    assertOnlyChanged(before, awsNodeEnv(cluster.server), { ENABLE_POD_ENI: 'true' });
    assert.deepEqual(awsNodeEnv(cluster.server, 'aws-vpc-cni-init'), initBefore);
    assert.deepEqual(awsNodeEnv(cluster.server, 'aws-eks-nodeagent'), agentBefore);
  });

  it('does nothing when the feature is already on', async () => {
    const writesBefore = cluster.server.writes().length;
    const t = tools(cluster);
    const plan = await planEnable(t.kubectl, 'pod-eni');
    assert.deepEqual(plan.changes, []);
    const outcome = await applyPlan(t.kubectl, plan);
    assert.match(outcome.message, /already on/);
    assert.equal(cluster.server.writes().length, writesBefore);
  });

  it('warns about each node zone without an ENIConfig before enabling custom networking', async () => {
    const plan = await planEnable(tools(cluster).kubectl, 'custom-networking');
    const missing = plan.warnings.filter((w) => w.startsWith('No ENIConfig'));
    assert.equal(missing.length, 1);
    assert.match(missing[0], /"us-west-2b".*ip-10-0-2-20\.us-west-2\.compute\.internal.*no IP address/);
  });

  it('enables custom networking with the zone label, other entries unchanged', async () => {
    const before = awsNodeEnv(cluster.server);
    const t = tools(cluster);
    await applyPlan(t.kubectl, await planEnable(t.kubectl, 'custom-networking'));
    assertOnlyChanged(before, awsNodeEnv(cluster.server), {
      AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
      ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
    });
  });

  it('adds WARM_PREFIX_TARGET=1 with prefix delegation when no warm or minimum target is set', async () => {
    const before = awsNodeEnv(cluster.server);
    assert.equal(before.has('WARM_PREFIX_TARGET'), false);
    const t = tools(cluster);
    const plan = await planEnable(t.kubectl, 'prefix-delegation');
    assert.deepEqual(
      plan.changes.map((c) => `${c.name}=${c.after}`),
      ['ENABLE_PREFIX_DELEGATION=true', 'WARM_PREFIX_TARGET=1'],
    );
    assert.ok(plan.caveats.some((c) => /Nitro/.test(c)) && plan.caveats.some((c) => /max-pods/.test(c)));
    await applyPlan(t.kubectl, plan);
    assertOnlyChanged(before, awsNodeEnv(cluster.server), {
      ENABLE_PREFIX_DELEGATION: 'true',
      WARM_PREFIX_TARGET: '1',
    });
  });
});

describe('Prefix delegation with a warm target already set', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('keeps the existing WARM_PREFIX_TARGET and changes only ENABLE_PREFIX_DELEGATION', async () => {
    const plan = await planEnable(tools(cluster).kubectl, 'prefix-delegation');
    assert.deepEqual(plan.changes, [{ name: 'ENABLE_PREFIX_DELEGATION', before: 'false', after: 'true' }]);
  });
});

describe('Version gates', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster({ cniVersion: 'v1.6.3' })));
  after(() => cluster.stop());

  it('refuses prefix delegation on a CNI older than v1.9.0 and writes nothing', async () => {
    await assert.rejects(planEnable(tools(cluster).kubectl, 'prefix-delegation'), (error: unknown) => {
      assert.ok(isClusterError(error, 'cni-too-old'));
      assert.match(
        error.message,
        /is v1\.6\.3, too old for prefix delegation, which needs v1\.9\.0 or later/,
      );
      return true;
    });
    await assert.rejects(planEnable(tools(cluster).kubectl, 'pod-eni'), /needs v1\.7\.7 or later/);
    assert.deepEqual(cluster.server.writes(), []);
  });
});

describe('aws-node managed by the EKS add-on', () => {
  let cluster: TestCluster;
  before(async () => {
    cluster = await startCluster();
    const daemonSet = cluster.server.get('apps/v1', 'DaemonSet', 'aws-node', 'kube-system')!;
    (daemonSet.metadata as Record<string, unknown>).managedFields = [
      { manager: 'eks', operation: 'Apply', apiVersion: 'apps/v1', fieldsType: 'FieldsV1' },
    ];
    cluster.server.put(daemonSet);
  });
  after(() => cluster.stop());

  it('warns that kubectl changes can be overwritten and offers the update-addon configuration JSON', async () => {
    const plan = await planEnable(tools(cluster).kubectl, 'prefix-delegation');
    assert.equal(plan.owner.kind, 'eks-addon');
    assert.ok(plan.warnings.some((w) => /managed by the EKS vpc-cni add-on.*overwritten/.test(w)));
    assert.equal(plan.addon?.configurationValues, '{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}');
    assert.equal(
      plan.addon?.command,
      `aws eks update-addon --cluster-name demo-cluster --addon-name vpc-cni --configuration-values '{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}'`,
    );
  });
});
