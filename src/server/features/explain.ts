// "Explain this policy" over LSP: the `eksNetworking/explain` request (used by the VS Code command
// and open to any client) and a CodeLens "Explain" above each policy, Gateway and route.

import type { CodeLens } from 'vscode-languageserver';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../../shared/protocol';
import { explainFile, resourceAt, explainResource } from '../../engine/editing';
import type { ServerState } from '../state';

export const EXPLAIN_COMMAND = 'eksNetworking.explainPolicy';

/** Kinds whose explanation says more than their fields: they get an "Explain" CodeLens. */
const EXPLAINED_WITH_A_LENS = new Set([
  'NetworkPolicy',
  'SecurityGroupPolicy',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'Gateway',
]);

export function registerExplain(state: ServerState): void {
  const { connection, documents } = state;

  connection.onRequest(EXPLAIN_REQUEST, (params: ExplainParams): ExplainResult => {
    const document = documents.get(params.uri);
    if (!document) return { title: '', markdown: '' };
    const file = state.fileFor(document);
    const settings = state.settings.engine;
    // Puts the file's objects in the workspace: a route's explanation reads its Gateway from there.
    state.diagnosticsFor(document);
    if (params.position) {
      const resource = resourceAt(file, file.getLines().offsetAt(params.position));
      if (resource) {
        const explanation = explainResource(resource.kind, resource.value, settings, state.workspace);
        return { title: explanation.title, markdown: explanation.text };
      }
    }
    const all = explainFile(file, settings, state.workspace);
    return {
      title: all.length === 1 ? all[0].title : `${all.length} resources`,
      markdown: all.map((explanation) => explanation.text).join('\n---\n\n'),
    };
  });

  connection.onCodeLens(({ textDocument }): CodeLens[] => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const file = state.fileFor(document);
    const lines = file.getLines();
    return file
      .getResources()
      .filter((resource) => EXPLAINED_WITH_A_LENS.has(resource.kind))
      .map((resource) => {
        const start = lines.positionAt(resource.chunkStart + resource.range.start);
        return {
          range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
          command: {
            title: 'Explain',
            command: EXPLAIN_COMMAND,
            arguments: [textDocument.uri, start],
          },
        };
      });
  });
}
