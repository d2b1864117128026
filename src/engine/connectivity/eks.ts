// Where the EKS network policy agent treats a flow differently from upstream Kubernetes. The
// knowledge is the NP3xx rules': each policy is linted with target eks, and a finding marks the
// rule, peer or port it is about; a flow that relies on a marked part gets the finding's message.
// hostNetwork pods are the one caveat no rule checks (a rule sees one policy, not the pods).

import { EKS_HOST_NETWORK_NOTE } from '../editing/explain/networkPolicy';
import { lintText } from '../index';
import { formatPath } from '../parse/yamlPath';
import type { EngineSettings } from '../settings';
import type { Diagnostic, Path } from '../types';
import type { ConnectivityAnalysis, Flow, Peer } from './analysis';
import { contains } from './addresses';
import { explainFlow, ruleLabel } from './explain';
import type { ConnectivityPolicy, Direction, PolicyRule } from './types';
import { appendAll } from '../util/arrays';

/** The NP3xx codes whose findings change what a flow does on EKS. */
export const EKS_FLOW_CODES = ['NP301', 'NP302', 'NP303'] as const;

/** The sentence Explain uses, prefixed like the NP3xx messages. */
export const HOST_NETWORK_NOTE = `EKS: ${EKS_HOST_NETWORK_NOTE}`;

export interface EksFinding {
  code: string;
  message: string;
  direction: Direction;
  rule: number;
  /** Set for a finding about one peer (NP303) or one port (NP301). */
  peer?: number;
  port?: number;
}

export interface EksNote {
  code: string;
  message: string;
}

/**
 * The NP3xx findings among one policy's diagnostics (as the engine reported them on the policy's
 * file), by the part of the policy they are about. `pathPrefix` is the policy's place in its
 * document (`['items', 2]` in a List).
 */
export function eksFindings(
  diagnostics: readonly Pick<Diagnostic, 'code' | 'message' | 'path'>[],
  pathPrefix: Path = [],
): EksFinding[] {
  const prefix = formatPath(pathPrefix);
  const findings: EksFinding[] = [];
  for (const diagnostic of diagnostics) {
    if (!(EKS_FLOW_CODES as readonly string[]).includes(diagnostic.code)) continue;
    if (!diagnostic.path.startsWith(prefix)) continue;
    const path = diagnostic.path.slice(prefix.length).replace(/^\./, '');
    const match = /^spec\.(ingress|egress)\[(\d+)\](?:\.(?:from|to)\[(\d+)\])?(?:\.ports\[(\d+)\])?/.exec(
      path,
    );
    if (!match) continue;
    findings.push({
      code: diagnostic.code,
      message: diagnostic.message,
      direction: match[1] as Direction,
      rule: Number(match[2]),
      peer: match[3] === undefined ? undefined : Number(match[3]),
      port: match[4] === undefined ? undefined : Number(match[4]),
    });
  }
  return findings;
}

/** NP3xx findings of a policy that is not in a manifest file (read from a cluster): it is linted alone. */
export function eksFindingsOfValue(
  value: Record<string, unknown>,
  settings: Pick<EngineSettings, 'clusterIpFamily'>,
): EksFinding[] {
  const diagnostics = lintText(JSON.stringify(value), {
    target: 'eks',
    clusterIpFamily: settings.clusterIpFamily,
  });
  return eksFindings(diagnostics);
}

export interface EksReport {
  /** Notes per flow, keyed by the flow object (flows without a note are absent). */
  flows: Map<Flow, EksNote[]>;
  /** Notes about workloads (hostNetwork), keyed by workload name. */
  workloads: Map<string, EksNote[]>;
}

/** The EKS caveats of every flow of the analysis. */
export function eksReport<W, P>(
  analysis: ConnectivityAnalysis<W, P>,
  findings: ReadonlyMap<ConnectivityPolicy<P>, readonly EksFinding[]>,
  flows: Iterable<Flow<W>> = analysis.flows(),
): EksReport {
  const checker = eksChecker(analysis, findings);
  for (const flow of flows) checker.check(flow);
  return checker.report;
}

/** Checks flows one at a time (while they are written out), collecting the report. */
export function eksChecker<W, P>(
  analysis: ConnectivityAnalysis<W, P>,
  findings: ReadonlyMap<ConnectivityPolicy<P>, readonly EksFinding[]>,
): { report: EksReport; check(flow: Flow<W>): void } {
  const report: EksReport = { flows: new Map(), workloads: new Map() };
  for (const peer of analysis.workloadPeers) {
    if (peer.type === 'workload' && peer.workload.hostNetwork) {
      report.workloads.set(peer.name, [{ code: 'hostNetwork', message: HOST_NETWORK_NOTE }]);
    }
  }
  const byRule = new Map<PolicyRule, EksFinding[]>();
  for (const [policy, list] of findings) {
    for (const finding of list) {
      const rule = policy[finding.direction][finding.rule];
      if (rule) byRule.set(rule, [...(byRule.get(rule) ?? []), finding]);
    }
  }
  const touches = (peer: Peer<W>, direction: Direction) =>
    peer.type === 'workload' && analysis.rulesOf(peer.index, direction).some((r) => byRule.has(r.rule));
  const check = (flow: Flow<W>) => {
    const notes: EksNote[] = [];
    for (const end of [flow.src, flow.dst]) {
      if (report.workloads.has(end.name))
        notes.push({ code: 'hostNetwork', message: `${end.name}: ${HOST_NETWORK_NOTE}` });
    }
    if (touches(flow.src, 'egress') || touches(flow.dst, 'ingress'))
      appendAll(notes, ruleNotes(analysis, flow, byRule));
    if (notes.length > 0) report.flows.set(flow, notes);
  };
  return { report, check };
}

function ruleNotes<W, P>(
  analysis: ConnectivityAnalysis<W, P>,
  flow: Flow<W>,
  byRule: ReadonlyMap<PolicyRule, EksFinding[]>,
): EksNote[] {
  const explanation = explainFlow(analysis, flow.src, flow.dst);
  const notes: EksNote[] = [];
  for (const side of [explanation.egress, explanation.ingress]) {
    const other = side.direction === 'egress' ? flow.dst : flow.src;
    for (const allowing of side.rules) {
      if (allowing.conns.intersect(flow.conns).isEmpty()) continue;
      for (const finding of byRule.get(allowing.rule) ?? []) {
        if (!applies(finding, allowing.rule, other, flow)) continue;
        notes.push({ code: finding.code, message: `${ruleLabel(allowing)}: ${finding.message}` });
      }
    }
  }
  return notes;
}

/** Whether a finding about a rule, one of its peers or one of its ports concerns this flow. */
function applies<W>(finding: EksFinding, rule: PolicyRule, other: Peer<W>, flow: Flow<W>): boolean {
  if (finding.peer !== undefined) {
    const peer = rule.peers?.[finding.peer];
    return (
      peer?.kind === 'ipBlock' && other.type === 'ip' && peer.ranges.some((r) => contains(r, other.range))
    );
  }
  if (finding.port !== undefined) {
    // NP301: the agent cannot resolve a named egress port without pods to look at. Towards an
    // ipBlock Kubernetes allows nothing either; the difference is a rule with no `to`, whose named
    // port Kubernetes resolves against each destination pod and the agent skips.
    const port = rule.ports?.[finding.port];
    if (rule.peers !== undefined || port?.kind !== 'named' || flow.dst.type !== 'workload') return false;
    const target = flow.dst.workload.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
    return target !== undefined && flow.conns.contains(port.protocol, target.containerPort);
  }
  return true;
}
