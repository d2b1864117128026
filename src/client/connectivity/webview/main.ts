/// <reference lib="dom" />
// The connectivity view inside the webview: it renders what the extension sends (the language
// server's answers) as a graph or a table with a details pane, and asks the extension for
// explanations, questions and editor locations. No network, no HTML from data.

import type { ConnectivityFlow, ProtocolLocation } from '../../../shared/protocol';
import type { FromView, ToView } from '../messages';
import { el } from './dom';
import { answerView, explanationView, workloadView, type DetailsActions } from './details';
import { flowKey, MAX_DRAWN_FLOWS, renderGraph } from './graph';
import { renderTable, type TableState } from './table';
import type { SortKey } from './layout';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: FromView): void => vscode.postMessage(message);

interface Saved {
  tab: 'graph' | 'table';
  table: TableState;
}

const saved = (vscode.getState() as Saved | undefined) ?? {
  tab: 'graph',
  table: { sort: 'src', descending: false, filter: '' },
};
let data: Extract<ToView, { type: 'data' }> | undefined;
let selectedNode: string | undefined;
let selectedFlow: { src: string; dst: string } | undefined;
/** The two ends of the last question, shown highlighted until something else is selected. */
let question: { src: string; dst: string } | undefined;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const title = byId('title');
const summary = byId('summary');
const warnings = byId<HTMLDetailsElement>('warnings');
const banner = byId('highlight');
const graphPanel = byId('graph-panel');
const graphNote = byId('graph-note');
const graphHost = byId('graph');
const tablePanel = byId('table-panel');
const tableHost = byId('table');
const filter = byId<HTMLInputElement>('filter');
const details = byId('details');
const tabs = { graph: byId('tab-graph'), table: byId('tab-table') };

const actions: DetailsActions = {
  open: (location: ProtocolLocation) => post({ type: 'open', location }),
  flow: (flow) => selectFlow(flow),
  ask: (src, dst) => post({ type: 'canReach', src, dst }),
};

function save(): void {
  vscode.setState(saved);
}

function selectTab(tab: 'graph' | 'table', focus = false): void {
  saved.tab = tab;
  save();
  for (const [name, button] of Object.entries(tabs)) {
    const active = name === tab;
    button.setAttribute('aria-selected', String(active));
    button.tabIndex = active ? 0 : -1;
    if (active && focus) button.focus();
  }
  graphPanel.hidden = tab !== 'graph';
  tablePanel.hidden = tab !== 'table';
}

function selectFlow(flow: ConnectivityFlow | { src: string; dst: string }): void {
  selectedFlow = { src: flow.src, dst: flow.dst };
  question = undefined;
  details.replaceChildren(el('p', { class: 'hint' }, `Reading the rules of ${flow.src} → ${flow.dst}…`));
  post({ type: 'explainFlow', src: flow.src, dst: flow.dst });
  render();
}

function selectNode(id: string): void {
  selectedNode = id;
  selectedFlow = undefined;
  question = undefined;
  render();
  showNode(id);
}

function showNode(id: string): void {
  if (!data) return;
  const workload = data.result.workloads.find((candidate) => candidate.id === id);
  details.replaceChildren(...workloadView(id, workload, data.result.flows, data.result.policies, actions));
}

function highlightSets(): { flows: Set<string>; nodes: Set<string> } | undefined {
  if (question) return { flows: new Set([flowKey(question)]), nodes: new Set([question.src, question.dst]) };
  const highlight = data?.highlight;
  if (!highlight) return undefined;
  return { flows: new Set(highlight.flows.map(flowKey)), nodes: new Set(highlight.selects) };
}

