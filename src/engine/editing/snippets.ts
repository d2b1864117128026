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
