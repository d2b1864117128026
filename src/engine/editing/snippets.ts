// The snippets the language server offers, each only where what it writes can start: whole
// resources (`snippets/eks-networking.json`) in an empty document or right after `---`, and
// NetworkPolicy rule parts (`snippets/rule-snippets.json`) on a new item of the list they belong to.
// VS Code gets them from the server too: a contributed snippet file would show every snippet on
// every line of every YAML file.

import documentSnippetFile from '../../../snippets/eks-networking.json';
import ruleSnippetFile from '../../../snippets/rule-snippets.json';
import { DIRECTIONS, PEERS_FIELD } from '../model/networkPolicy';
import type { Path } from '../types';

/**
 * Where a snippet can start: an empty document, or a new item of a NetworkPolicy's `spec.egress`,
 * of a rule's `from`/`to` (a peer), or of a rule's `ports`.
 */
export type SnippetPlace = 'document' | 'egressRule' | 'peer' | 'port';

export interface ResourceSnippet {
  name: string;
  prefix: string;
  description: string;
  /** VS Code / LSP snippet syntax; a rule snippet's lines are indented from the item's column. */
  body: string;
  place: SnippetPlace;
}

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string | string[];
  at?: SnippetPlace;
}

function readSnippets(file: Record<string, SnippetEntry>, place?: SnippetPlace): ResourceSnippet[] {
  return Object.entries(file).map(([name, snippet]) => ({
    name,
    prefix: snippet.prefix,
    description: snippet.description,
    body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
    place: place ?? snippet.at ?? 'document',
  }));
}

/** Whole-resource snippets, for an empty document. */
export const RESOURCE_SNIPPETS: readonly ResourceSnippet[] = readSnippets(
  documentSnippetFile as Record<string, SnippetEntry>,
  'document',
);

/** NetworkPolicy rule, peer and port snippets, for a new list item. */
export const RULE_SNIPPETS: readonly ResourceSnippet[] = readSnippets(
  ruleSnippetFile as Record<string, SnippetEntry>,
);

/**
 * The snippet place of a list item at `path` (relative to the resource) in a resource of `kind`:
 * `['spec', 'egress', 0]` is an egress rule, `[…, 'from', 1]` a peer, `[…, 'ports', 0]` a port.
 */
export function itemSnippetPlace(kind: string | undefined, path: Path): SnippetPlace | undefined {
  if (kind !== 'NetworkPolicy' || path[0] !== 'spec' || typeof path[path.length - 1] !== 'number') {
    return undefined;
  }
  const direction = DIRECTIONS.find((candidate) => candidate === path[1]);
  if (!direction || typeof path[2] !== 'number') return undefined;
  if (path.length === 3) return direction === 'egress' ? 'egressRule' : undefined;
  if (path.length !== 5) return undefined;
  if (path[3] === PEERS_FIELD[direction]) return 'peer';
  if (path[3] === 'ports') return 'port';
  return undefined;
}

/** The snippets that can start at `place`. */
export function snippetsAt(place: SnippetPlace): ResourceSnippet[] {
  return (place === 'document' ? RESOURCE_SNIPPETS : RULE_SNIPPETS).filter(
    (snippet) => snippet.place === place,
  );
}

/**
 * The text a snippet inserts when every tab stop keeps its default: `${1:name}` becomes `name`,
 * `${1|TCP,UDP|}` the first choice, `$0` nothing, and `\$` a dollar sign.
 */
export function expandSnippet(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      out += body[++i];
    } else if (char === '$' && /\d/.test(body[i + 1] ?? '')) {
      while (/\d/.test(body[i + 1] ?? '')) i++;
    } else if (char === '$' && body[i + 1] === '{' && /\d/.test(body[i + 2] ?? '')) {
      const close = body.indexOf('}', i);
      const inner = body.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(inner);
      const placeholder = /^\d+:(.*)$/s.exec(inner);
      out += choice?.[1] ?? placeholder?.[1] ?? '';
      i = close;
    } else {
      out += char;
    }
  }
  return out;
}
