// "Explain" for Gateway API routes and Gateways on VPC Lattice, next to hand-checked expectations
// in test/fixtures/explain-lattice (NAME.yaml and NAME.expected.md): the Lattice service, which
// requests go where with which weights, the service network, the listeners and the auth policy.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestFile, withDefaults, Workspace } from '../../src/engine';
import { explainFile, hoverAt } from '../../src/engine/editing';
import { FIXTURES } from '../support/paths';
import { withCursor } from './cursorText';

const DIR = join(FIXTURES, 'explain-lattice');
const settings = withDefaults({});

function load(text: string): { file: ManifestFile; workspace: Workspace } {
  const file = new ManifestFile(settings);
  file.update(text);
  const workspace = new Workspace();
  workspace.setFile('file.yaml', file.getObjects());
  return { file, workspace };
}

for (const name of readdirSync(DIR).filter((file) => file.endsWith('.yaml'))) {
  test(`explains the Gateways and routes of ${name} as written in its .expected.md`, () => {
    const { file, workspace } = load(readFileSync(join(DIR, name), 'utf8'));
    const text = explainFile(file, settings, file.diagnosticsIn(workspace, 'file.yaml'), workspace)
      .filter((explanation) => /Route$|^Gateway$/.test(explanation.resource.kind))
      .map((explanation) => explanation.text)
      .join('\n');
    assert.equal(text, readFileSync(join(DIR, name.replace(/\.yaml$/, '.expected.md')), 'utf8'));
  });
}

test('hover on kind: of a route gives the short form, with the Gateway found in the workspace', () => {
  const source = readFileSync(join(DIR, '01-weighted-route.yaml'), 'utf8');
  const { workspace } = load(source);
  const chunks = source.split('\n---\n');
  const routeChunk = chunks.find((chunk) => chunk.includes('kind: HTTPRoute'))!;
  const { text, offset } = withCursor(routeChunk.replace('kind: HTTPRoute', 'kind: HTTP‸Route'));
  const hover = hoverAt(text, offset, { settings, workspace });
  assert.ok(hover);
  assert.match(hover.markdown, /^\*\*HTTPRoute hotel\/rates\*\*/);
  assert.match(hover.markdown, /Lattice service: \*\*rates-hotel\*\*/);
  assert.match(hover.markdown, /Service network: \*\*my-hotel\*\*/);
  assert.match(hover.markdown, /Auth: IAMAuthPolicy hotel\/rates-auth/);
});

test('hover on a route field shows our description of it', () => {
  const { text, offset } = withCursor(
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  host‸names: []\n',
  );
  const hover = hoverAt(text, offset, { settings });
  assert.match(hover?.markdown ?? '', /On Lattice only the first becomes the service's custom domain name/);
});
