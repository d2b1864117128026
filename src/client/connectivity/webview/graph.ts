/// <reference lib="dom" />
// The graph: namespaces as boxes, workloads as nodes (isolated ones marked), IP ranges outside the
// cluster in their own column, flows as arrows labelled with what they allow. Every node and
// arrow can be reached with Tab and activated with Enter, like the table's rows.

import type { ConnectivityFlow, ConnectivityWorkload } from '../../../shared/protocol';
import { activatable, shortName, svg } from './dom';
import { edgePath, externalLines, layoutGraph, SIZES } from './layout';

/** Past this many arrows the picture is a tangle: only the selected workload's flows are drawn. */
export const MAX_DRAWN_FLOWS = 250;

export interface GraphInput {
  workloads: readonly ConnectivityWorkload[];
  externals: readonly string[];
  flows: readonly ConnectivityFlow[];
  /** The workload (or IP range) whose flows are shown when there are too many to draw. */
  selected?: string;
  /** The selected flow, drawn emphasised. */
  selectedFlow?: { src: string; dst: string };
  /** Highlighted flows and workloads (a policy's effect, or a question's two ends). */
  highlight?: { flows: ReadonlySet<string>; nodes: ReadonlySet<string> };
  onNode(id: string): void;
  onFlow(flow: ConnectivityFlow): void;
}

export const flowKey = (flow: { src: string; dst: string }): string => `${flow.src}\u0000${flow.dst}`;

const LABEL_CHARS = 26;

