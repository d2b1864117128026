/// <reference lib="dom" />
// The details pane: why a flow is allowed (each side's policies and rules, with file:line links),
// what a workload can reach and what reaches it, and the answer to "can A reach B?".

import type {
  CanReachResult,
  ConnectivityFlow,
  ConnectivityPolicyInfo,
  ConnectivityWorkload,
  ExplainFlowResult,
  ProtocolLocation,
  ProtocolRule,
  ProtocolSide,
  ProtocolVerdict,
} from '../../../shared/protocol';
import { activatable, el, locationText } from './dom';
import { isolationText } from './graph';

export interface DetailsActions {
  open(location: ProtocolLocation): void;
  flow(flow: ConnectivityFlow): void;
  ask(src?: string, dst?: string): void;
}

/** A link that opens the editor at a line (a real link: Tab reaches it, Enter follows it). */
export function sourceLink(
  text: string,
  location: ProtocolLocation | undefined,
  actions: DetailsActions,
): Node {
  if (!location) return document.createTextNode(text);
  const link = el(
    'a',
    { href: '#', class: 'source-link', 'data-uri': location.uri, 'data-line': String(location.line) },
    text,
  );
  link.title = `Open ${locationText(location)}`;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    actions.open(location);
  });
  return link;
}

function ruleItem(rule: ProtocolRule, actions: DetailsActions): HTMLElement {
  return el(
    'li',
    { class: 'rule' },
    sourceLink(rule.label, rule.location, actions),
    ` allows ${rule.conn}`,
    rule.location ? el('span', { class: 'location' }, ` (${locationText(rule.location)})`) : undefined,
  );
}

function policyLinks(policies: ProtocolSide['policies'], actions: DetailsActions): Node[] {
  const nodes: Node[] = [];
  policies.forEach((policy, index) => {
    if (index > 0) nodes.push(document.createTextNode(index === policies.length - 1 ? ' and ' : ', '));
    nodes.push(sourceLink(policy.id, policy.location, actions));
  });
  return nodes;
}

function sideSection(side: ProtocolSide | ProtocolVerdict, actions: DetailsActions): HTMLElement {
  const word = side.direction === 'egress' ? 'Egress' : 'Ingress';
  const verdict = 'passes' in side ? (side.passes ? ' — passes' : ' — blocks') : '';
  const section = el(
    'section',
    { class: `side ${side.direction}` },
    el('h3', {}, `${word} of ${side.peer}${verdict}`),
  );
  if (side.outsideCluster) {
    section.append(el('p', {}, 'Outside the cluster: no NetworkPolicy applies to it.'));
    return section;
  }
  if (!side.isolated) {
    section.append(
      el('p', {}, `No policy isolates it for ${side.direction}: all ${side.direction} is allowed.`),
    );
    return section;
  }
  section.append(el('p', {}, 'Isolated by ', ...policyLinks(side.policies, actions), '.'));
  const rules = 'deciding' in side ? side.deciding : side.rules;
  if ('reason' in side) section.append(el('p', { class: 'reason' }, side.reason));
  if (rules.length > 0)
    section.append(el('ul', { class: 'rules' }, ...rules.map((rule) => ruleItem(rule, actions))));
  else if (!('reason' in side))
    section.append(
      el('p', { class: 'reason' }, `No ${side.direction} rule of these policies matches the other end.`),
    );
  return section;
}

export function explanationView(
  explanation: ExplainFlowResult,
  src: string,
  dst: string,
  actions: DetailsActions,
): HTMLElement[] {
  if (!explanation) return [el('p', {}, `${src} → ${dst} is no longer in the workspace.`)];
  const allowed = explanation.conn !== 'No Connections';
  const view = [
    el('h2', {}, `${explanation.src} → ${explanation.dst}`),
    el(
      'p',
      { class: `verdict ${allowed ? 'yes' : 'no'}` },
      allowed ? `Allowed: ${explanation.conn}` : 'Nothing is allowed',
    ),
    sideSection(explanation.egress, actions),
    sideSection(explanation.ingress, actions),
  ];
  if (explanation.notes.length > 0)
    view.push(
      el(
        'section',
        { class: 'notes' },
        el('h3', {}, 'On EKS'),
        el('ul', {}, ...explanation.notes.map((note) => el('li', {}, note))),
      ),
    );
  const ask = el('button', { type: 'button' }, 'Ask about one port…');
  ask.addEventListener('click', () => actions.ask(explanation.src, explanation.dst));
  view.push(ask);
  return view;
}

