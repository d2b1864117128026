// docs/rules.md is generated from the rule metadata; this fails when someone changes a rule and
// forgets `node scripts/gen-rules-doc.mjs`, and checks that every diagnostic link lands on a heading.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ruleDocsUrl } from '../../../src/engine';
import { renderRulesDoc } from '../../../src/engine/rules/rulesDoc';
import { PROJECT_ROOT } from '../../support/paths';

const DOC = join(PROJECT_ROOT, 'docs', 'rules.md');

/** The anchor GitHub gives a Markdown heading. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

test('docs/rules.md is up to date with the rule metadata (run node scripts/gen-rules-doc.mjs)', () => {
  assert.equal(readFileSync(DOC, 'utf8'), renderRulesDoc());
});

test("every rule's codeDescription link points at a heading of docs/rules.md", () => {
  const anchors = new Set(
    readFileSync(DOC, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('### '))
      .map((line) => githubAnchor(line.slice(4))),
  );
  for (const rule of RULES) {
    const url = ruleDocsUrl(rule);
    assert.ok(url.includes('docs/rules.md#'), url);
    assert.ok(anchors.has(url.slice(url.indexOf('#') + 1)), `${rule.code}: no heading for ${url}`);
  }
});
