// The connectivity view's layout and table order, computed without a DOM: the same workspace
// always gives the same picture, and every arrow leaves and enters the right side of its nodes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  edgePath,
  externalLines,
  layoutGraph,
  OUTSIDE,
  SIZES,
  sortFlows,
} from '../../src/client/connectivity/webview/layout';

const WORKLOADS = [
  { id: 'shop/web[Deployment]', name: 'web', namespace: 'shop' },
  { id: 'monitoring/prometheus[Deployment]', name: 'prometheus', namespace: 'monitoring' },
  { id: 'shop/api[Deployment]', name: 'api', namespace: 'shop' },
  { id: 'shop/db[StatefulSet]', name: 'db', namespace: 'shop' },
];
const EXTERNALS = ['0.0.0.0-9.255.255.255[External]'];

test('IP ranges first, then one column per namespace by name, workloads in name order', () => {
  const layout = layoutGraph(WORKLOADS, EXTERNALS);
  assert.deepEqual(
    layout.groups.map((group) => group.title),
    [OUTSIDE, 'monitoring', 'shop'],
  );
  const shop = ['shop/api[Deployment]', 'shop/db[StatefulSet]', 'shop/web[Deployment]'].map((id) =>
    layout.nodes.get(id)!,
  );
  assert.deepEqual(
    shop.map((node) => node.column),
    [2, 2, 2],
  );
  assert.ok(shop[0].y < shop[1].y && shop[1].y < shop[2].y, 'api, db, web from the top');
  // Nodes sit inside their group, and the picture holds every group.
  for (const node of layout.nodes.values()) {
    const group = layout.groups[node.column];
    assert.ok(node.x >= group.x && node.x + node.width <= group.x + group.width);
    assert.ok(node.y >= group.y && node.y + node.height <= group.y + group.height);
  }
  assert.ok(layout.width >= layout.groups[2].x + layout.groups[2].width);
  // The input order does not change the picture.
  assert.deepEqual(layoutGraph([...WORKLOADS].reverse(), EXTERNALS), layout);
});

test('arrows: rightwards from the right side, leftwards from the left side, within a column bowed out', () => {
  const layout = layoutGraph(WORKLOADS, EXTERNALS);
  const start = (d: string) => d.split(' ').slice(1, 3).map(Number);
  const node = (id: string) => layout.nodes.get(id)!;
  const right = edgePath(layout, { src: EXTERNALS[0], dst: 'shop/web[Deployment]' }, false)!;
  assert.deepEqual(start(right.d), [
    node(EXTERNALS[0]).x + SIZES.nodeWidth,
    node(EXTERNALS[0]).y + SIZES.nodeHeight / 2,
  ]);
  const left = edgePath(
    layout,
    { src: 'shop/api[Deployment]', dst: 'monitoring/prometheus[Deployment]' },
    false,
  )!;
  assert.equal(start(left.d)[0], node('shop/api[Deployment]').x);
  const same = edgePath(layout, { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]' }, false)!;
  assert.equal(start(same.d)[0], node('shop/web[Deployment]').x + SIZES.nodeWidth);
  assert.ok(same.labelX > node('shop/web[Deployment]').x + SIZES.nodeWidth, 'the label is out to the right');
  // A flow and its reverse are drawn apart.
  const there = edgePath(layout, { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]' }, true)!;
  const back = edgePath(layout, { src: 'shop/api[Deployment]', dst: 'shop/web[Deployment]' }, true)!;
  assert.notEqual(there.labelY, back.labelY);
  assert.equal(edgePath(layout, { src: 'nowhere', dst: 'shop/api[Deployment]' }, false), undefined);
});

test('the table sorts by any column either way, then by source and destination', () => {
  const flows = [
    { src: 'b', dst: 'x', conn: 'TCP 80' },
    { src: 'a', dst: 'y', conn: 'UDP 53' },
    { src: 'a', dst: 'x', conn: 'TCP 80' },
  ];
  const order = (key: 'src' | 'dst' | 'conn', descending: boolean) =>
    sortFlows(flows, key, descending).map((f) => `${f.src}>${f.dst}`);
  assert.deepEqual(order('src', false), ['a>x', 'a>y', 'b>x']);
  assert.deepEqual(order('src', true), ['b>x', 'a>y', 'a>x']);
  assert.deepEqual(order('conn', false), ['a>x', 'b>x', 'a>y']);
  assert.deepEqual(order('dst', false), ['a>x', 'b>x', 'a>y']);
});

test('an IP range is drawn on two lines', () => {
  assert.deepEqual(externalLines('11.0.0.0-255.255.255.255[External]'), ['11.0.0.0 –', '255.255.255.255']);
  assert.deepEqual(externalLines('odd'), ['odd', '']);
});
