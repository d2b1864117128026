// The connection list in each output format. `json` is exactly np-guard/netpol-analyzer's
// `list -o json` (Go's indented encoding, no final newline); `txt`, `md` and `csv` use its lines,
// header and quoting; `dot` groups workloads by namespace and marks EKS caveats.

import type { Flow, Peer } from './analysis';
import { compareText } from './ports';

export interface ConnRecord {
  src: string;
  dst: string;
  conn: string;
}

export const FORMATS = ['txt', 'json', 'md', 'csv', 'dot'] as const;
export type ConnectivityFormat = (typeof FORMATS)[number];

/** The flows as records, sorted by source then destination (byte order, as netpol-analyzer). */
export function connRecords(flows: readonly Flow[]): ConnRecord[] {
  // Rank each peer once, so sorting a few hundred thousand flows compares numbers.
  const peers = new Set<Flow['src']>();
  for (const flow of flows) peers.add(flow.src).add(flow.dst);
  const ordered = [...peers].sort((a, b) => compareText(a.name, b.name));
  const rank = new Map(ordered.map((peer, index) => [peer, index]));
  const keyed = flows.map((flow) => ({ src: rank.get(flow.src) ?? 0, dst: rank.get(flow.dst) ?? 0, flow }));
  keyed.sort((a, b) => a.src - b.src || a.dst - b.dst);
  return keyed.map(({ flow }) => ({ src: flow.src.name, dst: flow.dst.name, conn: flow.conns.toString() }));
}

export function formatJson(records: readonly ConnRecord[]): string {
  if (records.length === 0) return '[]';
  const items = records.map(
    (r) =>
      `  {\n    "src": ${goString(r.src)},\n    "dst": ${goString(r.dst)},\n    "conn": ${goString(r.conn)}\n  }`,
  );
  return `[\n${items.join(',\n')}\n]`;
}

export function formatTxt(records: readonly ConnRecord[]): string {
  return records.map((r) => `${r.src} => ${r.dst} : ${r.conn}\n`).join('');
}

export function formatMd(records: readonly ConnRecord[]): string {
  const lines = [
    '| src | dst | conn |',
    '|-----|-----|------|',
    ...records.map((r) => `| ${r.src} | ${r.dst} | ${r.conn} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatCsv(records: readonly ConnRecord[]): string {
  const rows = [['src', 'dst', 'conn'], ...records.map((r) => [r.src, r.dst, r.conn])];
  return rows.map((row) => `${row.map(csvField).join(',')}\n`).join('');
}

export interface DotOptions {
  /** Every workload, so unconnected ones are drawn too. */
  workloads: readonly Peer[];
  /** Names of workloads to mark as isolated (some policy isolates them), drawn with a double border. */
  isolated?: ReadonlySet<string>;
  /** `src => dst` keys of flows with an EKS caveat, drawn in orange. */
  flagged?: ReadonlySet<string>;
}

export function flowKey(src: string, dst: string): string {
  return `${src} => ${dst}`;
}

export function formatDot(records: readonly ConnRecord[], options: DotOptions): string {
  const byNamespace = new Map<string, Set<string>>();
  const external = new Set<string>();
  const add = (name: string, isWorkload: boolean) => {
    if (!isWorkload) return void external.add(name);
    const namespace = name.slice(0, name.indexOf('/'));
    const set = byNamespace.get(namespace) ?? new Set<string>();
    set.add(name);
    byNamespace.set(namespace, set);
  };
  const workloadNames = new Set(options.workloads.map((peer) => peer.name));
  for (const name of workloadNames) add(name, true);
  for (const r of records) {
    add(r.src, workloadNames.has(r.src));
    add(r.dst, workloadNames.has(r.dst));
  }
  const lines = ['digraph {'];
  for (const namespace of [...byNamespace.keys()].sort(compareText)) {
    lines.push(`\tsubgraph ${dotId(`cluster_${namespace}`)} {`);
    for (const name of [...(byNamespace.get(namespace) ?? [])].sort(compareText)) {
      const border = options.isolated?.has(name) ? ' peripheries=2' : '';
      lines.push(
        `\t\t${dotId(name)} [label=${dotId(name.slice(namespace.length + 1))} color="blue" fontcolor="blue"${border}]`,
      );
    }
    lines.push(`\t\tlabel=${dotId(namespace)}`, '\t}');
  }
  for (const name of [...external].sort(compareText)) {
    lines.push(`\t${dotId(name)} [label=${dotId(name)} color="red2" fontcolor="red2"]`);
  }
  for (const r of records) {
    const flagged = options.flagged?.has(flowKey(r.src, r.dst));
    const color = flagged ? 'darkorange' : 'gold2';
    const label = flagged ? `${r.conn} (EKS caveat)` : r.conn;
    lines.push(
      `\t${dotId(r.src)} -> ${dotId(r.dst)} [label=${dotId(label)} color="${color}" fontcolor="darkgreen"]`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A quoted DOT identifier. */
export function dotId(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A JSON string as Go's encoding/json writes it (HTML-safe escapes included). */
export function goString(text: string): string {
  if (/^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/.test(text)) return `"${text}"`;
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char === '\b') out += '\\b';
    else if (char === '\f') out += '\\f';
    else if (
      code < 0x20 ||
      char === '<' ||
      char === '>' ||
      char === '&' ||
      code === 0x2028 ||
      code === 0x2029
    )
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** A field as Go's encoding/csv writes it: quoted when it holds a comma, quote, line end or leading space. */
export function csvField(field: string): string {
  if (field === '' || (!/[",\r\n]/.test(field) && !/^\s/.test(field))) return field;
  return `"${field.replace(/"/g, '""')}"`;
}
