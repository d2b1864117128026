// The connectivity of the workspace over LSP: every allowed flow (`eksNetworking/connectivity`),
// why one flow is allowed (`eksNetworking/explainFlow`), "can A reach B?" (`eksNetworking/canReach`)
// and what one NetworkPolicy selects and allows (`eksNetworking/policyFlows`), plus the CodeLens
// "Show connectivity" above each NetworkPolicy. The engine computes; this file translates.

import type { CodeLens } from 'vscode-languageserver';
import type { Position } from 'vscode-languageserver-textdocument';
import { matches } from '../../engine/model/labelSelector';
import {
  canReach,
  eksChecker,
  explainFlow,
  isNetworkPolicy,
  policyLabel,
  ConnectionSet,
  type Flow,
  type Peer,
} from '../../engine/connectivity';
import type { WorkspaceObject } from '../../engine';
import {
  CAN_REACH_REQUEST,
  CONNECTIVITY_REQUEST,
  EXPLAIN_FLOW_REQUEST,
  POLICY_FLOWS_REQUEST,
  type CanReachParams,
  type CanReachResult,
  type ConnectivityFlow,
  type ConnectivityParams,
  type ConnectivityResult,
  type ExplainFlowParams,
  type ExplainFlowResult,
  type PolicyFlowsParams,
  type PolicyFlowsResult,
} from '../../shared/protocol';
import { EDITOR_COMMAND_IDS } from '../../shared/commands';
import type { ServerState } from '../state';
import { ConnectivityInputs, type WorkspaceAnalysis } from './connectivityInputs';
import { findPeer, Locator, toSide, toVerdict } from './connectivityProtocol';

/** More flows than a view can draw or a person can read; the result says it was cut. */
const MAX_FLOWS = 5000;

export function registerConnectivity(state: ServerState): void {
  const { connection } = state;
  const inputs = new ConnectivityInputs(state);

  connection.onRequest(CONNECTIVITY_REQUEST, (params: ConnectivityParams): ConnectivityResult => {
    const built = inputs.analyse(params?.folders, true);
    return connectivityResult(built, state.settings.engine.target === 'eks');
  });

  connection.onRequest(EXPLAIN_FLOW_REQUEST, (params: ExplainFlowParams): ExplainFlowResult => {
    if (!params) return null;
    const built = inputs.analyse(params.folders, false);
    const src = findPeer(built.analysis, params.src, 'src');
    const dst = findPeer(built.analysis, params.dst, 'dst');
    if (!src || !dst) return null;
    const locator = new Locator(built);
    const explanation = explainFlow(built.analysis, src, dst);
    const conns = built.analysis.allowed(src, dst);
    const notes = state.settings.engine.target === 'eks' ? notesOf(built, { src, dst, conns }) : [];
    return {
      src: src.name,
      dst: dst.name,
      conn: conns.toString(),
      egress: toSide(explanation.egress, locator),
      ingress: toSide(explanation.ingress, locator),
      notes,
    };
  });

  connection.onRequest(CAN_REACH_REQUEST, (params: CanReachParams): CanReachResult => {
    if (!params) return { answer: null, problem: 'Give src, dst, protocol and port.' };
    const protocol = String(params.protocol ?? '').toUpperCase();
    if (!['TCP', 'UDP', 'SCTP'].includes(protocol))
      return { answer: null, problem: `"${params.protocol}" is not a protocol: use TCP, UDP or SCTP.` };
    if (!Number.isInteger(params.port) || params.port < 1 || params.port > 65535)
      return { answer: null, problem: `${String(params.port)} is not a port: use a number from 1 to 65535.` };
    const built = inputs.analyse(params.folders, false);
    const src = findPeer(built.analysis, params.src, 'src');
    const dst = findPeer(built.analysis, params.dst, 'dst');
    const unknown = !src ? params.src : !dst ? params.dst : undefined;
    if (!src || !dst)
      return {
        answer: null,
        problem: `"${unknown}" is neither a workload of the workspace nor an IP address; pick one from the list.`,
      };
    if (src.type === 'ip' && dst.type === 'ip')
      return {
        answer: null,
        problem: 'Both ends are outside the cluster: no NetworkPolicy applies between them.',
      };
    const answer = canReach(built.analysis, src, dst, protocol, params.port);
    const locator = new Locator(built);
    return {
      answer: {
        allowed: answer.allowed,
        src: src.name,
        dst: dst.name,
        protocol,
        port: params.port,
        egress: toVerdict(answer.egress, locator),
        ingress: toVerdict(answer.ingress, locator),
        summary: answer.summary,
      },
    };
  });

  connection.onRequest(POLICY_FLOWS_REQUEST, (params: PolicyFlowsParams): PolicyFlowsResult => {
    if (!params || typeof params.uri !== 'string' || !params.position) return null;
    const document = state.documents.get(params.uri);
    if (!document) return null;
    const file = state.fileFor(document);
    const offset = file.getLines().offsetAt(params.position);
    const object = file.getObjects().find((candidate) => {
      if (!isNetworkPolicy(candidate)) return false;
      const range = file.objectRange(candidate);
      return offset >= range.start && offset <= range.end;
    });
    if (!object) return null;
    const built = inputs.analyse(params.folders, false);
    const policy = built.analysis.input.policies.find((candidate) => candidate.origin.value === object.value);
    if (!policy) return null;
    return policyFlows(built, policy);
  });
}

