// Plain-word renderings shared by "Explain this policy" and hover: label selectors, peers, ports.

import { isEmptySelector } from '../../model/labelSelector';
import { NAMESPACE_NAME_LABEL } from '../../model/workloads';
import { joinWords } from '../../util/strings';
import { asList, asRecord, isRecord } from '../../util/values';

export { isEmptySelector, joinWords };

/** The conditions of a label selector in words: `role=db`, `env in (prod, staging)`, `no label canary`. */
export function selectorConditions(selector: unknown): string[] {
  const record = asRecord(selector);
  const conditions = Object.entries(asRecord(record.matchLabels)).map(
    ([key, value]) => `${key}=${String(value)}`,
  );
  for (const raw of asList(record.matchExpressions)) {
    const expression = asRecord(raw);
    const key = String(expression.key ?? '?');
    const values = asList(expression.values).map(String);
    switch (expression.operator) {
      case 'In':
        conditions.push(values.length === 1 ? `${key}=${values[0]}` : `${key} in (${values.join(', ')})`);
        break;
      case 'NotIn':
        conditions.push(`${key} not in (${values.join(', ')}) or no ${key} label`);
        break;
      case 'Exists':
        conditions.push(`a ${key} label (any value)`);
        break;
      case 'DoesNotExist':
        conditions.push(`no ${key} label`);
        break;
      default:
        conditions.push(`${key} ${String(expression.operator ?? '?')} (${values.join(', ')})`);
    }
  }
  return conditions;
}

/** `with role=db and tier=api`, or '' for an empty selector. */
export function withConditions(selector: unknown): string {
  const conditions = selectorConditions(selector);
  return conditions.length === 0 ? '' : `with ${joinWords(conditions)}`;
}

/** `namespace "shop"`, or the policy's own namespace when the manifest leaves it out. */
export function namespacePhrase(namespace: string | undefined): string {
  return namespace ? `namespace "${namespace}"` : "the policy's namespace";
}

/**
 * The namespaces a non-empty namespaceSelector matches: by name when it only tests the
 * `kubernetes.io/metadata.name` label (`namespace "monitoring"`), else by its conditions.
 */
export function namespacesPhrase(selector: unknown): string {
  const record = asRecord(selector);
  const labels = Object.entries(asRecord(record.matchLabels));
  const expressions = asList(record.matchExpressions).map(asRecord);
  if (labels.length === 1 && expressions.length === 0 && labels[0][0] === NAMESPACE_NAME_LABEL) {
    return `namespace "${String(labels[0][1])}"`;
  }
  const [only] = expressions;
  if (
    labels.length === 0 &&
    expressions.length === 1 &&
    only.key === NAMESPACE_NAME_LABEL &&
    only.operator === 'In'
  ) {
    const names = asList(only.values).map((name) => `"${String(name)}"`);
    return names.length === 1 ? `namespace ${names[0]}` : `namespaces ${joinWords(names)}`;
  }
  return `namespaces ${withConditions(selector)}`;
}

/** One selector summarised for hover: what it matches, in words. */
export function summariseSelector(selector: unknown, objects: string, scope: string): string {
  if (!isRecord(selector) || isEmptySelector(selector))
    return `every ${objects.replace(/s$/, '')} ${scope}`.trim();
  return `${objects} ${withConditions(selector)} ${scope}`.trim();
}