function render(): void {
  if (!data) return;
  const { result, scope, highlight } = data;
  title.textContent = `Connectivity of ${scope}`;
  const isolated = result.workloads.filter((w) => w.isolated.ingress || w.isolated.egress).length;
  summary.textContent =
    `${result.workloads.length} workloads (${isolated} isolated), ${result.flows.length}${result.truncated ? '+' : ''} flows, ` +
    `${result.policies.length} NetworkPolicies in ${result.files} files.`;
  warnings.hidden = result.warnings.length === 0;
  warnings.replaceChildren(
    el('summary', {}, `${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'}`),
    el('ul', {}, ...result.warnings.map((warning) => el('li', {}, warning))),
  );
  banner.hidden = !highlight;
  if (highlight) {
    const clear = el('button', { type: 'button' }, 'Clear');
    clear.addEventListener('click', () => post({ type: 'clearHighlight' }));
    banner.replaceChildren(
      el(
        'span',
        {},
        `Highlighting ${highlight.policy}: it selects ${highlight.selects.length} workload${highlight.selects.length === 1 ? '' : 's'} and allows ${highlight.flows.length} flow${highlight.flows.length === 1 ? '' : 's'}. `,
      ),
      clear,
    );
  }
  const sets = highlightSets();
  const drawn = renderGraph(graphHost, {
    workloads: result.workloads,
    externals: result.externals,
    flows: result.flows,
    selected: selectedNode,
    selectedFlow,
    highlight: sets,
    onNode: selectNode,
    onFlow: selectFlow,
  });
  // Scrolled sideways (to a focused arrow) while the picture was wider: back to its start.
  if (graphPanel.scrollWidth - graphPanel.clientWidth <= 4) graphPanel.scrollLeft = 0;
  graphNote.hidden = result.flows.length <= MAX_DRAWN_FLOWS && !result.truncated;
  graphNote.textContent = result.truncated
    ? `More flows than can be shown: the first ${result.flows.length} are listed. `
    : '';
  if (result.flows.length > MAX_DRAWN_FLOWS)
    graphNote.textContent += `${result.flows.length} flows are too many to draw: select a workload to draw its ${drawn.drawn} flows, or use the table.`;
  renderTable(tableHost, {
    flows: result.flows,
    state: saved.table,
    highlight: sets?.flows,
    selected: selectedFlow,
    onSort: (key: SortKey) => {
      saved.table.descending = saved.table.sort === key ? !saved.table.descending : false;
      saved.table.sort = key;
      save();
      render();
    },
    onFlow: selectFlow,
  });
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  const message = event.data;
  switch (message.type) {
    case 'data':
      data = message;
      render();
      // Keep the details in step with the new data.
      if (selectedFlow) post({ type: 'explainFlow', ...selectedFlow });
      else if (selectedNode) showNode(selectedNode);
      else if (!question)
        details.replaceChildren(
          el(
            'p',
            { class: 'hint' },
            'Select a flow to see the rules that allow it, or a workload to see what it can reach.',
          ),
        );
      document.body.classList.remove('busy');
      break;
    case 'explanation':
      if (selectedFlow && selectedFlow.src === message.src && selectedFlow.dst === message.dst)
        details.replaceChildren(...explanationView(message.explanation, message.src, message.dst, actions));
      break;
    case 'answer':
      selectedFlow = undefined;
      selectedNode = undefined;
      question = message.result.answer
        ? { src: message.result.answer.src, dst: message.result.answer.dst }
        : undefined;
      details.replaceChildren(...answerView(message.result, actions));
      render();
      break;
    case 'busy':
      document.body.classList.add('busy');
      break;
    case 'failed':
      document.body.classList.remove('busy');
      details.replaceChildren(el('p', { class: 'verdict no' }, message.message));
      break;
  }
});

tabs.graph.addEventListener('click', () => selectTab('graph'));
tabs.table.addEventListener('click', () => selectTab('table'));
for (const button of Object.values(tabs)) {
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft')
      selectTab(saved.tab === 'graph' ? 'table' : 'graph', true);
  });
}
filter.value = saved.table.filter;
filter.addEventListener('input', () => {
  saved.table.filter = filter.value;
  save();
  render();
});
let resizing: number | undefined;
window.addEventListener('resize', () => {
  window.clearTimeout(resizing);
  resizing = window.setTimeout(render, 150);
});
byId('ask').addEventListener('click', () => post({ type: 'canReach', src: selectedNode }));
byId('refresh').addEventListener('click', () => post({ type: 'refresh' }));
selectTab(saved.tab);
post({ type: 'ready' });
