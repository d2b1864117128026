/// <reference lib="dom" />
// The flows as a table: sortable by each column (the header buttons say which way), filterable,
// and each row opens the rules that allow the flow, with the keyboard as with the mouse.

import type { ConnectivityFlow } from '../../../shared/protocol';
import { activatable, el } from './dom';
import { flowKey } from './graph';
import { sortFlows, type SortKey } from './layout';

export interface TableState {
  sort: SortKey;
  descending: boolean;
  filter: string;
}

export interface TableInput {
  flows: readonly ConnectivityFlow[];
  state: TableState;
  highlight?: ReadonlySet<string>;
  selected?: { src: string; dst: string };
  onSort(key: SortKey): void;
  onFlow(flow: ConnectivityFlow): void;
}

const COLUMNS: { key: SortKey; title: string }[] = [
  { key: 'src', title: 'Source' },
  { key: 'dst', title: 'Destination' },
  { key: 'conn', title: 'Allowed' },
];

export function renderTable(container: HTMLElement, input: TableInput): void {
  const { state } = input;
  const words = state.filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = sortFlows(input.flows, state.sort, state.descending).filter((flow) => {
    const text = `${flow.src} ${flow.dst} ${flow.conn}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const head = el(
    'tr',
    {},
    ...COLUMNS.map(({ key, title }) => {
      const sorted = state.sort === key;
      const button = el(
        'button',
        { class: 'sort', type: 'button' },
        title,
        sorted ? (state.descending ? ' ▼' : ' ▲') : '',
      );
      button.addEventListener('click', () => input.onSort(key));
      return el(
        'th',
        { scope: 'col', 'aria-sort': sorted ? (state.descending ? 'descending' : 'ascending') : 'none' },
        button,
      );
    }),
    el('th', { scope: 'col' }, 'EKS notes'),
  );
  const body = el('tbody');
  for (const flow of shown) {
    const key = flowKey(flow);
    const classes = ['flow-row'];
    if (input.highlight?.has(key)) classes.push('highlighted');
    if (input.selected && flowKey(input.selected) === key) classes.push('selected');
    const row = el(
      'tr',
      { class: classes.join(' '), 'data-src': flow.src, 'data-dst': flow.dst },
      el('td', {}, flow.src),
      el('td', {}, flow.dst),
      el('td', {}, flow.conn),
      el('td', {}, (flow.notes ?? []).join(' ')),
    );
    activatable(
      row,
      `Flow from ${flow.src} to ${flow.dst}: ${flow.conn}. Show the rules that allow it.`,
      () => input.onFlow(flow),
    );
    body.append(row);
  }
  const caption = el(
    'caption',
    {},
    shown.length === input.flows.length
      ? `${shown.length} flows`
      : `${shown.length} of ${input.flows.length} flows`,
  );
  container.replaceChildren(el('table', { class: 'flows' }, caption, el('thead', {}, head), body));
}
