// "Open Example" and the Getting Started walkthrough's buttons (package.json contributes.walkthroughs).
// Examples are read from the extension's own files and opened as untitled documents named after
// them, so trying a quick fix changes nothing on disk. Editing commands: they work in Restricted Mode.

import * as vscode from 'vscode';
import { EDITOR_COMMAND_IDS, WALKTHROUGH_COMMAND_IDS, WALKTHROUGH_EXAMPLES } from '../shared/commands';

const SOURCE = 'eks-networking';
const DIAGNOSTICS_WAIT_MS = 15_000;
/**
 * The Getting Started page focuses the step a user clicked once its expand animation ends (250 ms in
 * VS Code 1.99), which would take focus from the editor a button just opened and close its
 * quick-fix list. Asked from that page, the list opens once that has happened (or this long after
 * the click, if it does not happen).
 */
const FOCUS_SETTLE_MS = 400;

async function listExamples(dir: vscode.Uri, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    if (type === vscode.FileType.Directory) {
      names.push(...(await listExamples(vscode.Uri.joinPath(dir, name), `${prefix}${name}/`)));
    } else if (/\.ya?ml$/.test(name)) {
      names.push(`${prefix}${name}`);
    }
  }
  return names.sort();
}

/** Where a new editor goes: beside the walkthrough (or any other non-text editor), else in place. */
function viewColumn(): vscode.ViewColumn {
  const nonTextTabOpen = !vscode.window.activeTextEditor && vscode.window.tabGroups.activeTabGroup.activeTab;
  return nonTextTabOpen ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

/** Shows the untitled copy of `name`, creating it from the packaged example the first time. */
async function showExample(context: vscode.ExtensionContext, name: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: name.split('/').pop() ?? name });
  let document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document) {
    const bytes = await vscode.workspace.fs.readFile(
      vscode.Uri.joinPath(context.extensionUri, 'examples', name),
    );
    document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), new TextDecoder().decode(bytes));
    await vscode.workspace.applyEdit(edit);
    document = await vscode.languages.setTextDocumentLanguage(document, 'yaml');
  }
  return vscode.window.showTextDocument(document, { viewColumn: viewColumn(), preview: false });
}

async function openExample(
  context: vscode.ExtensionContext,
  name?: unknown,
): Promise<vscode.TextEditor | undefined> {
  const examples = await listExamples(vscode.Uri.joinPath(context.extensionUri, 'examples'));
  let chosen = typeof name === 'string' && examples.includes(name) ? name : undefined;
  if (!chosen) {
    chosen = await vscode.window.showQuickPick(examples, {
      title: 'Open Example',
      placeHolder: 'An untitled copy opens: nothing on disk changes',
    });
  }
  return chosen ? showExample(context, chosen) : undefined;
}

/** Our diagnostics for `uri`, once the language server has published some (bounded wait). */
function ourDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
  if (current().length > 0) return Promise.resolve(current());
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve(current());
    };
    const timer = setTimeout(done, DIAGNOSTICS_WAIT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && current().length > 0) done();
    });
  });
}

/** Puts the cursor on the example's first mistake and opens its quick fixes (what Ctrl+. does). */
async function showQuickFix(context: vscode.ExtensionContext): Promise<void> {
  const fromPage = vscode.window.activeTextEditor === undefined;
  let editor = await showExample(context, WALKTHROUGH_EXAMPLES.mistakes);
  const [first] = (await ourDiagnostics(editor.document.uri)).sort((a, b) =>
    a.range.start.compareTo(b.range.start),
  );
  if (!first) {
    void vscode.window.showInformationMessage(
      'EKS Networking has not checked the example yet; try again in a moment.',
    );
    return;
  }
  if (fromPage) await focusTakenBack();
  if (vscode.window.activeTextEditor?.document !== editor.document) {
    editor = await vscode.window.showTextDocument(editor.document, {
      viewColumn: editor.viewColumn,
      preview: false,
    });
  }
  editor.selection = new vscode.Selection(first.range.start, first.range.start);
  editor.revealRange(first.range, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.quickFix');
}

/** Resolves once the page takes focus from the editor, or after FOCUS_SETTLE_MS (see there). */
function focusTakenBack(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, FOCUS_SETTLE_MS);
    const listener = vscode.window.onDidChangeActiveTextEditor((active) => {
      if (active === undefined) done();
    });
  });
}

/** Opens the example NetworkPolicy and explains it. */
async function explainExample(context: vscode.ExtensionContext): Promise<void> {
  const editor = await showExample(context, WALKTHROUGH_EXAMPLES.policy);
  const offset = Math.max(0, editor.document.getText().indexOf('kind: NetworkPolicy'));
  const position = editor.document.positionAt(offset);
  await vscode.commands.executeCommand(EDITOR_COMMAND_IDS.explainPolicy, editor.document.uri.toString(), {
    line: position.line,
    character: position.character,
  });
}

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EDITOR_COMMAND_IDS.openExample, (name?: unknown) =>
      openExample(context, name),
    ),
    vscode.commands.registerCommand(WALKTHROUGH_COMMAND_IDS.showQuickFix, () => showQuickFix(context)),
    vscode.commands.registerCommand(WALKTHROUGH_COMMAND_IDS.explainExample, () => explainExample(context)),
  );
}
