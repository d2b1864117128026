// The "Fix all" source action (`source.fixAll.eksNetworking`): every safe engine fix in the file,
// without overlapping edits, in one workspace edit.

import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { OpenDocument } from '../document';
import { fixAllEdits } from '../../engine/editing';
import type { ManifestFile } from '../../engine';
import type { ServerState } from '../state';
import { toLspEdit } from '../convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.eksNetworking`;

/** Whether a request restricted to `only` kinds wants our fix-all action. */
export function wantsFixAll(only: string[] | undefined): boolean {
  if (!only) return false;
  return only.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/** The fix-all action for a validated file. */
export function fixAllAction(
  state: ServerState,
  document: OpenDocument,
  file: ManifestFile,
): CodeAction | undefined {
  const edits = fixAllEdits(file.diagnosticsIn(state.workspace, document.uri));
  if (edits.length === 0) return undefined;
  const lines = file.getLines();
  return {
    title: 'Fix all EKS Networking problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: edits.map((edit) => toLspEdit(lines, edit)) } },
  };
}
