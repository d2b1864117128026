// The Networking Doctor's checks one by one, each on facts built from the real aws-node manifest
// (test/fixtures/cluster/aws-k8s-cni.yaml) changed the way people break it, and each fix command
// aimed at the resolved target. Then `eksnet doctor PATH` end to end: enforcement off while the
// manifests hold NetworkPolicies is a warning, not "No problems found".

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CHECKS, countNetworkPolicies, Kubectl, renderDoctor, type DoctorFacts } from '../../src/cluster';
import { cniStatusFrom, type ConfigMap, type DaemonSet } from '../../src/cluster/cni/awsNode';
import { reportOf } from '../../src/cluster/doctor';
import type { LatticeFacts } from '../../src/cluster/lattice/facts';
import { main } from '../../src/cli/main';
import { CLUSTER_FIXTURES, manifestObjects, NODES } from '../support/apiserver/cluster';
import { captureIO, startCluster, type TestCluster } from './harness';

const TARGET = {
  kubeconfig: ['/home/me/.kube/config'],
  context: 'prod',
  cluster: 'arn:aws:eks:eu-west-1:111122223333:cluster/shop',
  server: 'https://EXAMPLE.gr7.eu-west-1.eks.amazonaws.com',
  user: 'me',
};
const KUBECTL = new Kubectl({
  kubectlPath: 'kubectl',
  awsPath: 'aws',
  timeoutSeconds: 30,
  hints: {
    kubectlPath: '',
    kubeconfig: '',
    context: '',
    awsPath: '',
    awsProfile: '',
    awsRegion: '',
    clusterName: '',
    timeoutSeconds: '',
  },
}).at(TARGET);
const SET_ENV = `kubectl --kubeconfig=/home/me/.kube/config --context=prod set env --namespace kube-system --containers aws-node -- daemonset/aws-node`;

interface Scenario {
  env?: Record<string, string | null>;
  image?: string;
  configMap?: Record<string, string>;
  agentFlag?: string;
  managedByAddon?: boolean;
  cniNodeFeatures?: Record<string, string[]>;
  eniConfigs?: string[];
  policies?: number;
}

/** A cluster without the controller, its CRDs or any Gateway API object. */
const NO_LATTICE_FACTS: LatticeFacts = {
  kubectl: KUBECTL,
  controller: undefined,
  crds: [],
  model: { gatewayClasses: [], gateways: [] },
  classes: [],
  gateways: [],
  routes: [],
  policies: [],
  events: [],
  problems: [],
};

/** Facts as runDoctor would read them, from the real manifest with the scenario's changes. */
function facts(scenario: Scenario = {}): DoctorFacts {
  const objects = manifestObjects();
  const daemonSet = structuredClone(objects.find((o) => o.kind === 'DaemonSet')) as unknown as DaemonSet;
  const configMap = structuredClone(objects.find((o) => o.kind === 'ConfigMap')) as unknown as ConfigMap;
  const containers = daemonSet.spec.template.spec.containers;
  const awsNode = containers.find((c) => c.name === 'aws-node')!;
  for (const [name, value] of Object.entries(scenario.env ?? {})) {
    awsNode.env = (awsNode.env ?? []).filter((entry) => entry.name !== name);
    if (value !== null) awsNode.env.push({ name, value });
  }
  if (scenario.image) awsNode.image = scenario.image;
  if (scenario.configMap) configMap.data = { ...configMap.data, ...scenario.configMap };
  if (scenario.agentFlag !== undefined) {
    const agent = containers.find((c) => c.name === 'aws-eks-nodeagent')!;
    agent.args = (agent.args ?? []).map((arg) =>
      arg.startsWith('--enable-network-policy=') ? `--enable-network-policy=${scenario.agentFlag}` : arg,
    );
  }
  if (scenario.managedByAddon) daemonSet.metadata.managedFields = [{ manager: 'eks', operation: 'Apply' }];
  const nodes = NODES.map((node) => ({
    metadata: { name: node.name, labels: { 'topology.kubernetes.io/zone': node.zone } },
  }));
  return {
    kubectl: KUBECTL,
    status: cniStatusFrom('prod', daemonSet, configMap),
    nodes: async () => nodes,
    cniNodes: async () =>
      NODES.map((node) => ({
        metadata: { name: node.name },
        spec: { features: (scenario.cniNodeFeatures?.[node.name] ?? []).map((name) => ({ name })) },
      })),
    eniConfigNames: async () => scenario.eniConfigs ?? [],
    nodePrefixes: undefined,
    lattice: async () => NO_LATTICE_FACTS,
    workspaceNetworkPolicies: scenario.policies,
  };
}