/** The CodeLens "Show connectivity" above a NetworkPolicy (added to the Explain lenses). */
export function connectivityLens(uri: string, start: Position): CodeLens {
  return {
    range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
    command: {
      title: 'Show connectivity',
      command: EDITOR_COMMAND_IDS.showConnectivity,
      arguments: [uri, start],
    },
  };
}

function connectivityResult(built: WorkspaceAnalysis, eks: boolean): ConnectivityResult {
  const { analysis } = built;
  const locator = new Locator(built);
  const workloads = analysis.workloadPeers.flatMap((peer) => {
    if (peer.type !== 'workload') return [];
    const { workload } = peer;
    return [
      {
        id: peer.name,
        kind: workload.kind,
        name: workload.name,
        namespace: workload.namespace,
        labels: workload.labels,
        ports: workload.ports.map((port) => ({
          ...(port.name ? { name: port.name } : {}),
          port: port.containerPort,
          protocol: port.protocol,
        })),
        isolated: {
          ingress: analysis.policiesIsolating(peer.index, 'ingress').length > 0,
          egress: analysis.policiesIsolating(peer.index, 'egress').length > 0,
        },
        hostNetwork: workload.hostNetwork,
        location: workload.sources[0] ? locator.at(workload.sources[0]) : undefined,
      },
    ];
  });
  const checker = eks ? eksChecker(analysis, built.eks) : undefined;
  const flows: ConnectivityFlow[] = [];
  let truncated = false;
  const used = new Set<string>();
  for (const flow of analysis.eachFlow()) {
    if (flows.length >= MAX_FLOWS) {
      truncated = true;
      break;
    }
    checker?.check(flow);
    const notes = checker?.report.flows.get(flow)?.map((note) => note.message);
    flows.push({
      src: flow.src.name,
      dst: flow.dst.name,
      conn: flow.conns.toString(),
      ...(notes ? { notes } : {}),
    });
    for (const end of [flow.src, flow.dst]) if (end.type === 'ip') used.add(end.name);
  }
  const policies = analysis.input.policies.map((policy) => ({
    id: policyLabel(policy),
    location: locator.at(policy.origin),
    selects: analysis.workloadPeers
      .filter(
        (peer) =>
          peer.type === 'workload' &&
          peer.workload.namespace === policy.namespace &&
          matches(policy.podSelector, peer.workload.labels),
      )
      .map((peer) => peer.name),
  }));
  const externals = [...analysis.sourceRanges, ...analysis.destinationRanges]
    .map((peer) => peer.name)
    .filter((name, index, all) => all.indexOf(name) === index && used.has(name));
  return {
    workloads,
    externals,
    flows,
    ...(truncated ? { truncated } : {}),
    policies,
    warnings: built.warnings,
    files: built.files,
  };
}

function notesOf(built: WorkspaceAnalysis, flow: Flow<WorkspaceObject>): string[] {
  if (flow.conns.isEmpty()) return [];
  const checker = eksChecker(built.analysis, built.eks);
  checker.check(flow);
  return checker.report.flows.get(flow)?.map((note) => note.message) ?? [];
}

function policyFlows(
  built: WorkspaceAnalysis,
  policy: WorkspaceAnalysis['analysis']['input']['policies'][number],
): PolicyFlowsResult {
  const { analysis } = built;
  const locator = new Locator(built);
  const selected = analysis.workloadPeers.filter(
    (peer) =>
      peer.type === 'workload' &&
      peer.workload.namespace === policy.namespace &&
      matches(policy.podSelector, peer.workload.labels),
  );
  const flows = new Map<string, { src: string; dst: string; conns: ConnectionSet }>();
  const add = (src: Peer<WorkspaceObject>, dst: Peer<WorkspaceObject>, direction: 'ingress' | 'egress') => {
    if (src.name === dst.name || flows.size >= MAX_FLOWS) return;
    const conns = analysis.allowed(src, dst);
    if (conns.isEmpty()) return;
    let mine = ConnectionSet.NONE;
    for (const rule of explainFlow(analysis, src, dst)[direction].rules)
      if (rule.policy.origin === policy.origin) mine = mine.union(rule.conns);
    const allowed = mine.intersect(conns);
    if (allowed.isEmpty()) return;
    const key = `${src.name}\u0000${dst.name}`;
    const known = flows.get(key);
    flows.set(key, { src: src.name, dst: dst.name, conns: known ? known.conns.union(allowed) : allowed });
  };
  for (const self of selected) {
    if (policy.isolates.egress)
      for (const dst of [...analysis.workloadPeers, ...analysis.destinationRanges]) add(self, dst, 'egress');
    if (policy.isolates.ingress)
      for (const src of [...analysis.workloadPeers, ...analysis.sourceRanges]) add(src, self, 'ingress');
  }
  return {
    policy: policyLabel(policy),
    location: locator.at(policy.origin),
    selects: selected.map((peer) => peer.name),
    isolates: { ...policy.isolates },
    flows: [...flows.values()].map(({ src, dst, conns }) => ({ src, dst, conn: conns.toString() })),
  };
}
