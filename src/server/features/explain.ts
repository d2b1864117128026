// "Explain" over LSP: the `eksNetworking/explain` request (used by the VS Code command and open to
// any client) and a CodeLens "Explain" above each resource. The notes come from the document's
// diagnostics as published (cross-resource checks and suppression comments applied); a route's
// explanation reads its Gateway, Services and policies from the workspace.

import type { CodeLens } from 'vscode-languageserver';
import { COMMAND_IDS } from '../../shared/commands';
import { EXPLAIN_REQUEST, type ExplainParams, type ExplainResult } from '../../shared/protocol';
import { explainOne } from '../../engine/editing';
import type { ServerState } from '../state';
import { connectivityLens } from './connectivity';

/** Kinds whose explanation says more than their fields: they get an "Explain" CodeLens. */
const EXPLAINED_WITH_A_LENS = new Set([
  'NetworkPolicy',
  'SecurityGroupPolicy',
  'ENIConfig',
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'Gateway',
]);

export function registerExplain(state: ServerState): void {
  const { connection, documents } = state;

  connection.onRequest(EXPLAIN_REQUEST, async (params: ExplainParams): Promise<ExplainResult> => {
    const document = documents.get(params.uri);
    const file = document && (await state.validated(document));
    if (!document || !file) return { title: '', markdown: '', notes: [] };
    const diagnostics = file.diagnosticsIn(state.workspace, document.uri);
    if (params.position) {
      const resource = file.resourceAt(file.getLines().offsetAt(params.position));
      if (resource) {
        const explanation = explainOne(file, resource, state.settings.engine, diagnostics, state.workspace);
        return { title: explanation.title, markdown: explanation.text, notes: [...explanation.notes] };
      }
    }
    const all = file.explain(diagnostics, state.workspace);
    return {
      title: all.length === 1 ? all[0].title : `${all.length} resources`,
      markdown: all.map((explanation) => explanation.text).join('\n---\n\n'),
      notes: all.flatMap((explanation) => explanation.notes),
    };
  });

  connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
    const document = documents.get(textDocument.uri);
    const file = document && (await state.validated(document));
    if (!file) return [];
    const lines = file.getLines();
    return file.getResources().flatMap((resource) => {
      if (!EXPLAINED_WITH_A_LENS.has(resource.kind)) return [];
      const start = lines.positionAt(file.objectRange(resource).start);
      const explain: CodeLens = {
        range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } },
        command: {
          title: 'Explain',
          command: COMMAND_IDS.explainPolicy,
          arguments: [textDocument.uri, start],
        },
      };
      return resource.kind === 'NetworkPolicy'
        ? [explain, connectivityLens(textDocument.uri, start)]
        : [explain];
    });
  });
}
