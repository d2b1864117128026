// The VPC CNI features the extension can switch on: which env entries each sets, its minimum CNI
// version, and what a person should know before turning it on (from the VPC CNI documentation).

export type FeatureId = 'pod-eni' | 'custom-networking' | 'prefix-delegation';

export interface Feature {
  id: FeatureId;
  title: string;
  /** Minimum VPC CNI version that supports the feature. */
  minVersion: string;
  /** Env entries that turn the feature on (more may be added by the plan, see enable.ts). */
  env: Record<string, string>;
  caveats: string[];
}

export const FEATURES: Record<FeatureId, Feature> = {
  'pod-eni': {
    id: 'pod-eni',
    title: 'Security groups for pods',
    minVersion: 'v1.7.7',
    env: { ENABLE_POD_ENI: 'true' },
    caveats: [
      'Needs Nitro instance types that support trunking (no t-family instances); pods needing security groups must run on such nodes.',
      'The cluster IAM role needs the AmazonEKSVPCResourceController policy so the VPC resource controller can attach trunk ENIs.',
      'The trunk ENI counts against the instance ENI limit, and setting ENABLE_POD_ENI back to false does not detach it (recycle the node).',
      'Only pods created afterwards get security groups; not supported on Windows nodes.',
    ],
  },
  'custom-networking': {
    id: 'custom-networking',
    title: 'Custom networking',
    minVersion: 'v1.4.0',
    env: { AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone' },
    caveats: [
      'Each node picks the ENIConfig named after its zone (topology.kubernetes.io/zone); a node without one gets no pod IPs.',
      'The primary ENI no longer hosts pods, so fewer pods fit per node: recompute max pods and recycle the nodes.',
      'Existing nodes keep their current ENIs until they are replaced.',
      'Not supported with IPv6.',
    ],
  },
  'prefix-delegation': {
    id: 'prefix-delegation',
    title: 'Prefix delegation',
    minVersion: 'v1.9.0',
    env: { ENABLE_PREFIX_DELEGATION: 'true' },
    caveats: [
      'Nitro instances only; other instance types silently keep single IP addresses (IPv4).',
      'Max pods per node changes: update the kubelet max-pods setting (new or recycled nodes) to use the extra addresses.',
      'Subnets need free contiguous /28 blocks; fragmented subnets cause allocation failures.',
      'Bare-metal instances need VPC CNI v1.11 or later.',
    ],
  },
};

export function featureById(id: string): Feature | undefined {
  return (FEATURES as Record<string, Feature | undefined>)[id];
}
