// Nodes, ENIConfigs and CNINodes as the cluster actions read them.

import type { Kubectl, TargetedKubectl } from './kubectl';
import type { ClusterTarget } from './target';

export interface Node {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { providerID?: string };
}

export interface CniNode {
  metadata: { name: string; creationTimestamp?: string };
  spec?: { features?: Array<{ name: string; value?: string }>; tags?: Record<string, string> };
}

export async function listNodes(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<Node[]> {
  return (await kubectl.getJson<{ items: Node[] }>(['get', '--', 'nodes'], { signal })).items ?? [];
}

export function nodeZone(node: Node): string | undefined {
  const labels = node.metadata.labels ?? {};
  return labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'];
}

export async function listEniConfigNames(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<string[]> {
  const list = await kubectl.getJson<{ items: Array<{ metadata: { name: string } }> }>(
    ['get', '--', 'eniconfigs.crd.k8s.amazonaws.com'],
    { signal },
  );
  return (list.items ?? []).map((item) => item.metadata.name);
}

export async function listCniNodes(kubectl: TargetedKubectl, signal?: AbortSignal): Promise<CniNode[]> {
  const list = await kubectl.getJson<{ items: CniNode[] }>(['get', '--', 'cninodes.vpcresources.k8s.aws'], {
    signal,
  });
  return (list.items ?? []).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** Show CNINodes: the target it read from and one row per node. */
export async function readCniNodes(
  kubectl: Kubectl,
  signal?: AbortSignal,
): Promise<{ target: ClusterTarget; rows: CniNodeRow[] }> {
  const target = await kubectl.resolveTarget(signal);
  return { target, rows: cniNodeRows(await listCniNodes(kubectl.at(target), signal)) };
}

export interface CniNodeRow {
  node: string;
  features: string[];
}

export function cniNodeRows(nodes: CniNode[]): CniNodeRow[] {
  return nodes.map((node) => ({
    node: node.metadata.name,
    features: (node.spec?.features ?? []).map((feature) =>
      feature.value ? `${feature.name}=${feature.value}` : feature.name,
    ),
  }));
}
