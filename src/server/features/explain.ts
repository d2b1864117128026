// "Explain this policy" over LSP: the `eksNetworking/explain` request (used by the VS Code command
// and open to any client) and a CodeLens "Explain" above each NetworkPolicy and SecurityGroupPolicy.

import type { CodeLens } from 'vscode-languageserver';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../../shared/protocol';
import { explainResource } from '../../engine/editing';
import type { ServerState } from '../state';

export const EXPLAIN_COMMAND = 'eksNetworking.explainPolicy';

export function registerExplain(state: ServerState): void {
  const { connection, documents } = state;

  connection.onRequest(EXPLAIN_REQUEST, async (params: ExplainParams): Promise<ExplainResult> => {
    const document = documents.get(params.uri);
    const file = document && (await state.validated(document));
    if (!file) return { title: '', markdown: '' };
    if (params.position) {
      const resource = file.resourceAt(file.getLines().offsetAt(params.position));
      if (resource) {
        const explanation = explainResource(resource.kind, resource.value, state.settings.engine);
        return { title: explanation.title, markdown: explanation.text };
      }
    }
    const all = file.explain();
    return {
      title: all.length === 1 ? all[0].title : `${all.length} resources`,
      markdown: all.map((explanation) => explanation.text).join('\n---\n\n'),
    };
  });

  connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
    const document = documents.get(textDocument.uri);
    const file = document && (await state.validated(document));
    if (!file) return [];
    const lines = file.getLines();
    return file
      .getResources()
      .filter((resource) => resource.kind === 'NetworkPolicy' || resource.kind === 'SecurityGroupPolicy')
      .map((resource) => {
        const start = lines.positionAt(file.objectRange(resource).start);
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
