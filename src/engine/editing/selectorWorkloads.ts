// Hover on a NetworkPolicy selector: which workloads of the workspace it selects, with links to
// where each is defined. The selection itself is the connectivity model's (connectivity/selection).

import { readPolicy } from '../connectivity/policyInput';
import { namespaceList, selectorAt } from '../connectivity/selection';
import { workloadIndex } from '../model/workloadIndex';
import { workloadName, type Workload } from '../model/workloads';
import type { Path } from '../types';
import type { WorkspaceObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';
import { plural } from '../util/strings';

/** How many workloads a hover lists before "and N more". */
const LISTED = 10;

export function selectorWorkloadsMarkdown(
  value: Record<string, unknown>,
  path: Path,
  workspace: Workspace | undefined,
): string | undefined {
  if (!workspace) return undefined;
  const place = selectorAt(readPolicy(value, undefined), path, workloadIndex(workspace));
  if (!place) return undefined;
  const { considered, matched, namespaces } = place.selection;
  const what = place.part === 'podSelector' ? 'Selects' : 'Matches';
  if (considered.length === 0) {
    return `**In the workspace:** no workload of the ${place.part === 'podSelector' ? "policy's namespace" : 'namespaces this peer looks in'} to compare with.`;
  }
  const among = `${plural(considered.length, 'workload')} of ${namespaceList(namespaces)}`;
  if (matched.length === 0) return `**In the workspace:** ${what.toLowerCase()} none of the ${among}.`;
  const lines = matched.slice(0, LISTED).map((workload) => `- ${workloadLink(workload)}`);
  if (matched.length > LISTED) lines.push(`- and ${matched.length - LISTED} more`);
  return [`**In the workspace:** ${what.toLowerCase()} ${matched.length} of the ${among}:`, ...lines].join(
    '\n',
  );
}

/** `shop/web[Deployment]` linked to the line it is defined on (`file:///…#L12`, as editors open them). */
function workloadLink(workload: Workload<WorkspaceObject>): string {
  const source = workload.sources[0];
  const name = workloadName(workload).replace(/[[\]]/g, '\\$&');
  if (!source || !/^[a-z][a-z0-9+.-]*:/i.test(source.file)) return name;
  return `[${name}](${source.file}#L${source.line + 1})`;
}
