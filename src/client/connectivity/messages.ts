// The messages between the connectivity panel (extension side) and its webview, declared once for
// both sides. Everything the webview shows comes from the language server's answers.

import type {
  CanReachResult,
  ConnectivityResult,
  ExplainFlowResult,
  PolicyFlowsResult,
  ProtocolLocation,
} from '../../shared/protocol';

/** Extension → webview. */
export type ToView =
  | {
      type: 'data';
      /** What was analysed, for the heading (`workspace`, a folder name). */
      scope: string;
      result: ConnectivityResult;
      /** The policy whose effect is highlighted (opened from its CodeLens). */
      highlight?: PolicyFlowsResult;
    }
  | { type: 'explanation'; explanation: ExplainFlowResult; src: string; dst: string }
  | { type: 'answer'; result: CanReachResult }
  | { type: 'busy' }
  | { type: 'failed'; message: string };

/** Webview → extension. */
export type FromView =
  | { type: 'ready' }
  | { type: 'explainFlow'; src: string; dst: string }
  | { type: 'open'; location: ProtocolLocation }
  | { type: 'canReach'; src?: string; dst?: string }
  | { type: 'clearHighlight' }
  | { type: 'refresh' };

export function isFromView(message: unknown): message is FromView {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  return (
    type === 'ready' ||
    type === 'explainFlow' ||
    type === 'open' ||
    type === 'canReach' ||
    type === 'clearHighlight' ||
    type === 'refresh'
  );
}
