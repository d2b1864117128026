// Messages quote the user's values through one function, which cuts long ones.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUOTED_LENGTH, quoteList, renderValue, truncate } from '../../src/engine/util/strings';
import { lintText } from '../../src/engine';

test('short values are quoted as the API server quotes them', () => {
  assert.equal(renderValue('tcp'), '"tcp"');
  assert.equal(renderValue(80), '80');
  assert.equal(renderValue(undefined), 'null');
  assert.equal(renderValue(['Ingress', 'Egress']), '["Ingress","Egress"]');
  assert.equal(quoteList(['TCP', 'UDP']), '"TCP", "UDP"');
});

test('long values are cut with an ellipsis, strings and structures alike', () => {
  assert.equal(renderValue('a'.repeat(1000)), `"${'a'.repeat(MAX_QUOTED_LENGTH)}…"`);
  assert.equal(renderValue(Array.from({ length: 500 }, () => 'Ingress')).length, MAX_QUOTED_LENGTH + 1);
});

test('a cut never splits a surrogate pair', () => {
  const text = `${'a'.repeat(MAX_QUOTED_LENGTH - 1)}😀tail`;
  assert.equal(truncate(text), `${'a'.repeat(MAX_QUOTED_LENGTH - 1)}…`);
});

test('a 100 KB CIDR, named port or unknown key is not repeated in full', () => {
  const long = 'x'.repeat(100 * 1024);
  const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n  namespace: b\nspec:\n  podSelector: {}\n  ? ${long}\n  : 1\n  egress:\n  - to:\n    - ipBlock:\n        cidr: ${long}\n    ports:\n    - port: ${long}\n`;
  const diagnostics = lintText(text);
  assert.ok(diagnostics.length >= 3, diagnostics.map((d) => d.code).join(' '));
  for (const diagnostic of diagnostics) {
    assert.ok(diagnostic.message.length < 600, `${diagnostic.code}: ${diagnostic.message.length} characters`);
  }
});
