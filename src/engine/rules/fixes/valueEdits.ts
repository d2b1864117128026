// Text edits that replace a scalar value, keeping everything around it.

import type { Path, QuickFix } from '../../types';
import type { Finding, RuleContext } from '../types';

export function replaceValueFix(
  ctx: RuleContext,
  path: Path,
  newText: string,
  title = `Change to ${newText}`,
): QuickFix {
  return { title, safe: true, edits: [{ ...ctx.rangeOf(path, 'value'), newText }] };
}

/** The fix for findings that carry the value they most likely meant in `data.suggestion`. */
export function suggestionFixes(ctx: RuleContext, finding: Finding): QuickFix[] {
  const suggestion = finding.data?.suggestion;
  return typeof suggestion === 'string' ? [replaceValueFix(ctx, finding.path, suggestion)] : [];
}
