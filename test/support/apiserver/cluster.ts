// Seeds the test API server with what an EKS cluster running the VPC CNI has (the real default aws-node
// manifest, its ConfigMap, nodes in two zones, ENIConfigs, CNINodes) and writes a kubeconfig for it.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { JsonObject } from './merge';
import { TestApiServer } from './server';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..', '..');
export const CLUSTER_FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'cluster');

export interface SeedOptions {
  /** Zones that get an ENIConfig named after them; default: every node zone. */
  eniConfigZones?: string[];
  /** Replace the aws-node image tag (for example 'v1.6.3' to test version gates). */
  cniVersion?: string;
  /** Leave aws-node out (a cluster without the VPC CNI). */
  withoutAwsNode?: boolean;
  /** Env entries to remove from the aws-node container. */
  removeEnv?: string[];
}

export const NODES = [
  {
    name: 'ip-10-0-1-10.us-west-2.compute.internal',
    zone: 'us-west-2a',
    instanceId: 'i-0aaa1111bbbb2222c',
    instanceType: 'm5.large',
  },
  {
    name: 'ip-10-0-2-20.us-west-2.compute.internal',
    zone: 'us-west-2b',
    instanceId: 'i-0ddd3333eeee4444f',
    instanceType: 'm5.xlarge',
  },
];

export function manifestObjects(): JsonObject[] {
  const text = readFileSync(join(CLUSTER_FIXTURES, 'aws-k8s-cni.yaml'), 'utf8');
  return parseAllDocuments(text)
    .map((document) => document.toJSON() as JsonObject | null)
    .filter((object): object is JsonObject => object !== null);
}

export function seedEksCluster(server: TestApiServer, options: SeedOptions = {}): void {
  for (const name of ['kube-system', 'default'])
    server.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  for (const object of manifestObjects()) {
    if (object.kind === 'DaemonSet') {
      if (options.withoutAwsNode) continue;
      adjustAwsNode(object, options);
    }
    if (object.kind === 'DaemonSet' || object.kind === 'ConfigMap') server.put(object);
  }
  for (const node of NODES) {
    server.put({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: node.name,
        labels: {
          'topology.kubernetes.io/zone': node.zone,
          'node.kubernetes.io/instance-type': node.instanceType,
          'kubernetes.io/hostname': node.name,
        },
      },
      spec: { providerID: `aws:///${node.zone}/${node.instanceId}` },
    });
    server.put({
      apiVersion: 'vpcresources.k8s.aws/v1alpha1',
      kind: 'CNINode',
      metadata: { name: node.name },
      spec: node.zone === 'us-west-2a' ? { features: [{ name: 'SecurityGroupsForPods' }] } : {},
    });
  }
  const zones = options.eniConfigZones ?? NODES.map((node) => node.zone);
  for (const [index, zone] of zones.entries()) {
    server.put({
      apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
      kind: 'ENIConfig',
      metadata: { name: zone },
      spec: { subnet: `subnet-0${index}abcdef12345678`, securityGroups: ['sg-0123456789abcdef0'] },
    });
  }
}

function adjustAwsNode(daemonSet: JsonObject, options: SeedOptions): void {
  const podSpec = ((daemonSet.spec as JsonObject).template as JsonObject).spec as JsonObject;
  const container = (podSpec.containers as JsonObject[]).find((c) => c.name === 'aws-node')!;
  if (options.cniVersion)
    container.image = String(container.image).replace(/:v[\d.]+$/, `:${options.cniVersion}`);
  if (options.removeEnv) {
    container.env = (container.env as JsonObject[]).filter(
      (entry) => !options.removeEnv!.includes(String(entry.name)),
    );
  }
}