export function renderGraph(container: HTMLElement, input: GraphInput): { drawn: number } {
  container.replaceChildren();
  const layout = layoutGraph(input.workloads, input.externals);
  const root = svg('svg', {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'group',
    'aria-label': 'Connectivity graph',
    class: 'graph',
  });
  root.append(
    svg(
      'defs',
      {},
      svg(
        'marker',
        {
          id: 'arrow',
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }),
      ),
      svg(
        'marker',
        {
          id: 'arrow-strong',
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head strong' }),
      ),
    ),
  );
  for (const group of layout.groups) {
    root.append(
      svg('rect', {
        x: group.x,
        y: group.y,
        width: group.width,
        height: group.height,
        rx: 6,
        class: group.external ? 'group external' : 'group',
      }),
      svg(
        'text',
        { x: group.x + SIZES.groupPadding, y: group.y + 18, class: 'group-title' },
        group.external ? group.title : `namespace ${group.title}`,
      ),
    );
  }

  const tooMany = input.flows.length > MAX_DRAWN_FLOWS;
  const drawn = tooMany
    ? input.flows.filter(
        (flow) =>
          input.selected !== undefined && (flow.src === input.selected || flow.dst === input.selected),
      )
    : input.flows;
  const keys = new Set(drawn.map(flowKey));
  const edges = svg('g', { class: 'edges' });
  const labels = svg('g', { class: 'edge-labels' });
  for (const flow of drawn) {
    const path = edgePath(layout, flow, keys.has(flowKey({ src: flow.dst, dst: flow.src })));
    if (!path) continue;
    const key = flowKey(flow);
    const classes = ['edge'];
    if (input.highlight?.flows.has(key)) classes.push('highlighted');
    else if (input.highlight) classes.push('dimmed');
    if (input.selectedFlow && flowKey(input.selectedFlow) === key) classes.push('selected');
    const strong = classes.includes('highlighted') || classes.includes('selected');
    const line = svg('path', {
      d: path.d,
      class: 'edge-line',
      'marker-end': `url(#${strong ? 'arrow-strong' : 'arrow'})`,
    });
    const text = flow.conn.length > LABEL_CHARS ? `${flow.conn.slice(0, LABEL_CHARS - 1)}…` : flow.conn;
    const label = svg(
      'text',
      { x: path.labelX, y: path.labelY + 4, class: 'edge-label', 'text-anchor': 'middle' },
      text,
    );
    const group = svg(
      'g',
      { class: classes.join(' '), 'data-src': flow.src, 'data-dst': flow.dst },
      svg('title', {}, `${flow.src} → ${flow.dst}: ${flow.conn}`),
    );
    // A wide invisible stroke under the line, so the arrow is easy to hit with the mouse.
    group.append(svg('path', { d: path.d, class: 'edge-hit' }), line);
    const labelGroup = svg('g', {
      class: `edge-tag ${classes.slice(1).join(' ')}`,
      'data-src': flow.src,
      'data-dst': flow.dst,
    });
    const background = svg('rect', { class: 'edge-label-bg', rx: 3 });
    labelGroup.append(background, label);
    activatable(
      labelGroup,
      `Flow from ${flow.src} to ${flow.dst}: ${flow.conn}. Show the rules that allow it.`,
      () => input.onFlow(flow),
    );
    group.addEventListener('click', () => input.onFlow(flow));
    edges.append(group);
    labels.append(labelGroup);
    // Size the label's background once the text is measurable.
    queueMicrotask(() => {
      const width = label.getComputedTextLength?.() ?? text.length * 6;
      background.setAttribute('x', String(path.labelX - width / 2 - 4));
      background.setAttribute('y', String(path.labelY - 9));
      background.setAttribute('width', String(width + 8));
      background.setAttribute('height', '17');
    });
  }
  root.append(edges);

  const byId = new Map(input.workloads.map((workload) => [workload.id, workload]));
  const nodes = svg('g', { class: 'nodes' });
  for (const node of layout.nodes.values()) {
    const workload = byId.get(node.id);
    const classes = ['node', workload ? 'workload' : 'external'];
    if (workload?.isolated.ingress) classes.push('isolated-ingress');
    if (workload?.isolated.egress) classes.push('isolated-egress');
    if (input.highlight?.nodes.has(node.id)) classes.push('highlighted');
    if (input.selected === node.id) classes.push('selected');
    const group = svg('g', {
      class: classes.join(' '),
      'data-id': node.id,
      transform: `translate(${node.x} ${node.y})`,
    });
    group.append(svg('rect', { width: node.width, height: node.height, rx: 5, class: 'node-box' }));
    if (workload) {
      group.append(
        svg('text', { x: 10, y: 19, class: 'node-name' }, shortName(node.id)),
        svg('text', { x: 10, y: 36, class: 'node-detail' }, `${workload.kind} · ${isolationTag(workload)}`),
      );
      if (workload.isolated.ingress || workload.isolated.egress)
        group.append(svg('rect', { x: 0, y: 0, width: 5, height: node.height, class: 'isolation-bar' }));
    } else {
      const [first, second] = externalLines(node.id);
      group.append(
        svg('text', { x: 10, y: 19, class: 'node-name' }, first),
        svg('text', { x: 10, y: 36, class: 'node-detail' }, second),
      );
    }
    const description = workload
      ? `${node.id}, ${isolationText(workload)}. Show what it can reach and what can reach it.`
      : `IP range ${node.id.replace(/\[External\]$/, '')}, outside the cluster. Show its flows.`;
    activatable(group, description, () => input.onNode(node.id));
    nodes.append(group);
  }
  root.append(nodes, labels);
  container.append(root);
  // A picture a little wider than the pane is scaled to fit; a much wider one scrolls, so its
  // text stays readable.
  const available = container.clientWidth;
  let fit = 'natural';
  if (available > 0 && available < layout.width) {
    fit = available / layout.width >= 0.7 ? 'scaled' : 'scrolls';
    if (fit === 'scaled') {
      root.setAttribute('width', String(available));
      root.setAttribute('height', String((layout.height * available) / layout.width));
    }
  }
  // How the picture fits its pane (tests and styles can tell a scrolled picture).
  root.setAttribute('data-fit', fit);
  return { drawn: drawn.length };
}

/** The short form drawn in a node. */
function isolationTag(workload: ConnectivityWorkload): string {
  const { ingress, egress } = workload.isolated;
  if (ingress && egress) return 'isolated in+out';
  if (ingress || egress) return `isolated ${ingress ? 'in' : 'out'}`;
  return 'not isolated';
}

export function isolationText(workload: ConnectivityWorkload): string {
  const { ingress, egress } = workload.isolated;
  if (ingress && egress) return 'isolated in and out';
  if (ingress) return 'isolated for ingress';
  if (egress) return 'isolated for egress';
  return 'not isolated';
}
