// "Explain this policy": one entry point for every kind we know.

import type { EngineSettings } from '../../settings';
import type { ResourceKind } from '../../types';
import { explainEniConfig, explainSecurityGroupPolicy } from './awsResources';
import { explainNetworkPolicy, type Explanation } from './networkPolicy';

export type { Explanation } from './networkPolicy';

export function explainResource(
  kind: ResourceKind,
  value: Record<string, unknown>,
  settings: EngineSettings,
): Explanation {
  switch (kind) {
    case 'NetworkPolicy':
      return explainNetworkPolicy(value, settings);
    case 'SecurityGroupPolicy':
      return explainSecurityGroupPolicy(value);
    case 'ENIConfig':
      return explainEniConfig(value);
  }
}
