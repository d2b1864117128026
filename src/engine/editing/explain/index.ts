// "Explain this policy": one entry point for every kind we know.

import type { EngineSettings } from '../../settings';
import type { ResourceKind } from '../../types';
import type { Workspace } from '../../workspace/workspace';
import { explainEniConfig, explainSecurityGroupPolicy } from './awsResources';
import { explainLattice } from './lattice';
import { explainNetworkPolicy, type Explanation } from './networkPolicy';

export type { Explanation } from './networkPolicy';

export function explainResource(
  kind: ResourceKind,
  value: Record<string, unknown>,
  settings: EngineSettings,
  /** The other objects, for kinds whose meaning depends on them (a route's Gateway and Services). */
  workspace?: Workspace,
): Explanation {
  switch (kind) {
    case 'NetworkPolicy':
      return explainNetworkPolicy(value, settings);
    case 'SecurityGroupPolicy':
      return explainSecurityGroupPolicy(value);
    case 'ENIConfig':
      return explainEniConfig(value);
    default:
      return explainLattice(kind, value, settings, workspace);
  }
}
