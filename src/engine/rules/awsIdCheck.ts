// Shared check for lists and fields of EC2 IDs (security groups, subnets) in AWS custom resources.

import type { Path } from '../types';
import { describeBadAwsId, isAwsId, type AwsIdPrefix } from '../util/awsIds';
import { isIdStandIn } from '../util/placeholders';
import type { RuleContext } from './types';
import { renderValue } from '../util/strings';

/** What an ID finding carries: the lower-case spelling when that one is valid. */
export interface AwsIdData {
  lowerCase?: string;
}

/** Reports the value at `path` when it is a string that is neither a valid ID nor a placeholder. */
export function checkAwsId(
  ctx: RuleContext<AwsIdData>,
  path: Path,
  value: unknown,
  prefix: AwsIdPrefix,
): void {
  if (typeof value !== 'string' || isAwsId(value, prefix) || isIdStandIn(value)) return;
  const lower = value.toLowerCase();
  ctx.report({
    path,
    message: `Invalid value: ${renderValue(value)}: ${describeBadAwsId(value, prefix)}`,
    data: isAwsId(lower, prefix) ? { lowerCase: lower } : {},
  });
}

export function lowerCaseIdFix(ctx: RuleContext<AwsIdData>, path: Path, lower: string | undefined) {
  if (lower === undefined) return [];
  return [
    {
      title: `Change to ${lower}`,
      safe: true,
      edits: [{ ...ctx.rangeOf(path, 'value'), newText: lower }],
    },
  ];
}
