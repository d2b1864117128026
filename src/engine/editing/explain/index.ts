// "Explain": one entry point for every kind we know. The notes are the resource's semantic
// findings, which the caller takes from the same diagnostics the editor and `eksnet lint` show.

import type { EngineSettings } from '../../settings';
import type { ResourceKind } from '../../types';
import { explainEniConfig, explainSecurityGroupPolicy } from './awsResources';
import type { ExplainNote, Explanation } from './explanation';
import { explainNetworkPolicy } from './networkPolicy';

export type { ExplainNote, Explanation } from './explanation';

export function explainResource(
  kind: ResourceKind,
  value: Record<string, unknown>,
  settings: EngineSettings,
  notes: readonly ExplainNote[] = [],
): Explanation {
  switch (kind) {
    case 'NetworkPolicy':
      return explainNetworkPolicy(value, settings, notes);
    case 'SecurityGroupPolicy':
      return explainSecurityGroupPolicy(value, notes);
    case 'ENIConfig':
      return explainEniConfig(value, notes);
  }
}
