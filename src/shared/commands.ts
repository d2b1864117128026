// The ids of every command the extension contributes (package.json contributes.commands), in one
// place: the client registers them from here, and a test compares this list with package.json.

/** Commands that run kubectl or aws: off (and hidden from the palette) in Restricted Mode. */
export const CLUSTER_COMMAND_IDS = {
  showCniStatus: 'eksNetworking.showCniStatus',
  enablePodEni: 'eksNetworking.enableSecurityGroupsForPods',
  showCniNodes: 'eksNetworking.showCniNodes',
  enableCustomNetworking: 'eksNetworking.enableCustomNetworking',
  enablePrefixDelegation: 'eksNetworking.enablePrefixDelegation',
  showNodePrefixes: 'eksNetworking.showNodePrefixes',
  dryRunCurrentFile: 'eksNetworking.dryRunCurrentFile',
  diffCurrentFile: 'eksNetworking.diffCurrentFile',
  applyCurrentFile: 'eksNetworking.applyCurrentFile',
  networkingDoctor: 'eksNetworking.networkingDoctor',
  /** VPC Lattice on the cluster: the same checks as `eksnet lattice status`. */
  showLatticeStatus: 'eksNetworking.showLatticeStatus',
  /** Run by a click on the context in the status bar. */
  selectContext: 'eksNetworking.selectContext',
} as const;

/** Editing commands: they work in Restricted Mode too. */
export const EDITOR_COMMAND_IDS = {
  /** Shown as "Explain Resource" (it explains every kind); the id keeps its first name. */
  explainPolicy: 'eksNetworking.explainPolicy',
  /** The connectivity view of the workspace (palette, folder context menu, NetworkPolicy CodeLens). */
  showConnectivity: 'eksNetworking.showConnectivity',
  /** "Can A reach B?": source, destination, protocol and port, answered with the deciding rules. */
  canReach: 'eksNetworking.canReach',
  /** An untitled copy of one of the examples packaged with the extension. */
  openExample: 'eksNetworking.openExample',
} as const;

/** The Getting Started walkthrough's buttons (hidden from the palette). */
export const WALKTHROUGH_COMMAND_IDS = {
  showQuickFix: 'eksNetworking.walkthrough.showQuickFix',
  explainExample: 'eksNetworking.walkthrough.explainExample',
} as const;

/** The packaged examples (under examples/) the walkthrough's steps open. */
export const WALKTHROUGH_EXAMPLES = {
  mistakes: 'typical-mistakes.yaml',
  policy: 'network-policy-redis.yaml',
} as const;

export const COMMAND_IDS = {
  ...EDITOR_COMMAND_IDS,
  ...WALKTHROUGH_COMMAND_IDS,
  ...CLUSTER_COMMAND_IDS,
} as const;

export type ClusterCommandId = (typeof CLUSTER_COMMAND_IDS)[keyof typeof CLUSTER_COMMAND_IDS];
