// The read-only cluster commands: each reads through one session, shows its report as a Markdown
// preview and also returns the Markdown (for other commands and the tests).

import * as vscode from 'vscode';
import {
  countNetworkPolicies,
  readCniNodes,
  readCniStatus,
  readLatticeStatus,
  readNodePrefixes,
  renderCniNodes,
  renderDoctor,
  renderPrefixes,
  renderStatus,
  runDoctor,
  SCAN_LIMITS,
  type ClusterTools,
} from '../../cluster';
import { ClusterSession } from './session';
import type { ReportDocuments } from './views';

/** NetworkPolicy documents in the workspace's YAML files (bounded like the CLI's scan). */
async function countWorkspaceNetworkPolicies(): Promise<number | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) return undefined;
  const files = await vscode.workspace.findFiles(
    '**/*.{yaml,yml}',
    '**/{node_modules,.git}/**',
    SCAN_LIMITS.files,
  );
  let count = 0;
  for (const file of files) {
    try {
      const bytes = await vscode.workspace.fs.readFile(file);
      if (bytes.byteLength <= SCAN_LIMITS.bytesPerFile)
        count += countNetworkPolicies(Buffer.from(bytes).toString('utf8'));
    } catch {
      // unreadable: nothing to count
    }
  }
  return count;
}

type Reader = (tools: ClusterTools, signal: AbortSignal) => Promise<string>;

export const REPORTS: Record<
  'status' | 'cniNodes' | 'prefixes' | 'doctor' | 'lattice',
  { name: string; progress: string; read: Reader }
> = {
  status: {
    name: 'VPC CNI Status',
    progress: 'reading aws-node…',
    read: async (tools, signal) => renderStatus(await readCniStatus(tools.kubectl, signal), 'markdown'),
  },
  cniNodes: {
    name: 'CNINodes',
    progress: 'reading CNINodes…',
    read: async (tools, signal) => {
      const { target, rows } = await readCniNodes(tools.kubectl, signal);
      return renderCniNodes(target.context, rows, 'markdown');
    },
  },
  prefixes: {
    name: 'Node Prefixes',
    progress: 'reading node prefixes…',
    read: async (tools, signal) => {
      // With a cluster name set, the kubeconfig is not needed at all.
      const target = tools.aws.settings.clusterName ? undefined : await tools.kubectl.resolveTarget(signal);
      return renderPrefixes(await readNodePrefixes(tools.aws, target, signal), 'markdown');
    },
  },
  doctor: {
    name: 'Networking Doctor',
    progress: 'running the Networking Doctor…',
    read: async (tools, signal) => {
      const workspaceNetworkPolicies = await countWorkspaceNetworkPolicies();
      const report = await runDoctor(tools.kubectl, tools.aws, { signal, workspaceNetworkPolicies });
      return renderDoctor(report, 'markdown');
    },
  },
  lattice: {
    name: 'Lattice Status',
    progress: 'reading VPC Lattice (AWS Gateway API Controller, Gateways, routes)…',
    read: async (tools, signal) =>
      renderDoctor(await readLatticeStatus(tools.kubectl, tools.aws, signal), 'markdown', 'Lattice Status'),
  },
};

export function showReport(
  report: (typeof REPORTS)[keyof typeof REPORTS],
  log: vscode.LogOutputChannel,
  reports: ReportDocuments,
) {
  return async (): Promise<string | undefined> => {
    const session = ClusterSession.start(log);
    if (!session) return undefined;
    const markdown = await session.step(report.progress, (signal) => report.read(session.tools, signal));
    if (markdown === undefined) return undefined;
    const safe = session.redact(markdown);
    await reports.showMarkdown(report.name, safe);
    return safe;
  };
}
