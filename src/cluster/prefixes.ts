// Node prefixes: the /28 (IPv4) and /80 (IPv6) prefixes EC2 has assigned to each cluster node's ENIs,
// from `aws ec2 describe-instances` filtered on the eks:cluster-name tag.

import type { Aws } from './aws';
import { eksClusterFrom, type EksClusterRef } from './eksCluster';
import type { ClusterTarget } from './target';

export interface NodePrefixes {
  instanceId: string;
  privateDnsName: string;
  instanceType: string;
  zone: string;
  ipv4Prefixes: string[];
  ipv6Prefixes: string[];
}

export interface PrefixReport {
  cluster: EksClusterRef;
  nodes: NodePrefixes[];
}

interface DescribeInstances {
  Reservations?: Array<{
    Instances?: Array<{
      InstanceId?: string;
      PrivateDnsName?: string;
      InstanceType?: string;
      Placement?: { AvailabilityZone?: string };
      NetworkInterfaces?: Array<{
        Ipv4Prefixes?: Array<{ Ipv4Prefix?: string }>;
        Ipv6Prefixes?: Array<{ Ipv6Prefix?: string }>;
      }>;
    }>;
  }>;
}

export function describeInstancesArgs(clusterName: string): string[] {
  return [
    'ec2',
    'describe-instances',
    '--filters',
    `Name=tag:eks:cluster-name,Values=${clusterName}`,
    'Name=instance-state-name,Values=running',
  ];
}

export async function readNodePrefixes(
  aws: Aws,
  context: Pick<ClusterTarget, 'cluster'> | undefined,
  signal?: AbortSignal,
): Promise<PrefixReport> {
  const cluster = eksClusterFrom(aws.settings, context);
  const answer = await aws.json<DescribeInstances>(describeInstancesArgs(cluster.name), {
    region: cluster.region,
    signal,
  });
  return { cluster, nodes: nodePrefixesFrom(answer) };
}

export function nodePrefixesFrom(answer: DescribeInstances): NodePrefixes[] {
  const nodes: NodePrefixes[] = [];
  for (const reservation of answer.Reservations ?? []) {
    for (const instance of reservation.Instances ?? []) {
      const interfaces = instance.NetworkInterfaces ?? [];
      nodes.push({
        instanceId: instance.InstanceId ?? '',
        privateDnsName: instance.PrivateDnsName ?? '',
        instanceType: instance.InstanceType ?? '',
        zone: instance.Placement?.AvailabilityZone ?? '',
        ipv4Prefixes: interfaces
          .flatMap((eni) => (eni.Ipv4Prefixes ?? []).map((p) => p.Ipv4Prefix ?? ''))
          .filter(Boolean),
        ipv6Prefixes: interfaces
          .flatMap((eni) => (eni.Ipv6Prefixes ?? []).map((p) => p.Ipv6Prefix ?? ''))
          .filter(Boolean),
      });
    }
  }
  return nodes.sort((a, b) => a.privateDnsName.localeCompare(b.privateDnsName));
}
