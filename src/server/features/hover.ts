// Hover: field docs, CIDR and AWS ID facts, selectors in words, and the policy summary on `kind:`.

import type { Hover } from 'vscode-languageserver';
import { hoverAt } from '../../engine/editing';
import type { ServerState } from '../state';
import { toRange } from '../convert';

export function registerHover(state: ServerState): void {
  const { connection, documents } = state;
  connection.onHover(({ textDocument, position }): Hover | null => {
    const document = documents.get(textDocument.uri);
    if (!document) return null;
    const file = state.fileFor(document);
    const lines = file.getLines();
    const offset = lines.offsetAt(position);
    const found = file.chunkAt(offset);
    if (!found) return null;
    const { chunk } = found;
    const result = hoverAt(chunk.text, offset - chunk.start, {
      settings: state.settings.engine,
      findUses: (value) => findUses(state, value),
      workspace: () => state.workspace,
    });
    if (!result) return null;
    return {
      contents: { kind: 'markdown', value: result.markdown },
      range: toRange(lines, { start: result.range.start + chunk.start, end: result.range.end + chunk.start }),
    };
  });
}

/** Resources in open documents whose spec mentions `value` (an `sg-` or `subnet-` ID). */
function findUses(state: ServerState, value: string): string[] {
  const uses: string[] = [];
  for (const document of state.documents.all()) {
    if (!document.getText().includes(value)) continue;
    for (const resource of state.fileFor(document).getResources()) {
      if (!JSON.stringify(resource.value.spec ?? {}).includes(JSON.stringify(value))) continue;
      const name = `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name ?? '(unnamed)'}`;
      if (!uses.includes(name)) uses.push(name);
      if (uses.length >= 10) return uses;
    }
  }
  return uses;
}
