// The floor of the "first diagnostics" figure: a minimal extension, activated like ours by opening
// a YAML file, that gives each open YAML document one diagnostic at once (no language server, no
// client library). Measured in fresh windows exactly as ours is (vscodeTimings.ts), it shows how
// much of the figure VS Code itself takes on this machine.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageStandIn, STAND_IN_MANIFEST } from '../vscode/vsix';

/** Its diagnostics' `source`, for the probe. */
export const FLOOR_SOURCE = 'bench-floor';

export const FLOOR_MANIFEST = {
  name: 'bench-floor',
  publisher: 'eks-networking-bench',
  displayName: 'Benchmark floor (one diagnostic per YAML file)',
  ...STAND_IN_MANIFEST,
};

const EXTENSION = `const vscode = require('vscode');
exports.activate = (context) => {
  const collection = vscode.languages.createDiagnosticCollection('bench-floor');
  const mark = (document) => {
    if (document.languageId !== 'yaml') return;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'floor', vscode.DiagnosticSeverity.Error);
    diagnostic.source = ${JSON.stringify(FLOOR_SOURCE)};
    collection.set(document.uri, [diagnostic]);
  };
  vscode.workspace.textDocuments.forEach(mark);
  context.subscriptions.push(collection, vscode.workspace.onDidOpenTextDocument(mark));
};
`;

/** Builds it in `dir` (emptied first) and returns the path of its .vsix. */
export function buildFloorExtension(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(FLOOR_MANIFEST, null, 2));
  writeFileSync(join(dir, 'README.md'), '# Benchmark floor\n\nOne diagnostic per YAML file, at once.\n');
  writeFileSync(join(dir, 'extension.js'), EXTENSION);
  return packageStandIn(dir, 'bench-floor.vsix', 'the benchmark floor extension');
}
