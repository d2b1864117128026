// "Explain this policy" over LSP: the `eksNetworking/explain` request (used by the VS Code command
// and open to any client) and a CodeLens "Explain" above each NetworkPolicy and SecurityGroupPolicy.

import type { CodeLens } from 'vscode-languageserver';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../../shared/protocol';
import { explainFile, resourceAt, explainResource } from '../../engine/editing';
import type { ServerState } from '../state';
import { connectivityLens } from './connectivity';

export const EXPLAIN_COMMAND = 'eksNetworking.explainPolicy';

export function registerExplain(state: ServerState): void {
  const { connection, documents } = state;

  connection.onRequest(EXPLAIN_REQUEST, (params: ExplainParams): ExplainResult => {
    const document = documents.get(params.uri);
    if (!document) return { title: '', markdown: '' };
    const file = state.fileFor(document);
    const settings = state.settings.engine;
    if (params.position) {
      const resource = resourceAt(file, file.getLines().offsetAt(params.position));
      if (resource) {
        const explanation = explainResource(resource.kind, resource.value, settings);
        return { title: explanation.title, markdown: explanation.text };
      }
    }
    const all = explainFile(file, settings);
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
      .filter((resource) => resource.kind === 'NetworkPolicy' || resource.kind === 'SecurityGroupPolicy')
      .flatMap((resource) => {
        const start = lines.positionAt(resource.chunkStart + resource.range.start);
        const explain: CodeLens = {
          range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
          command: {
            title: 'Explain',
            command: EXPLAIN_COMMAND,
            arguments: [textDocument.uri, start],
          },
        };
        return resource.kind === 'NetworkPolicy'
          ? [explain, connectivityLens(textDocument.uri, start)]
          : [explain];
      });
  });
}
