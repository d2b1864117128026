// Hover: field docs, CIDR and AWS ID facts, selectors in words, and the policy summary on `kind:`.

import type { Hover } from 'vscode-languageserver';
import type { ServerState } from '../state';
import { toRange } from '../convert';

export function registerHover(state: ServerState): void {
  const { connection, documents } = state;
  connection.onHover(({ textDocument, position }): Hover | null => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const file = state.fileFor(document);
    const lines = file.getLines();
    const result = file.hoverAt(lines.offsetAt(position), {
      settings: state.settings.engine,
      findUses: (value) => findUses(state, value),
      workspace: state.workspace,
    });
    if (!result) return null;
    return { contents: { kind: 'markdown', value: result.markdown }, range: toRange(lines, result.range) };
  });
}

/**
 * Resources in open documents whose spec mentions `value` (an `sg-` or `subnet-` ID). Only files
 * already validated are looked at: hover never waits for validation.
 */
function findUses(state: ServerState, value: string): string[] {
  const uses: string[] = [];
  for (const document of state.documents.all()) {
    if (!document.getText().includes(value)) continue;
    const file = state.fileFor(document);
    if (!file.validated) continue;
    for (const resource of file.getResources()) {
      if (!JSON.stringify(resource.value.spec ?? {}).includes(JSON.stringify(value))) continue;
      const name = `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name ?? '(unnamed)'}`;
      if (!uses.includes(name)) uses.push(name);
      if (uses.length >= 10) return uses;
    }
  }
  return uses;
}
