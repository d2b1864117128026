// The API server's label selector validation (metav1 `ValidateLabelSelector`), shared by the
// NetworkPolicy and SecurityGroupPolicy rules.

import { suggestionFixes, type SuggestionData } from './fixes/valueEdits';
import type { Path } from '../types';
import { labelValueErrors, qualifiedNameErrors } from '../util/k8sNames';
import { SELECTOR_OPERATORS } from '../model/labelSelector';
import { isPlaceholder } from '../util/placeholders';
import { closestName, renderValue } from '../util/strings';
import { asList, isRecord, valueAt } from '../util/values';
import type { OwnedViolation, RuleContext } from './types';

export const OPERATORS: ReadonlySet<string> = new Set(SELECTOR_OPERATORS);

/** Reports every problem in the selector at `path` with the API server's field path and wording. */
export function checkLabelSelector(ctx: RuleContext<SuggestionData>, path: Path): void {
  const selector = valueAt(ctx.value, path);
  if (!isRecord(selector)) return;
  if (isRecord(selector.matchLabels)) {
    // The API server reports label problems at the map's path; underline the entry itself.
    const mapPath = [...path, 'matchLabels'];
    checkLabelMap(ctx, mapPath, selector.matchLabels);
  }
  asList(selector.matchExpressions).forEach((expression, index) => {
    if (!isRecord(expression)) return;
    const at = [...path, 'matchExpressions', index];
    const { key, operator, values } = expression;
    const list = Array.isArray(values) ? values : undefined;
    if ((operator === 'In' || operator === 'NotIn') && (!list || list.length === 0)) {
      ctx.report({
        path: [...at, 'values'],
        range: list ? undefined : ctx.rangeOf([...at, 'operator'], 'value'),
        message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
      });
    }
    if (typeof operator === 'string' && !OPERATORS.has(operator) && !isPlaceholder(operator)) {
      ctx.report({
        path: [...at, 'operator'],
        message: `Invalid value: ${renderValue(operator)}: not a valid selector operator`,
        data: { suggestion: closestName(operator, OPERATORS) },
      });
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && list && list.length > 0) {
      ctx.report({
        path: [...at, 'values'],
        target: 'key',
        message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      });
    }
    if (typeof key === 'string' && !isPlaceholder(key)) {
      for (const message of qualifiedNameErrors(key)) {
        ctx.report({ path: [...at, 'key'], message: `Invalid value: ${renderValue(key)}: ${message}` });
      }
    }
    list?.forEach((value, valueIndex) => {
      if (typeof value !== 'string' || isPlaceholder(value)) return;
      for (const message of labelValueErrors(value)) {
        ctx.report({
          path: [...at, 'values', valueIndex],
          message: `Invalid value: ${renderValue(value)}: ${message}`,
        });
      }
    });
  });
}

/**
 * Checks label keys and values of a map (`matchLabels`, `metadata.labels`). Problems are reported
 * at the map's path, as the API server does, with the entry underlined.
 */
export function checkLabelMap(
  ctx: RuleContext<unknown>,
  mapPath: Path,
  labels: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!isPlaceholder(key)) {
      for (const message of qualifiedNameErrors(key)) {
        ctx.report({
          path: mapPath,
          range: ctx.rangeOf([...mapPath, key], 'key'),
          message: `Invalid value: ${renderValue(key)}: ${message}`,
        });
      }
    }
    if (typeof value === 'string' && !isPlaceholder(value)) {
      for (const message of labelValueErrors(value)) {
        ctx.report({
          path: mapPath,
          range: ctx.rangeOf([...mapPath, key], 'value'),
          message: `Invalid value: ${renderValue(value)}: ${message}`,
        });
      }
    }
  }
}

/** Quick fix for a selector finding: the operator it most likely meant (`in` → `In`, `Exist` → `Exists`). */
export const selectorFixes = suggestionFixes;

/** Selector operators: the API server says "not a valid selector operator", not "Unsupported value". */
export const OWNS_OPERATOR_ENUM: OwnedViolation = {
  keyword: 'enum',
  pathEnd: ['matchExpressions', '#', 'operator'],
};