export function answerView(result: CanReachResult, actions: DetailsActions): HTMLElement[] {
  const { answer } = result;
  if (!answer)
    return [el('h2', {}, 'Can A reach B?'), el('p', { class: 'verdict no' }, result.problem ?? 'No answer.')];
  return [
    el('h2', {}, `Can ${answer.src} reach ${answer.dst} on ${answer.protocol} ${answer.port}?`),
    el('p', { class: `verdict ${answer.allowed ? 'yes' : 'no'}` }, answer.allowed ? 'Yes' : 'No'),
    el('p', { class: 'summary' }, answer.summary),
    sideSection(answer.egress, actions),
    sideSection(answer.ingress, actions),
  ];
}

function flowList(
  title: string,
  flows: readonly ConnectivityFlow[],
  other: 'src' | 'dst',
  actions: DetailsActions,
): HTMLElement {
  const list = el('ul', { class: 'flow-list' });
  for (const flow of flows) {
    const item = el(
      'li',
      { class: 'flow-item' },
      el('span', { class: 'peer' }, flow[other]),
      el('span', { class: 'conn' }, ` ${flow.conn}`),
    );
    activatable(item, `${flow.src} to ${flow.dst}: ${flow.conn}. Show the rules that allow it.`, () =>
      actions.flow(flow),
    );
    list.append(item);
  }
  return el(
    'section',
    {},
    el('h3', {}, `${title} (${flows.length})`),
    flows.length > 0 ? list : el('p', {}, 'Nothing.'),
  );
}

export function workloadView(
  id: string,
  workload: ConnectivityWorkload | undefined,
  flows: readonly ConnectivityFlow[],
  policies: readonly ConnectivityPolicyInfo[],
  actions: DetailsActions,
): HTMLElement[] {
  const out = flows.filter((flow) => flow.src === id);
  const into = flows.filter((flow) => flow.dst === id);
  const view: HTMLElement[] = [el('h2', {}, id)];
  if (workload) {
    const labels = Object.entries(workload.labels).map(([key, value]) => `${key}=${value}`);
    const ports = workload.ports.map(
      (port) => `${port.name ? `${port.name} ` : ''}${port.port}/${port.protocol}`,
    );
    view.push(
      el(
        'p',
        {},
        `${workload.kind}, ${isolationText(workload)}. `,
        workload.location ? 'Defined at ' : '',
        workload.location ? sourceLink(locationText(workload.location), workload.location, actions) : '',
        '.',
      ),
      el('p', {}, `Labels: ${labels.join(', ') || 'none'}. Ports: ${ports.join(', ') || 'none'}.`),
    );
    if (workload.hostNetwork)
      view.push(
        el('p', { class: 'reason' }, 'hostNetwork: on EKS, NetworkPolicies do not apply to its pods.'),
      );
    const selecting = policies.filter((policy) => policy.selects.includes(id));
    if (selecting.length > 0) view.push(el('p', {}, 'Selected by ', ...policyLinks(selecting, actions), '.'));
  } else {
    view.push(
      el(
        'p',
        {},
        'Outside the cluster: no NetworkPolicy applies to it; only the workloads’ policies decide.',
      ),
    );
  }
  view.push(flowList('Can reach', out, 'dst', actions), flowList('Reached by', into, 'src', actions));
  const ask = el('button', { type: 'button' }, 'Can it reach…?');
  ask.addEventListener('click', () => actions.ask(id));
  view.push(ask);
  return view;
}
