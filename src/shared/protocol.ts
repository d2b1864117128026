// The custom LSP requests between the VS Code client and the language server, declared once for
// both sides (and for any other editor's client).

/** A position in a document: 0-based line and UTF-16 character, as LSP counts them. */
export interface ProtocolPosition {
  line: number;
  character: number;
}

/** `eksNetworking/explain`: a plain-words explanation of the resource at a position, or of the file. */
export const EXPLAIN_REQUEST = 'eksNetworking/explain';

export interface ExplainParams {
  uri: string;
  /** Explain the resource at this position; without it, every resource in the file. */
  position?: ProtocolPosition;
}

/**
 * One finding listed in an explanation's notes: a semantic finding (NP2xx, NP3xx, SGP2xx, ENI2xx)
 * that the document's diagnostics hold on the explained resource's lines, with the same settings.
 */
export interface ExplainNote {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export interface ExplainResult {
  title: string;
  /** Markdown; empty when the document holds nothing to explain. */
  markdown: string;
  /** The notes of the explained resources, in order (what the markdown's Notes sections list). */
  notes: ExplainNote[];
}

/** A line of a file: the document's URI and a 0-based line, as LSP counts them. */
export interface ProtocolLocation {
  uri: string;
  line: number;
}

/**
 * What the connectivity requests analyse: the open documents and the files the server's workspace
 * holds, plus the YAML files on disk under `folders` (file: URIs; an open document wins over its
 * file on disk). Reading is bounded: a warning says when files were left out.
 */
export interface ConnectivityScope {
  folders?: string[];
}

/** `eksNetworking/connectivity`: the workloads of the workspace and every allowed flow between them. */
export const CONNECTIVITY_REQUEST = 'eksNetworking/connectivity';

export type ConnectivityParams = ConnectivityScope;

export interface ConnectivityWorkload {
  /** `shop/web[Deployment]`: the workload's id in flows and in the other requests. */
  id: string;
  kind: string;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  /** Its containers' ports, where named ports are resolved. */
  ports: { name?: string; port: number; protocol: string }[];
  /** Whether some policy isolates it for each direction (then only what is allowed gets through). */
  isolated: { ingress: boolean; egress: boolean };
  hostNetwork: boolean;
  location?: ProtocolLocation;
}

export interface ConnectivityFlow {
  /** Workload ids or IP range names (`0.0.0.0-9.255.255.255[External]`). */
  src: string;
  dst: string;
  /** What is allowed, as netpol-analyzer writes it: `TCP 8080`, `All Connections`. */
  conn: string;
  /** Where the EKS network policy agent does something else (target eks). */
  notes?: string[];
}

export interface ConnectivityPolicyInfo {
  /** `shop/default-deny`. */
  id: string;
  location?: ProtocolLocation;
  /** Ids of the workloads it selects. */
  selects: string[];
}

export interface ConnectivityResult {
  workloads: ConnectivityWorkload[];
  /** Peers outside the cluster: the address space cut at the edges of the policies' ipBlocks. */
  externals: string[];
  /** In output order (source, then destination). */
  flows: ConnectivityFlow[];
  /** Set when there were more flows than a view can show; `flows` holds the first ones. */
  truncated?: boolean;
  policies: ConnectivityPolicyInfo[];
  /** One sentence each: unreadable documents, duplicate objects, files left out. */
  warnings: string[];
  /** How many files were analysed. */
  files: number;
}

/** A rule that allows (part of) a flow, and where it is written. */
export interface ProtocolRule {
  /** `shop/allow-web ingress rule 1`. */
  label: string;
  policy: string;
  direction: 'ingress' | 'egress';
  /** 0-based index in `spec.ingress` / `spec.egress`. */
  index: number;
  /** What this rule allows between the two ends. */
  conn: string;
  location?: ProtocolLocation;
}

export interface ProtocolSide {
  direction: 'ingress' | 'egress';
  /** The peer whose policies decide this side. */
  peer: string;
  isolated: boolean;
  outsideCluster: boolean;
  /** The policies that isolate this side. */
  policies: { id: string; location?: ProtocolLocation }[];
  /** Their rules that match the other end. */
  rules: ProtocolRule[];
  conn: string;
}

/** `eksNetworking/explainFlow`: why a flow is allowed (or not), side by side. */
export const EXPLAIN_FLOW_REQUEST = 'eksNetworking/explainFlow';

export interface ExplainFlowParams extends ConnectivityScope {
  src: string;
  dst: string;
}

/** Null when one of the peers is not in the workspace (any more). */
export type ExplainFlowResult = {
  src: string;
  dst: string;
  conn: string;
  egress: ProtocolSide;
  ingress: ProtocolSide;
  notes: string[];
} | null;

/** `eksNetworking/canReach`: can `src` open a connection to `dst` on `protocol`/`port`? */
export const CAN_REACH_REQUEST = 'eksNetworking/canReach';

export interface CanReachParams extends ConnectivityScope {
  /** A workload id, an IP range name, or an IP address outside the cluster (`203.0.113.7`). */
  src: string;
  dst: string;
  /** `TCP`, `UDP` or `SCTP`. */
  protocol: string;
  port: number;
}

export interface ProtocolVerdict extends ProtocolSide {
  passes: boolean;
  /** The rules that allow this protocol and port. */
  deciding: ProtocolRule[];
  /** One sentence. */
  reason: string;
}

/** Null with `problem` set when a peer is unknown or the port is not one. */
export interface CanReachResult {
  answer: {
    allowed: boolean;
    src: string;
    dst: string;
    protocol: string;
    port: number;
    egress: ProtocolVerdict;
    ingress: ProtocolVerdict;
    /** One or two sentences: yes/no, with the deciding rules or the missing piece. */
    summary: string;
  } | null;
  problem?: string;
}

/** `eksNetworking/policyFlows`: what the NetworkPolicy at a position selects and allows. */
export const POLICY_FLOWS_REQUEST = 'eksNetworking/policyFlows';

export interface PolicyFlowsParams extends ConnectivityScope {
  uri: string;
  position: ProtocolPosition;
}

/** Null when there is no NetworkPolicy at the position. */
export type PolicyFlowsResult = {
  policy: string;
  location?: ProtocolLocation;
  /** Workloads it selects, and for which directions it isolates them. */
  selects: string[];
  isolates: { ingress: boolean; egress: boolean };
  /** The flows one of its rules allows (part of), with what its rules allow of each. */
  flows: ConnectivityFlow[];
} | null;
