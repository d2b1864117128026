// Outline and breadcrumbs: one symbol per resource, with its ingress/egress rules as children.

import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { OutlineSymbol } from '../../engine/editing';
import type { LineIndex } from '../../engine';
import type { ServerState } from '../state';
import { toRange } from '../convert';

export function registerSymbols(state: ServerState): void {
  const { connection, documents } = state;
  connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = documents.get(textDocument.uri);
    const file = document && (await state.validated(document));
    if (!file) return [];
    return file.symbols().map((symbol) => toSymbol(file.getLines(), symbol));
  });
}

function toSymbol(lines: LineIndex, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind === 'resource' ? SymbolKind.Class : SymbolKind.Field,
    range: toRange(lines, symbol.range),
    selectionRange: toRange(lines, symbol.selectionRange),
    children: symbol.children.map((child) => toSymbol(lines, child)),
  };
}
