// Small text helpers shared by rules and editing features.

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate a misspelled name most likely meant, or undefined when none is close. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase()) + 0.5;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(name.length / 4)) + 0.5;
  return bestDistance <= allowed ? best : undefined;
}

/**
 * How much of a user's value a message repeats. A message names the value so the user can find
 * it; a 100 KB label value repeated in full would flood the editor's hover and the CLI output.
 */
export const MAX_QUOTED_LENGTH = 80;

/** The first `max` characters, with an ellipsis when cut, never splitting a surrogate pair. */
export function truncate(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * Renders a value the way the Kubernetes API server prints it in field errors, cut to
 * MAX_QUOTED_LENGTH. Every message that quotes a user's value goes through here.
 */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(truncate(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined) return 'null';
  return truncate(JSON.stringify(value) ?? String(value));
}

export function quoteList(values: readonly unknown[]): string {
  return values.map(renderValue).join(', ');
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/** `1 rule`, `3 rules`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
