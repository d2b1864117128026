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
