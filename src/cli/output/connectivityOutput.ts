// How `eksnet connectivity` prints a connection list (with the EKS caveats) and a diff.

import {
  csvChunks,
  csvField,
  dotChunks,
  dotId,
  flowKey,
  goString,
  jsonChunks,
  mdChunks,
  records,
  txtChunks,
  type ConnectivityAnalysis,
  type ConnectivityFormat,
  eksChecker,
  type EksReport,
  type Flow,
  type FlowChange,
} from '../../engine/connectivity';
import { compareText } from '../../engine/connectivity/ports';

export interface ListOutput {
  /** What goes to standard output, in pieces (a list may hold millions of lines). */
  stdout: Iterable<string>;
  /** Caveats that the format has no place for (json, csv, dot), for standard error; ask after writing. */
  stderrNotes(): string[];
}

type Checker = ReturnType<typeof eksChecker>;

/**
 * The list in a format. The flows are computed while they are written (one pass, none kept), and
 * the EKS caveats are collected on the way, so they can follow the list.
 */
export function renderList(
  analysis: ConnectivityAnalysis,
  format: ConnectivityFormat,
  checker: Checker | undefined,
): ListOutput {
  const notes = () => (checker ? caveatLines(checker.report) : []);
  const checked = function* (): Generator<Flow> {
    for (const flow of analysis.eachFlow()) {
      checker?.check(flow);
      yield flow;
    }
  };
  switch (format) {
    case 'json':
      return { stdout: jsonChunks(records(checked())), stderrNotes: notes };
    case 'csv':
      return { stdout: csvChunks(records(checked())), stderrNotes: notes };
    case 'md':
      return {
        stdout: then(mdChunks(records(checked())), () => {
          const lines = notes();
          return lines.length > 0
            ? `\n### EKS network policy agent caveats\n\n${lines.map((n) => `- ${n}`).join('\n')}\n`
            : '';
        }),
        stderrNotes: () => [],
      };
    case 'txt':
      return {
        stdout: then(txtChunks(records(checked())), () => {
          const lines = notes();
          return lines.length > 0
            ? `\nEKS network policy agent caveats:\n${lines.map((n) => `  ${n}\n`).join('')}`
            : '';
        }),
        stderrNotes: () => [],
      };
    case 'dot': {
      // Two passes over the flows (nodes, then edges), and the caveats are needed before the edges.
      const flows = analysis.flows();
      for (const flow of flows) checker?.check(flow);
      const isolated = new Set(
        analysis.workloadPeers
          .filter(
            (peer) =>
              analysis.policiesIsolating(peer.index, 'ingress').length > 0 ||
              analysis.policiesIsolating(peer.index, 'egress').length > 0,
          )
          .map((peer) => peer.name),
      );
      const flagged = new Set(
        [...(checker?.report.flows.keys() ?? [])].map((flow) => flowKey(flow.src.name, flow.dst.name)),
      );
      return {
        stdout: dotChunks(() => records(flows), { workloads: analysis.workloadPeers, isolated, flagged }),
        stderrNotes: notes,
      };
    }
  }
}

function* then(chunks: Iterable<string>, last: () => string): Generator<string> {
  yield* chunks;
  yield last();
}

/** One line per caveat: workload notes first, then flows in list order. */
function caveatLines(eks: EksReport): string[] {
  const lines: string[] = [];
  for (const [name, notes] of [...eks.workloads].sort((a, b) => compareText(a[0], b[0]))) {
    for (const note of notes) lines.push(`${name}: ${note.message}`);
  }
  const flows = [...eks.flows].sort(
    ([a], [b]) => compareText(a.src.name, b.src.name) || compareText(a.dst.name, b.dst.name),
  );
  for (const [flow, notes] of flows) {
    for (const note of notes.filter((n) => n.code !== 'hostNetwork')) {
      lines.push(`${flowKey(flow.src.name, flow.dst.name)}: ${note.message}`);
    }
  }
  return lines;
}

export function renderDiff(changes: readonly FlowChange[], format: ConnectivityFormat): string {
  const conn = (set: FlowChange['opened']) => set.toString();
  switch (format) {
    case 'json': {
      if (changes.length === 0) return '[]';
      const items = changes.map((c) =>
        [
          `    "src": ${goString(c.src)}`,
          `    "dst": ${goString(c.dst)}`,
          `    "before": ${goString(conn(c.before))}`,
          `    "after": ${goString(conn(c.after))}`,
          `    "opened": ${goString(conn(c.opened))}`,
          `    "closed": ${goString(conn(c.closed))}`,
        ].join(',\n'),
      );
      return `[\n${items.map((item) => `  {\n${item}\n  }`).join(',\n')}\n]`;
    }
    case 'csv':
    case 'md': {
      const rows = changes.map((c) => [
        c.src,
        c.dst,
        conn(c.before),
        conn(c.after),
        conn(c.opened),
        conn(c.closed),
      ]);
      const header = ['src', 'dst', 'before', 'after', 'opened', 'closed'];
      if (format === 'md') {
        return `${[`| ${header.join(' | ')} |`, `|${header.map(() => '-----').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')}\n`;
      }
      return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
    }
    case 'dot': {
      const lines = ['digraph {'];
      for (const c of changes) {
        if (!c.opened.isEmpty())
          lines.push(
            `\t${dotId(c.src)} -> ${dotId(c.dst)} [label=${dotId(`+ ${conn(c.opened)}`)} color="darkgreen" fontcolor="darkgreen"]`,
          );
        if (!c.closed.isEmpty())
          lines.push(
            `\t${dotId(c.src)} -> ${dotId(c.dst)} [label=${dotId(`- ${conn(c.closed)}`)} color="red2" fontcolor="red2" style="dashed"]`,
          );
      }
      lines.push('}');
      return `${lines.join('\n')}\n`;
    }
    case 'txt': {
      const opened = changes.filter((c) => !c.opened.isEmpty());
      const closed = changes.filter((c) => !c.closed.isEmpty());
      if (opened.length === 0 && closed.length === 0) return 'No connection is opened or closed.\n';
      const line = (c: FlowChange, what: string) =>
        `  ${c.src} => ${c.dst} : ${what} (before: ${conn(c.before)}; after: ${conn(c.after)})\n`;
      let out = '';
      if (opened.length > 0)
        out += `Opened (${opened.length}):\n${opened.map((c) => line(c, conn(c.opened))).join('')}`;
      if (closed.length > 0) {
        out += `${out ? '\n' : ''}Closed (${closed.length}):\n${closed.map((c) => line(c, conn(c.closed))).join('')}`;
      }
      return out;
    }
  }
}
