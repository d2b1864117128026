// `eksnet explain --format json` agrees with `eksnet lint --format json` on every resource of both
// real-world corpora and of the hand-made hard cases (the rule and engine fixtures): each
// resource's notes are exactly the semantic findings lint reports on its lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertNotesAreLintFindings } from '../support/explainAgreement';
import { FIXTURES } from '../support/paths';

const yamlFiles = (dir: string) => readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

const FOLDERS = [
  join('corpus', 'real-world', 'valid'),
  join('corpus', 'real-world', 'templated'),
  join('corpus', 'real-world-2', 'plain'),
  join('corpus', 'real-world-2', 'templated'),
];

for (const folder of FOLDERS) {
  test(`explain notes are lint's semantic findings on every resource of ${folder} (one run)`, async () => {
    const dir = join(FIXTURES, folder);
    const records = await assertNotesAreLintFindings(dir, yamlFiles(dir));
    assert.ok(records.length > 0);
  });
}

test("explain notes are lint's semantic findings on every resource of the rule and engine fixtures, each file alone", async () => {
  let resources = 0;
  for (const folder of ['rules', 'engine', 'explain']) {
    const dir = join(FIXTURES, folder);
    for (const name of yamlFiles(dir)) resources += (await assertNotesAreLintFindings(dir, [name])).length;
  }
  assert.ok(resources > 150, `only ${resources} resources explained`);
});
