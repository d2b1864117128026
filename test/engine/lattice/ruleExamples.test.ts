// Each Lattice rule's documented examples are whole files: the bad one gives exactly that rule's
// code (and nothing else), the good one nothing at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, RULES } from '../../../src/engine';

const LATTICE = RULES.filter((rule) => rule.code.startsWith('LAT') || rule.code === 'SCH006');

for (const rule of LATTICE) {
  test(`${rule.code}: the bad example gives only ${rule.code}, the good one nothing`, () => {
    const bad = lintText(rule.badExample, rule.exampleSettings);
    assert.ok(bad.length > 0, `${rule.code}: the bad example gives nothing`);
    assert.deepEqual(
      bad.filter((diagnostic) => diagnostic.code !== rule.code).map((d) => `${d.code} ${d.message}`),
      [],
    );
    assert.deepEqual(
      lintText(rule.goodExample, rule.exampleSettings).map((d) => `${d.code} ${d.message}`),
      [],
    );
  });
}
