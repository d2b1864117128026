// "Explain" over LSP: the `eksNetworking/explain` request (used by the VS Code command and open to
// any client) and a CodeLens "Explain" above each resource. The notes come from the document's
// diagnostics as published (cross-resource checks and suppression comments applied).

import type { CodeLens } from 'vscode-languageserver';
import { COMMAND_IDS } from '../../shared/commands';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../../shared/protocol';
import { explainFile, explainOne, resourceAt } from '../../engine/editing';
import type { ServerState } from '../state';

export function registerExplain(state: ServerState): void {
  const { connection, documents } = state;

  connection.onRequest(EXPLAIN_REQUEST, (params: ExplainParams): ExplainResult => {
    const document = documents.get(params.uri);
    if (!document) return { title: '', markdown: '', notes: [] };
    const file = state.fileFor(document);
    const settings = state.settings.engine;
    const diagnostics = state.diagnosticsFor(document);
    if (params.position) {
      const resource = resourceAt(file, file.getLines().offsetAt(params.position));
      if (resource) {
        const explanation = explainOne(file, resource, settings, diagnostics);
        return { title: explanation.title, markdown: explanation.text, notes: [...explanation.notes] };
      }
    }
    const all = explainFile(file, settings, diagnostics);
    return {
      title: all.length === 1 ? all[0].title : `${all.length} resources`,
      markdown: all.map((explanation) => explanation.text).join('\n---\n\n'),
      notes: all.flatMap((explanation) => explanation.notes),
    };
  });

  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const file = state.fileFor(document);
    const lines = file.getLines();
    return file.getResources().map((resource) => {
      const start = lines.positionAt(resource.chunkStart + resource.range.start);
      return {
        range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
        command: {
          title: 'Explain',
          command: COMMAND_IDS.explainPolicy,
          arguments: [textDocument.uri, start],
        },
      };
    });
  });
}
