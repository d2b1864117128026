// The EKS cluster name and region for aws calls: from the setting, else from the context's cluster
// entry, which `aws eks update-kubeconfig` names with the cluster ARN (eksctl uses NAME.REGION.eksctl.io).

import { ClusterError } from './errors';
import type { ClusterTarget } from './target';
import type { ClusterSettings } from './settings';
import { checkClusterName, printable } from './validate';

export interface EksClusterRef {
  name: string;
  region?: string;
}

export function eksClusterFrom(
  settings: ClusterSettings,
  context: Pick<ClusterTarget, 'cluster'> | undefined,
): EksClusterRef {
  if (settings.clusterName)
    return { name: checkClusterName(settings.clusterName, settings.hints.clusterName) };
  const arn = /^arn:aws[\w-]*:eks:([a-z0-9-]+):\d{12}:cluster\/(.+)$/.exec(context?.cluster ?? '');
  if (arn) return { name: checkClusterName(arn[2], settings.hints.clusterName), region: arn[1] };
  const eksctl = /^([^.]+)\.([a-z0-9-]+)\.eksctl\.io$/.exec(context?.cluster ?? '');
  if (eksctl) return { name: checkClusterName(eksctl[1], settings.hints.clusterName), region: eksctl[2] };
  throw new ClusterError(
    'no-cluster-name',
    `Cannot tell the EKS cluster name from the context's cluster "${printable(context?.cluster ?? '')}"; set ${settings.hints.clusterName}.`,
  );
}
