// Where the connectivity graph draws everything: one column per namespace (sorted by name) with
// its workloads stacked in name order, a first column for the IP ranges outside the cluster, and
// each flow as a curve from its source to its destination with its label halfway. Deterministic
// (the same workspace always gives the same picture) and free of the DOM, so it is tested in Node.

export interface LayoutWorkload {
  id: string;
  name: string;
  namespace: string;
}

export interface LayoutFlow {
  src: string;
  dst: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface NodeBox extends Box {
  id: string;
  column: number;
}

export interface GroupBox extends Box {
  /** The namespace, or `OUTSIDE` for the IP ranges. */
  title: string;
  external: boolean;
}

export interface EdgePath {
  src: string;
  dst: string;
  /** An SVG path (`M … C …`). */
  d: string;
  /** Where its label goes. */
  labelX: number;
  labelY: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  groups: GroupBox[];
  nodes: Map<string, NodeBox>;
}

export const OUTSIDE = 'Outside the cluster';

export const SIZES = {
  nodeWidth: 184,
  nodeHeight: 46,
  rowGap: 18,
  columnGap: 124,
  groupPadding: 14,
  groupHeader: 26,
  margin: 24,
  /** Room right of the last column for the flows within it, which bow out to the right. */
  loopRoom: 90,
};

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function layoutGraph(workloads: readonly LayoutWorkload[], externals: readonly string[]): GraphLayout {
  const columns = new Map<string, LayoutWorkload[]>();
  for (const workload of workloads) {
    const list = columns.get(workload.namespace) ?? [];
    list.push(workload);
    columns.set(workload.namespace, list);
  }
  const ordered: { title: string; external: boolean; ids: string[] }[] = [];
  if (externals.length > 0) ordered.push({ title: OUTSIDE, external: true, ids: [...externals] });
  for (const namespace of [...columns.keys()].sort(byText)) {
    const ids = columns
      .get(namespace)!
      .slice()
      .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))
      .map((workload) => workload.id);
    ordered.push({ title: namespace, external: false, ids });
  }
  const { nodeWidth, nodeHeight, rowGap, columnGap, groupPadding, groupHeader, margin, loopRoom } = SIZES;
  const groups: GroupBox[] = [];
  const nodes = new Map<string, NodeBox>();
  let height = 0;
  ordered.forEach((column, index) => {
    const x = margin + index * (nodeWidth + 2 * groupPadding + columnGap);
    const inner = column.ids.length * nodeHeight + Math.max(0, column.ids.length - 1) * rowGap;
    const group: GroupBox = {
      x,
      y: margin,
      width: nodeWidth + 2 * groupPadding,
      height: groupHeader + inner + 2 * groupPadding,
      title: column.title,
      external: column.external,
    };
    groups.push(group);
    column.ids.forEach((id, row) => {
      nodes.set(id, {
        id,
        column: index,
        x: x + groupPadding,
        y: margin + groupHeader + groupPadding + row * (nodeHeight + rowGap),
        width: nodeWidth,
        height: nodeHeight,
      });
    });
    height = Math.max(height, group.y + group.height);
  });
  const width =
    groups.length === 0 ? 2 * margin : groups[groups.length - 1].x + groups[0].width + loopRoom + margin;
  return { width, height: height + margin, groups, nodes };
}

/**
 * The curve of a flow. Rightwards it leaves the source's right side for the destination's left;
 * leftwards the other way round; within a column it bows out to the right. A flow that has a
 * reverse twin is moved a little so the two stay apart.
 */
export function edgePath(layout: GraphLayout, flow: LayoutFlow, hasReverse: boolean): EdgePath | undefined {
  const src = layout.nodes.get(flow.src);
  const dst = layout.nodes.get(flow.dst);
  if (!src || !dst) return undefined;
  const shift = hasReverse ? (flow.src < flow.dst ? -6 : 6) : 0;
  const sy = src.y + src.height / 2 + shift;
  const dy = dst.y + dst.height / 2 + shift;
  let sx: number;
  let dx: number;
  let c1: number;
  let c2: number;
  if (dst.column > src.column) {
    sx = src.x + src.width;
    dx = dst.x;
    const bend = Math.max(40, (dx - sx) / 2);
    c1 = sx + bend;
    c2 = dx - bend;
  } else if (dst.column < src.column) {
    sx = src.x;
    dx = dst.x + dst.width;
    const bend = Math.max(40, (sx - dx) / 2);
    c1 = sx - bend;
    c2 = dx + bend;
  } else {
    sx = src.x + src.width;
    dx = dst.x + dst.width;
    const bow = 40 + Math.min(80, Math.abs(dy - sy) / 3);
    c1 = sx + bow;
    c2 = dx + bow;
  }
  const d = `M ${sx} ${sy} C ${c1} ${sy}, ${c2} ${dy}, ${dx} ${dy}`;
  // The cubic Bézier at t = 1/2.
  const labelX = (sx + 3 * c1 + 3 * c2 + dx) / 8;
  const labelY = (sy + dy) / 2;
  return { src: flow.src, dst: flow.dst, d, labelX, labelY };
}

/** Splits a long IP range name (`11.0.0.0-255.255.255.255[External]`) into a node's two lines. */
export function externalLines(name: string): [string, string] {
  const bare = name.replace(/\[External\]$/, '');
  const dash = bare.indexOf('-');
  return dash === -1 ? [bare, ''] : [`${bare.slice(0, dash)} –`, bare.slice(dash + 1)];
}

export type SortKey = 'src' | 'dst' | 'conn';

/** The table's order: by the chosen column, then by source and destination, either way round. */
export function sortFlows<F extends LayoutFlow & { conn: string }>(
  flows: readonly F[],
  key: SortKey,
  descending: boolean,
): F[] {
  const sign = descending ? -1 : 1;
  return [...flows].sort(
    (a, b) => sign * (byText(a[key], b[key]) || byText(a.src, b.src) || byText(a.dst, b.dst)),
  );
}