const check = (id: string) => {
  const found = CHECKS.find((c) => c.id === id);
  assert.ok(found, `no check ${id}`);
  return found;
};

describe('Networking Doctor checks, one at a time', () => {
  it('every check has its own id, and every failure or warning comes with a fix', async () => {
    assert.equal(new Set(CHECKS.map((c) => c.id)).size, CHECKS.length);
    const broken: Scenario[] = [
      { env: { ENABLE_IPv6: 'true', ENABLE_IPv4: 'true' } },
      { env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: null } },
      { env: { ENABLE_POD_ENI: 'true', POD_SECURITY_GROUP_ENFORCING_MODE: 'loose' } },
      { env: { AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENABLE_IPv6: 'true', ENABLE_IPv4: 'false' } },
      { configMap: { 'enable-network-policy-controller': 'true' } },
      {
        configMap: { 'enable-network-policy-controller': 'true' },
        agentFlag: 'true',
        env: { ENABLE_BANDWIDTH_PLUGIN: 'true' },
      },
      { env: { ENABLE_NETWORK_POLICY: 'true' }, policies: 4 },
    ];
    for (const scenario of broken) {
      const results = (await Promise.all(CHECKS.map((c) => c.run(facts(scenario))))).flat();
      const flagged = results.filter((r) => r.status === 'fail' || r.status === 'warn');
      assert.ok(flagged.length > 0, `nothing flagged for ${JSON.stringify(scenario)}`);
      for (const result of flagged) assert.ok(result.fix, `${result.title} has no fix`);
    }
  });

  it('ip-family: both families on fails, with the set env fix on the target', async () => {
    const [result, ipv6] = await check('ip-family').run(facts({ env: { ENABLE_IPv6: 'true' } }));
    assert.equal(result.status, 'fail');
    assert.equal(result.fix, `${SET_ENV} ENABLE_IPv4=true ENABLE_IPv6=false`);
    assert.equal(ipv6.title, 'IPv6 needs prefix delegation');
  });

  it('prefix-delegation: on without a warm or minimum target fails; with one it passes; a v1.8 CNI fails the gate', async () => {
    const noTarget = await check('prefix-delegation').run(
      facts({ env: { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: null } }),
    );
    assert.deepEqual(
      noTarget.map((r) => [r.status, r.fix]),
      [['fail', `${SET_ENV} WARM_PREFIX_TARGET=1`]],
    );
    const ok = await check('prefix-delegation').run(facts({ env: { ENABLE_PREFIX_DELEGATION: 'true' } }));
    assert.equal(ok[0].status, 'pass');
    const old = await check('prefix-delegation').run(
      facts({ env: { ENABLE_PREFIX_DELEGATION: 'true' }, image: 'amazon-k8s-cni:v1.8.0' }),
    );
    assert.match(old.at(-1)!.detail, /needs VPC CNI v1\.9\.0 or later; this cluster runs v1\.8\.0/);
  });

  it('security-groups-for-pods: a wrong enforcing mode fails; a node without a trunk ENI is a warning', async () => {
    const results = await check('security-groups-for-pods').run(
      facts({
        env: { ENABLE_POD_ENI: 'true', POD_SECURITY_GROUP_ENFORCING_MODE: 'loose' },
        cniNodeFeatures: { [NODES[0].name]: ['SecurityGroupsForPods'] },
      }),
    );
    assert.deepEqual(
      results.map((r) => [r.title, r.status]),
      [
        ['POD_SECURITY_GROUP_ENFORCING_MODE', 'fail'],
        ['Trunk ENI on every node', 'warn'],
      ],
    );
    assert.match(results[1].detail, new RegExp(NODES[1].name.replace(/\./g, '\\.')));
  });

  it('custom-networking: a node zone without an ENIConfig fails', async () => {
    const [result] = await check('custom-networking').run(
      facts({
        env: {
          AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
          ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
        },
        eniConfigs: ['us-west-2a'],
      }),
    );
    assert.equal(result.status, 'fail');
    assert.match(result.detail, /ip-10-0-2-20\.us-west-2\.compute\.internal \(zone us-west-2b\)/);
  });

  it('network-policy: off with no known policies is information, with the command that turns it on', async () => {
    const [result] = await check('network-policy').run(facts());
    assert.equal(result.status, 'info');
    assert.match(result.fix ?? '', /^kubectl --kubeconfig=\S+ --context=prod patch configmap amazon-vpc-cni/);
  });

  it('network-policy: off while the manifests hold NetworkPolicies is a warning, and the report does not say "No problems found"', async () => {
    const results = await check('network-policy').run(facts({ policies: 3, managedByAddon: true }));
    assert.deepEqual(
      results.map((r) => [r.status, r.detail, r.fix]),
      [
        [
          'warn',
          'off, but 3 NetworkPolicies are in your manifests: the cluster stores them and enforces none of them (every pod still accepts all traffic).',
          `aws eks update-addon --cluster-name shop --addon-name vpc-cni --configuration-values '{"enableNetworkPolicy":"true"}' --region eu-west-1`,
        ],
      ],
    );
    const text = renderDoctor(reportOf(results, 'prod'), 'text');
    assert.doesNotMatch(text, /No problems found/);
    assert.match(text, /No failed checks, but 1 warning \(!\) to look at\./);
  });

  it('network-policy: half on fails; on with the bandwidth plugin fails', async () => {
    const [half] = await check('network-policy').run(
      facts({ configMap: { 'enable-network-policy-controller': 'true' } }),
    );
    assert.equal(half.status, 'fail');
    const on = await check('network-policy').run(
      facts({
        configMap: { 'enable-network-policy-controller': 'true' },
        agentFlag: 'true',
        env: { ENABLE_BANDWIDTH_PLUGIN: 'true' },
      }),
    );
    assert.deepEqual(
      on.map((r) => [r.title, r.status]),
      [
        ['Network policy enforcement', 'pass'],
        ['Bandwidth plugin', 'fail'],
      ],
    );
  });

  it('counts NetworkPolicies like the engine routes them: List items yes, Calico and broken YAML no', () => {
    const text = [
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}',
      'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: calico}',
      'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: b}}\n- {apiVersion: v1, kind: ConfigMap}',
      'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: [unclosed',
    ].join('\n---\n');
    assert.equal(countNetworkPolicies(text), 2);
  });
});

describe('eksnet doctor PATH', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('with enforcement off and NetworkPolicies under PATH: a warning with the fix, exit 0, no "No problems found"', async () => {
    const io = captureIO(cluster.settings().env);
    const code = await main(
      [
        'doctor',
        join(CLUSTER_FIXTURES, 'workspace'),
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
        '--aws',
        '/nonexistent/aws',
      ],
      io,
    );
    assert.equal(code, 0, io.err);
    assert.match(io.out, /! Network policy enforcement: off, but 2 NetworkPolicies are in your manifests/);
    assert.match(
      io.out,
      /fix: kubectl --kubeconfig=\S+ --context=test-context patch configmap amazon-vpc-cni/,
    );
    assert.doesNotMatch(io.out, /No problems found/);
    const usage = captureIO(cluster.settings().env);
    assert.equal(await main(['doctor', '/nonexistent/manifests'], usage), 2);
    assert.match(usage.err, /cannot read \/nonexistent\/manifests/);
  });
});
