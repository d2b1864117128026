// Text edits that replace a scalar value, keeping everything around it.

import type { Path, QuickFix } from '../../types';
import type { Finding, RuleContext } from '../types';

export function replaceValueFix(
  ctx: RuleContext<unknown>,
  path: Path,
  newText: string,
  title = `Change to ${newText}`,
): QuickFix {
  return { title, safe: true, edits: [{ ...ctx.rangeOf(path, 'value'), newText }] };
}

/** What a finding carries when it knows the value that was most likely meant. */
export interface SuggestionData {
  suggestion?: string;
}

/** The fix for findings that carry the value they most likely meant in `data.suggestion`. */
export function suggestionFixes<Data extends SuggestionData>(
  ctx: RuleContext<Data>,
  finding: Finding<Data>,
): QuickFix[] {
  const suggestion = finding.data?.suggestion;
  return suggestion !== undefined ? [replaceValueFix(ctx, finding.path, suggestion)] : [];
}
