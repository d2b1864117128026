// The aws half of `eksnet lattice status`: each Lattice Gateway's service network (found once,
// associated with the cluster VPC, ACTIVE) and the Lattice managed prefix list in the node, cluster
// and SecurityGroupPolicy security groups. A failing aws call becomes one check, never an abort.

import type { Aws } from '../aws';
import type { CheckStatus } from '../doctor';
import type { EksClusterRef } from '../eksCluster';
import { isClusterError } from '../errors';
import { quoteCommand } from '../process';
import {
  listServiceNetworks,
  listVpcAssociations,
  readClusterNetwork,
  readLatticePrefixLists,
  readNodeSecurityGroups,
  readPrefixListCoverage,
  type ClusterNetwork,
  type PrefixList,
  type ServiceNetwork,
  type VpcAssociation,
} from './awsLattice';
import type { KubeObject } from './kube';

type Add = (title: string, status: CheckStatus, detail: string, fix?: string) => void;

export async function checkAwsSide(
  aws: Aws,
  cluster: EksClusterRef,
  gateways: KubeObject[],
  podGroups: string[],
  add: Add,
  signal?: AbortSignal,
): Promise<void> {
  const region = aws.settings.awsRegion || cluster.region;
  const attempt = async <T>(title: string, step: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await step();
    } catch (error) {
      if (isClusterError(error, 'cancelled')) throw error;
      add(title, 'skip', (error as Error).message);
      return undefined;
    }
  };

  const network: ClusterNetwork | undefined = await attempt('Cluster VPC', () =>
    readClusterNetwork(aws, cluster, signal),
  );
  if (!network?.vpcId) return;
  add('Cluster VPC', 'info', `${network.vpcId} (cluster ${cluster.name})`);

  if (gateways.length > 0) {
    const networks = await attempt('Service networks', () => listServiceNetworks(aws, region, signal));
    const associations = await attempt('Service network VPC associations', () =>
      listVpcAssociations(aws, network.vpcId as string, region, signal),
    );
    if (networks) for (const gateway of gateways) checkServiceNetwork(gateway, networks, associations, add);
  }

  if (!region) {
    add('Lattice prefix list', 'skip', 'No AWS region known; set --region (or eksNetworking.awsRegion).');
    return;
  }
  const prefixLists = await attempt('Lattice prefix list', () => readLatticePrefixLists(aws, region, signal));
  if (!prefixLists) return;
  if (prefixLists.length === 0) {
    add(
      'Lattice prefix list',
      'warn',
      `No managed prefix list com.amazonaws.${region}.vpc-lattice in this region.`,
    );
    return;
  }
  const nodeGroups =
    (await attempt('Node security groups', () => readNodeSecurityGroups(aws, cluster, signal))) ?? [];
  const groups = new Map<string, string>();
  for (const id of nodeGroups) groups.set(id, 'node');
  if (network.clusterSecurityGroupId && !groups.has(network.clusterSecurityGroupId)) {
    groups.set(network.clusterSecurityGroupId, 'cluster');
  }
  for (const id of podGroups) if (!groups.has(id)) groups.set(id, 'SecurityGroupPolicy pod');
  const coverage = await attempt('Lattice prefix list in security groups', () =>
    readPrefixListCoverage(aws, [...groups.keys()], prefixLists, region, signal),
  );
  for (const group of coverage ?? [])
    checkCoverage(group.groupId, groups.get(group.groupId) ?? '', group.allowedPrefixLists, prefixLists, add);
}

function checkServiceNetwork(
  gateway: KubeObject,
  networks: ServiceNetwork[],
  associations: VpcAssociation[] | undefined,
  add: Add,
): void {
  const name = gateway.metadata?.name ?? '';
  const title = `Service network for Gateway ${name}`;
  const matching = networks.filter((network) => network.name === name || network.id === name);
  if (matching.length === 0) {
    add(
      title,
      'fail',
      `No VPC Lattice service network named "${name}": create it (or a ServiceNetwork resource), or name the Gateway after an existing one.`,
      quoteCommand(['aws', 'vpc-lattice', 'create-service-network', '--name', name]),
    );
    return;
  }
  if (matching.length > 1) {
    add(
      title,
      'fail',
      `${matching.length} service networks are named "${name}" (${matching.map((network) => network.id).join(', ')}): use the sn-… id as the Gateway name.`,
      `Rename the Gateway to one of ${matching.map((network) => network.id).join(', ')} (a Gateway name cannot be changed: create a new one and move the routes).`,
    );
    return;
  }
  const network = matching[0] as ServiceNetwork;
  if (!associations) return;
  const association = associations.find((entry) => entry.serviceNetworkId === network.id);
  if (!association) {
    const other = associations[0];
    add(
      title,
      'warn',
      `${network.id} is not associated with the cluster VPC${other ? ` (the VPC is associated with ${other.serviceNetworkName}; a VPC has one association)` : ''}: clients in the VPC cannot reach it. Add a VpcAssociationPolicy for the Gateway.`,
      `Apply a VpcAssociationPolicy with targetRef Gateway ${name} and associateWithVpc: true.`,
    );
  } else if (association.status !== 'ACTIVE') {
    add(
      title,
      'fail',
      `${network.id} association with the cluster VPC is ${association.status}.`,
      quoteCommand([
        'aws',
        'vpc-lattice',
        'list-service-network-vpc-associations',
        '--service-network-identifier',
        network.id,
      ]),
    );
  } else add(title, 'pass', `${network.id}, associated with the cluster VPC (ACTIVE)`);
}

function checkCoverage(
  groupId: string,
  role: string,
  allowed: string[],
  prefixLists: PrefixList[],
  add: Add,
): void {
  const ipv4 = prefixLists.find((list) => !list.name.includes('.ipv6.'));
  const title = `Lattice prefix list in ${role} security group ${groupId}`;
  if (ipv4 && allowed.includes(ipv4.id)) {
    add(title, 'pass', `inbound from ${allowed.join(', ')}`);
    return;
  }
  const fix = ipv4
    ? quoteCommand([
        'aws',
        'ec2',
        'authorize-security-group-ingress',
        '--group-id',
        groupId,
        '--ip-permissions',
        `IpProtocol=-1,PrefixListIds=[{PrefixListId=${ipv4.id}}]`,
      ])
    : undefined;
  if (allowed.length > 0) {
    add(
      title,
      'warn',
      `inbound from ${allowed.join(', ')} only: IPv4 traffic from Lattice is not allowed in (fine on an IPv6 cluster).`,
      fix,
    );
    return;
  }
  add(
    title,
    'fail',
    `No inbound rule from the VPC Lattice prefix list: Lattice cannot reach pods behind it (503s, failed health checks).`,
    fix,
  );
}
