// A VPC Lattice manifest (GatewayClass, Gateway and HTTPRoute in one file) in the real VS Code: the
// LAT diagnostic on the offending field, the hover from the packaged Gateway API schema, and Explain
// Resource on the route saying which service network it joins and where the lint note is.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostTest } from './runner';
import { codeOf, extension, hoverText, waitFor, waitForDiagnostics } from './helpers';
import { openAndWaitForPublish } from './diagnosticsTests';

const FIXTURE = 'lattice/hotel-route.yaml';

function positionOf(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found in ${document.uri.fsPath}`);
  return document.positionAt(offset + 1);
}

export function latticeHostTests(): HostTest[] {
  return [
    {
      name: 'a route with two matches in one rule gets LAT301 on its matches',
      async run() {
        const editor = await openAndWaitForPublish(FIXTURE);
        const diagnostics = await waitForDiagnostics(
          editor.document.uri,
          (all) => all.some((d) => codeOf(d) === 'LAT301'),
          'LAT301 on spec.rules[0].matches',
        );
        const lat301 = diagnostics.find((d) => codeOf(d) === 'LAT301');
        assert.ok(lat301);
        assert.equal(editor.document.getText(lat301.range), 'matches');
        assert.equal(lat301.range.start.line, positionOf(editor.document, 'matches:').line);
        assert.equal(lat301.severity, vscode.DiagnosticSeverity.Error);
        assert.match(lat301.message, /LATTICE_NO_SUPPORT_FOR_MULTIPLE_MATCHES/);
      },
    },
    {
      name: 'hover on an HTTPRoute parentRef sectionName shows the Gateway API field description',
      async run() {
        const editor = await openAndWaitForPublish(FIXTURE);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          editor.document.uri,
          positionOf(editor.document, 'sectionName:'),
        );
        const schema = readFileSync(
          path.join(extension().extensionPath, 'schemas', 'httproute-gateway.networking.k8s.io-v1.json'),
          'utf8',
        );
        const description = /"sectionName":\s*\{\s*"description":\s*"([^"]+)"/.exec(schema)?.[1];
        assert.ok(description, 'the packaged schema describes sectionName');
        const text = hoverText(hovers ?? []);
        assert.ok(
          text.includes(description),
          `hover should include "${description}"; got ${JSON.stringify(text)}`,
        );
      },
    },
    {
      name: 'Explain Resource on the route names its Lattice service, service network and the LAT301 note',
      async run() {
        const editor = await openAndWaitForPublish(FIXTURE);
        const inRoute = positionOf(editor.document, 'backendRefs:');
        editor.selection = new vscode.Selection(inRoute, inRoute);
        await vscode.commands.executeCommand('eksNetworking.explainPolicy');
        const explanation = await waitFor('the explanation of the route', () =>
          vscode.workspace.textDocuments.find(
            (document) =>
              document.uri.scheme === 'eks-networking-explain' &&
              document.getText().includes('HTTPRoute apps/rates'),
          ),
        );
        const text = explanation.getText();
        assert.match(text, /Lattice service: \*\*rates-apps\*\*/);
        assert.match(text, /Service network: \*\*my-hotel\*\* \(Gateway apps\/my-hotel\)/);
        assert.match(text, /LAT301/);
      },
    },
  ];
}
