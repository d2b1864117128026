// Client-side adjustment of the server's completion: VS Code already offers the YAML snippets this
// extension contributes (snippets/eks-networking.json), so the server's copies of them, meant for
// other editors, are dropped here to avoid showing each snippet twice.

import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const completionMiddleware: Middleware = {
  async provideCompletionItem(document, position, context, token, next) {
    const result = await next(document, position, context, token);
    if (!result) return result;
    const items = Array.isArray(result) ? result : result.items;
    const kept = items.filter((item) => item.kind !== vscode.CompletionItemKind.Snippet);
    return Array.isArray(result) ? kept : new vscode.CompletionList(kept, result.isIncomplete);
  },
};
