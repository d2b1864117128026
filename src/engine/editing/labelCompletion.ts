// Completion from what the workspace's objects carry: label keys and values inside selectors, so a
// selector matches real pods, namespaces and service accounts, and container port names for `port`.

import type { OffsetRange, Path } from '../types';
import type { CompletionCandidate, CompletionOptions } from './completion';
import type { CursorPlace } from './cursor';
import { selectorTarget, type LabelTarget, type WorkspaceLabels } from './workspaceLabels';
import { unquote } from './yamlOutline';

export function labelKeyCandidates(
  labels: WorkspaceLabels,
  target: LabelTarget,
  place: Extract<CursorPlace, { type: 'key' }>,
): CompletionCandidate[] {
  const out: CompletionCandidate[] = [];
  for (const [key, values] of labels.of(target)) {
    if (place.presentKeys.includes(key)) continue;
    const sample = [...values.keys()].slice(0, 5);
    const seen = [...new Set([...values.values()].flatMap((places) => [...places]))].slice(0, 5);
    const single = sample.length === 1 ? sample[0] : undefined;
    out.push({
      label: key,
      kind: 'label',
      detail: `label on ${target === 'pods' ? 'pods' : target === 'namespaces' ? 'namespaces' : 'service accounts'}`,
      documentation: `Values in the workspace: ${sample.map((v) => `\`${v}\``).join(', ')}\n\nSeen on: ${seen.join(', ')}`,
      insertText: place.hasColon
        ? key
        : `${key}: ${single !== undefined ? `\${1:${escapeSnippet(quoteIfNeeded(single))}}` : '$0'}`,
      snippet: !place.hasColon,
      range: place.replace,
      sortText: `0${key}`,
    });
  }
  return out;
}

/** Values of `key` in a `matchLabels` map, or of a `matchExpressions` item's `values`. */
export function labelValueCandidates(
  path: Path,
  place: CursorPlace,
  options: CompletionOptions,
): CompletionCandidate[] | undefined {
  const target = selectorTarget(path);
  if (!target || !options.labels) return undefined;
  const map = options.labels().of(target);
  let key: string | undefined;
  if (path.length >= 2 && path[path.length - 2] === 'matchLabels') key = String(path[path.length - 1]);
  else if (path[path.length - 1] === 'key' && path[path.length - 3] === 'matchExpressions') {
    return [...map.keys()].map((label) => ({
      label,
      kind: 'label' as const,
      detail: `label on ${target}`,
      insertText: label,
      snippet: false,
      range: place.replace,
    }));
  } else if (typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'values') {
    const item = place.node.parent?.parent;
    const keyEntry = item?.children.find((child) => child.kind === 'entry' && child.key === 'key');
    key = keyEntry ? unquote(keyEntry.valueText) : undefined;
  }
  if (key === undefined) return undefined;
  const values = map.get(key);
  if (!values) return [];
  return [...values.entries()].map(([value, places]) => ({
    label: value,
    kind: 'label' as const,
    detail: [...places].slice(0, 3).join(', '),
    insertText: quoteIfNeeded(value),
    snippet: false,
    range: place.replace,
  }));
}

/** Label values such as `true` or `80` must be quoted to stay strings in YAML. */
function quoteIfNeeded(value: string): string {
  return /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.eE+-]*|0x[0-9a-fA-F]+)$/i.test(value) ||
    value === ''
    ? `"${value}"`
    : value;
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}

/** Named container ports of the workspace's pods, for a NetworkPolicy port written by name. */
export function portNameCandidates(labels: WorkspaceLabels, range: OffsetRange): CompletionCandidate[] {
  return [...labels.portNames.entries()].map(([name, places]) => ({
    label: name,
    kind: 'value' as const,
    detail: [...places].slice(0, 2).join(', '),
    documentation: `Container port named \`${name}\`: ${[...places].join('; ')}. A policy port written by name matches the container port with that name on each pod.`,
    insertText: name,
    snippet: false,
    range,
  }));
}
