// Shared shapes of the engine: what a diagnostic is, where it points, and which resources we know.

export type Severity = 'error' | 'warning' | 'info';

/** A half-open range of UTF-16 offsets into the whole file's text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A text replacement, in whole-file offsets. */
export interface TextEdit extends OffsetRange {
  newText: string;
}

/**
 * A file's text as its holder keeps it, where reading it whole may cost a copy (the language
 * server keeps open documents in pieces): `length` is cheap, `toString()` gives the whole text. A
 * string is one.
 */
export interface TextSource {
  readonly length: number;
  toString(): string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "Fix all"; unsafe ones only on request. */
  safe: boolean;
}

export interface Diagnostic {
  range: OffsetRange;
  severity: Severity;
  code: string;
  message: string;
  /** Field path in the resource, like `spec.ingress[0].ports[0].protocol`; empty for the whole document. */
  path: string;
  /** Index of the `---` document in the file, counting from 0. */
  documentIndex: number;
  fixes?: QuickFix[];
  /** Rule-specific facts (for example the suggested key), used by fixes and tests. */
  data?: Record<string, unknown>;
}

export type ResourceKind = 'NetworkPolicy' | 'SecurityGroupPolicy' | 'ENIConfig' | LatticeKind;

/** The Gateway API kinds (`gateway.networking.k8s.io`) this tool validates. */
export type GatewayApiKind =
  'GatewayClass' | 'Gateway' | 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'ReferenceGrant';

/** Gateway API and AWS Gateway API Controller (`application-networking.k8s.aws`) kinds: VPC Lattice. */
export type LatticeKind =
  | GatewayApiKind
  | 'TargetGroupPolicy'
  | 'IAMAuthPolicy'
  | 'VpcAssociationPolicy'
  | 'AccessLogPolicy'
  | 'ServiceExport'
  | 'ServiceImport'
  | 'ServiceNetwork';

/** One step of a path into a YAML/JSON value: a mapping key or a list index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];
