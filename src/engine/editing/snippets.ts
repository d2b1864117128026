// The whole-resource snippets from `snippets/eks-networking.json` (the file VS Code contributes for
// YAML), offered by the language server at the root of an empty document so other editors get them too.

import snippetFile from '../../../snippets/eks-networking.json';

export interface ResourceSnippet {
  name: string;
  prefix: string;
  description: string;
  /** VS Code / LSP snippet syntax. */
  body: string;
}

export const RESOURCE_SNIPPETS: readonly ResourceSnippet[] = Object.entries(
  snippetFile as Record<string, { prefix: string | string[]; description: string; body: string | string[] }>,
).map(([name, snippet]) => ({
  name,
  prefix: Array.isArray(snippet.prefix) ? snippet.prefix[0] : snippet.prefix,
  description: snippet.description,
  body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
}));

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
