// "Explain" for the Gateway API and Lattice kinds (filled in with the Lattice explainers).

import type { EngineSettings } from '../../settings';
import type { LatticeKind } from '../../types';
import { asRecord } from '../../util/values';
import type { Workspace } from '../../workspace/workspace';
import type { Explanation } from './networkPolicy';

export function explainLattice(
  kind: LatticeKind,
  value: Record<string, unknown>,
  _settings: EngineSettings,
  _workspace: Workspace | undefined,
): Explanation {
  const metadata = asRecord(value.metadata);
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
  const title = `${kind} ${namespace}${name}`;
  return { title, summary: [], text: `# ${title}\n` };
}
