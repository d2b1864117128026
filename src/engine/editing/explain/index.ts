// "Explain": one entry point for every kind we know. The notes are the resource's semantic
// findings, which the caller takes from the same diagnostics the editor and `eksnet lint` show.

import type { EngineSettings } from '../../settings';
import type { ResourceKind } from '../../types';
import type { Workspace } from '../../workspace/workspace';
import { explainEniConfig, explainSecurityGroupPolicy } from './awsResources';
import { notesSection, type ExplainNote, type Explanation } from './explanation';
import { explainLattice } from './lattice';
import { explainNetworkPolicy } from './networkPolicy';

export type { ExplainNote, Explanation } from './explanation';

export function explainResource(
  kind: ResourceKind,
  value: Record<string, unknown>,
  settings: EngineSettings,
  notes: readonly ExplainNote[] = [],
  /** The other objects, for kinds whose meaning depends on them (a route's Gateway and Services). */
  workspace?: Workspace,
): Explanation {
  switch (kind) {
    case 'NetworkPolicy':
      return explainNetworkPolicy(value, settings, notes);
    case 'SecurityGroupPolicy':
      return explainSecurityGroupPolicy(value, notes);
    case 'ENIConfig':
      return explainEniConfig(value, notes);
    default: {
      // Lattice kinds: the notes go after the explanation, as for the others.
      const explained = explainLattice(kind, value, settings, workspace);
      const section = notesSection(notes);
      if (section.length === 0) return { ...explained, notes };
      return { ...explained, text: `${explained.text}${section.join('\n')}\n`, notes };
    }
  }
}
