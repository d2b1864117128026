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

/** The flows as records, in the order the analysis gives them (source, then destination). */
export function connRecords(flows: readonly Flow[]): ConnRecord[] {
  return [...records(flows)];
}

/** The same, one at a time (a list may hold millions). */
export function* records(flows: Iterable<Flow>): Generator<ConnRecord> {
  for (const flow of flows) yield { src: flow.src.name, dst: flow.dst.name, conn: flow.conns.toString() };
}

/**
 * The JSON connlist in pieces, so a list of millions of flows is written without building one
 * string longer than a JavaScript string may be.
 */
export function* jsonChunks(records: Iterable<ConnRecord>): Generator<string> {
  // Names and conn texts repeat across records: quote each distinct one once.
  const quoted = new Map<string, string>();
  const q = (text: string) => {
    let value = quoted.get(text);
    if (value === undefined) quoted.set(text, (value = goString(text)));
    return value;
  };
  let first = true;
  for (const r of records) {
    yield `${first ? '[\n' : ',\n'}  {\n    "src": ${q(r.src)},\n    "dst": ${q(r.dst)},\n    "conn": ${q(r.conn)}\n  }`;
    first = false;
  }
  yield first ? '[]' : '\n]';
}

export function formatJson(records: Iterable<ConnRecord>): string {
  return [...jsonChunks(records)].join('');
}

export function* txtChunks(records: Iterable<ConnRecord>): Generator<string> {
  for (const r of records) yield `${r.src} => ${r.dst} : ${r.conn}\n`;
}

export function* mdChunks(records: Iterable<ConnRecord>): Generator<string> {
  yield '| src | dst | conn |\n|-----|-----|------|\n';
  for (const r of records) yield `| ${r.src} | ${r.dst} | ${r.conn} |\n`;
}

export function* csvChunks(records: Iterable<ConnRecord>): Generator<string> {
  yield 'src,dst,conn\n';
  for (const r of records) yield `${csvField(r.src)},${csvField(r.dst)},${csvField(r.conn)}\n`;
}

export function formatTxt(records: Iterable<ConnRecord>): string {
  return [...txtChunks(records)].join('');
}

export function formatMd(records: Iterable<ConnRecord>): string {
  return [...mdChunks(records)].join('');
}

export function formatCsv(records: Iterable<ConnRecord>): string {
  return [...csvChunks(records)].join('');
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
  return [...dotChunks(() => records, options)].join('');
}

/** The graph in pieces; `records` is read twice (nodes first, then edges). */
export function* dotChunks(records: () => Iterable<ConnRecord>, options: DotOptions): Generator<string> {
  const byNamespace = new Map<string, Set<string>>();
  const external = new Set<string>();
  const workloadNames = new Set(options.workloads.map((peer) => peer.name));
  const add = (name: string) => {
    if (!workloadNames.has(name)) return void external.add(name);
    const namespace = name.slice(0, name.indexOf('/'));
    const set = byNamespace.get(namespace) ?? new Set<string>();
    set.add(name);
    byNamespace.set(namespace, set);
  };
  for (const name of workloadNames) add(name);
  for (const r of records()) {
    add(r.src);
    add(r.dst);
  }
  yield 'digraph {\n';
  for (const namespace of [...byNamespace.keys()].sort(compareText)) {
    yield `\tsubgraph ${dotId(`cluster_${namespace}`)} {\n`;
    for (const name of [...(byNamespace.get(namespace) ?? [])].sort(compareText)) {
      const border = options.isolated?.has(name) ? ' peripheries=2' : '';
      yield `\t\t${dotId(name)} [label=${dotId(name.slice(namespace.length + 1))} color="blue" fontcolor="blue"${border}]\n`;
    }
    yield `\t\tlabel=${dotId(namespace)}\n\t}\n`;
  }
  for (const name of [...external].sort(compareText)) {
    yield `\t${dotId(name)} [label=${dotId(name)} color="red2" fontcolor="red2"]\n`;
  }
  for (const r of records()) {
    const flagged = options.flagged?.has(flowKey(r.src, r.dst));
    const color = flagged ? 'darkorange' : 'gold2';
    const label = flagged ? `${r.conn} (EKS caveat)` : r.conn;
    yield `\t${dotId(r.src)} -> ${dotId(r.dst)} [label=${dotId(label)} color="${color}" fontcolor="darkgreen"]\n`;
  }
  yield '}\n';
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
