// Workspace connectivity: what can talk to what under every NetworkPolicy of a set of manifests.

export {
  ConnectivityAnalysis,
  type Flow,
  type Peer,
  type AnalysisInput,
  type PreparedRule,
} from './analysis';
export { buildAnalysis, isNetworkPolicy, type BuiltAnalysis } from './build';
export {
  describeProblem,
  findingsByPolicy,
  lineOfPath,
  readSources,
  readTexts,
  type ConnectivitySources,
  type ManifestInput,
  type SourceProblem,
} from './sources';
export { canReach, explainFlow, policyLabel, ruleLabel } from './explain';
export type { AllowingRule, FlowExplanation, ReachAnswer, SideExplanation, SideVerdict } from './explain';
export { diffConnectivity, type FlowChange } from './diff';
export {
  eksChecker,
  eksFindings,
  eksFindingsOfValue,
  eksReport,
  type EksFinding,
  type EksNote,
  type EksReport,
} from './eks';
export * from './formats';
export { ConnectionSet } from './ports';
export { rangeName, type AddressRange } from './addresses';
export type * from './types';