/** The aws-node container's env as name → value, for asserting what a change did and did not touch. */
export function awsNodeEnv(server: TestApiServer, container = 'aws-node'): Map<string, string | undefined> {
  const daemonSet = server.get('apps/v1', 'DaemonSet', 'aws-node', 'kube-system');
  if (!daemonSet) throw new Error('aws-node is missing from the test API server');
  const podSpec = ((daemonSet.spec as JsonObject).template as JsonObject).spec as JsonObject;
  const all = [...((podSpec.initContainers as JsonObject[]) ?? []), ...(podSpec.containers as JsonObject[])];
  const found = all.find((c) => c.name === container);
  const env = new Map<string, string | undefined>();
  for (const entry of (found?.env as JsonObject[]) ?? [])
    env.set(String(entry.name), entry.value === undefined ? undefined : String(entry.value));
  return env;
}

/** Rewrites the aws-node container's env in place on the server (for breaking a cluster on purpose). */
export function editAwsNodeEnv(server: TestApiServer, edit: (env: JsonObject[]) => JsonObject[]): void {
  const daemonSet = server.get('apps/v1', 'DaemonSet', 'aws-node', 'kube-system');
  if (!daemonSet) throw new Error('aws-node is missing from the test API server');
  const podSpec = ((daemonSet.spec as JsonObject).template as JsonObject).spec as JsonObject;
  const container = (podSpec.containers as JsonObject[]).find((c) => c.name === 'aws-node')!;
  container.env = edit((container.env as JsonObject[]) ?? []);
  server.put(daemonSet);
}

export interface KubeconfigOptions {
  contextName?: string;
  clusterName?: string;
  /** Leave current-context empty. */
  noCurrentContext?: boolean;
  /** Point the cluster at another address (an unreachable one, for example). */
  server?: string;
  /** Replaces the user entry (an exec plugin, for example); default: token plus client certificate. */
  user?: JsonObject;
  /** proxy-url of the cluster entry. */
  proxyUrl?: string;
  /** More contexts, each with its own cluster entry and user (named after the context). */
  moreContexts?: Array<{ name: string; server: TestApiServer; clusterName?: string }>;
}

/** Writes a kubeconfig with the bearer token, a client certificate and key, and the CA; returns its path. */
export function writeKubeconfig(
  server: TestApiServer,
  directory: string,
  options: KubeconfigOptions = {},
): string {
  const contextName = options.contextName ?? 'test-context';
  const clusterName = options.clusterName ?? 'arn:aws:eks:us-west-2:111122223333:cluster/demo-cluster';
  const base64 = (text: string) => Buffer.from(text).toString('base64');
  const clusterEntry = (name: string, target: TestApiServer, url: string, proxyUrl?: string) => ({
    name,
    cluster: {
      server: url,
      'certificate-authority-data': base64(target.certificates.serverCert),
      ...(proxyUrl ? { 'proxy-url': proxyUrl } : {}),
    },
  });
  const userEntry = (name: string, target: TestApiServer, user?: JsonObject) => ({
    name,
    user: user ?? {
      token: target.token,
      'client-certificate-data': base64(target.certificates.clientCert),
      'client-key-data': base64(target.certificates.clientKey),
    },
  });
  const more = (options.moreContexts ?? []).map((entry) => ({
    ...entry,
    clusterName: entry.clusterName ?? `${entry.name}-cluster`,
  }));
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': options.noCurrentContext ? '' : contextName,
    clusters: [
      clusterEntry(clusterName, server, options.server ?? server.url, options.proxyUrl),
      ...more.map((entry) => clusterEntry(entry.clusterName, entry.server, entry.server.url)),
    ],
    users: [
      userEntry('test-user', server, options.user),
      ...more.map((entry) => userEntry(`${entry.name}-user`, entry.server)),
    ],
    contexts: [
      { name: contextName, context: { cluster: clusterName, user: 'test-user' } },
      ...more.map((entry) => ({
        name: entry.name,
        context: { cluster: entry.clusterName, user: `${entry.name}-user` },
      })),
    ],
  };
  const path = join(directory, `kubeconfig-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2), { mode: 0o600 });
  return path;
}

export { TestApiServer };
