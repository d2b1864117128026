// Read-only aws CLI queries for `eksnet lattice status`: the cluster's VPC and security groups, the
// VPC Lattice service networks and their VPC associations, the Lattice managed prefix lists, and
// which security groups let traffic from those prefix lists in.

import type { Aws } from '../aws';
import type { EksClusterRef } from '../eksCluster';
import { describeInstancesArgs } from '../prefixes';

export interface ClusterNetwork {
  vpcId?: string;
  clusterSecurityGroupId?: string;
}

export async function readClusterNetwork(
  aws: Aws,
  cluster: EksClusterRef,
  signal?: AbortSignal,
): Promise<ClusterNetwork> {
  const answer = await aws.json<{
    cluster?: { resourcesVpcConfig?: { vpcId?: string; clusterSecurityGroupId?: string } };
  }>(['eks', 'describe-cluster', '--name', cluster.name], {
    region: cluster.region,
    signal,
    permission: 'eks:DescribeCluster',
  });
  const config = answer.cluster?.resourcesVpcConfig;
  return { vpcId: config?.vpcId, clusterSecurityGroupId: config?.clusterSecurityGroupId };
}

/** The security groups on the nodes' primary network interfaces. */
export async function readNodeSecurityGroups(
  aws: Aws,
  cluster: EksClusterRef,
  signal?: AbortSignal,
): Promise<string[]> {
  const answer = await aws.json<{
    Reservations?: {
      Instances?: {
        NetworkInterfaces?: { Attachment?: { DeviceIndex?: number }; Groups?: { GroupId?: string }[] }[];
      }[];
    }[];
  }>(describeInstancesArgs(cluster.name), {
    region: cluster.region,
    signal,
    permission: 'ec2:DescribeInstances',
  });
  const groups = new Set<string>();
  for (const reservation of answer.Reservations ?? []) {
    for (const instance of reservation.Instances ?? []) {
      for (const eni of instance.NetworkInterfaces ?? []) {
        if ((eni.Attachment?.DeviceIndex ?? 0) !== 0) continue;
        for (const group of eni.Groups ?? []) if (group.GroupId) groups.add(group.GroupId);
      }
    }
  }
  return [...groups].sort();
}

export interface ServiceNetwork {
  id: string;
  name: string;
  arn?: string;
}

export async function listServiceNetworks(
  aws: Aws,
  region: string | undefined,
  signal?: AbortSignal,
): Promise<ServiceNetwork[]> {
  const answer = await aws.json<{ items?: { id?: string; name?: string; arn?: string }[] }>(
    ['vpc-lattice', 'list-service-networks'],
    { region, signal, permission: 'vpc-lattice:ListServiceNetworks' },
  );
  return (answer.items ?? []).map((item) => ({ id: item.id ?? '', name: item.name ?? '', arn: item.arn }));
}

export interface VpcAssociation {
  serviceNetworkId: string;
  serviceNetworkName: string;
  status: string;
}

export async function listVpcAssociations(
  aws: Aws,
  vpcId: string,
  region: string | undefined,
  signal?: AbortSignal,
): Promise<VpcAssociation[]> {
  const answer = await aws.json<{
    items?: { serviceNetworkId?: string; serviceNetworkName?: string; status?: string }[];
  }>(['vpc-lattice', 'list-service-network-vpc-associations', '--vpc-identifier', vpcId], {
    region,
    signal,
    permission: 'vpc-lattice:ListServiceNetworkVpcAssociations',
  });
  return (answer.items ?? []).map((item) => ({
    serviceNetworkId: item.serviceNetworkId ?? '',
    serviceNetworkName: item.serviceNetworkName ?? '',
    status: item.status ?? '',
  }));
}

export function latticePrefixListNames(region: string): string[] {
  return [`com.amazonaws.${region}.vpc-lattice`, `com.amazonaws.${region}.ipv6.vpc-lattice`];
}

export interface PrefixList {
  id: string;
  name: string;
}

export async function readLatticePrefixLists(
  aws: Aws,
  region: string,
  signal?: AbortSignal,
): Promise<PrefixList[]> {
  const answer = await aws.json<{ PrefixLists?: { PrefixListId?: string; PrefixListName?: string }[] }>(
    [
      'ec2',
      'describe-managed-prefix-lists',
      '--filters',
      `Name=prefix-list-name,Values=${latticePrefixListNames(region).join(',')}`,
    ],
    { region, signal, permission: 'ec2:DescribeManagedPrefixLists' },
  );
  return (answer.PrefixLists ?? []).map((list) => ({
    id: list.PrefixListId ?? '',
    name: list.PrefixListName ?? '',
  }));
}

export interface GroupCoverage {
  groupId: string;
  /** The Lattice prefix lists that an inbound rule of the group names. */
  allowedPrefixLists: string[];
}

/** For each group, which of the prefix lists its inbound rules allow (any port counts). */
export async function readPrefixListCoverage(
  aws: Aws,
  groupIds: string[],
  prefixLists: PrefixList[],
  region: string | undefined,
  signal?: AbortSignal,
): Promise<GroupCoverage[]> {
  if (groupIds.length === 0) return [];
  const answer = await aws.json<{
    SecurityGroups?: {
      GroupId?: string;
      IpPermissions?: { PrefixListIds?: { PrefixListId?: string }[] }[];
    }[];
  }>(['ec2', 'describe-security-groups', '--group-ids', ...groupIds], {
    region,
    signal,
    permission: 'ec2:DescribeSecurityGroups',
  });
  const wanted = new Set(prefixLists.map((list) => list.id));
  return groupIds.map((groupId) => {
    const group = answer.SecurityGroups?.find((candidate) => candidate.GroupId === groupId);
    const allowed = new Set<string>();
    for (const permission of group?.IpPermissions ?? []) {
      for (const entry of permission.PrefixListIds ?? []) {
        if (entry.PrefixListId && wanted.has(entry.PrefixListId)) allowed.add(entry.PrefixListId);
      }
    }
    return { groupId, allowedPrefixLists: [...allowed].sort() };
  });
}
