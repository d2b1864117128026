// One bad and one good manifest per rule, in test/fixtures/rules/<CODE>-bad*.yaml and
// <CODE>-good*.yaml. Each file carries its expected diagnostics as `# expect: CODE` comments and
// optional settings as a `# settings: {…}` line; the engine must report exactly those.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, LineIndex, RULES, type EngineSettings } from '../../../src/engine';
import { formatExpectations, readExpectations } from '../../support/expectations';
import { FIXTURES } from '../../support/paths';

const DIRECTORY = join(FIXTURES, 'rules');
const FILES = readdirSync(DIRECTORY).filter((file) => file.endsWith('.yaml'));

/** Rules whose tests live with the foundation's fixtures (test/fixtures/engine). */
const FOUNDATION = /^(YAML|API|SCH)\d/;

function settingsOf(text: string): Partial<EngineSettings> {
  const line = /^#\s*settings:\s*(\{.*\})\s*$/m.exec(text);
  return line ? (JSON.parse(line[1]) as Partial<EngineSettings>) : {};
}

for (const name of FILES) {
  const code = name.split('-')[0];
  const bad = name.startsWith(`${code}-bad`);
  test(`${code}: ${bad ? 'reports' : 'accepts'} ${name}`, () => {
    const text = readFileSync(join(DIRECTORY, name), 'utf8');
    const lines = new LineIndex(text);
    const actual = lintText(text, settingsOf(text)).map((diagnostic) => ({
      line: lines.positionAt(diagnostic.range.start).line + 1,
      code: diagnostic.code,
    }));
    const expected = readExpectations(text);
    assert.deepEqual(formatExpectations(actual), formatExpectations(expected));
    const own = expected.filter((expectation) => expectation.code === code);
    if (bad) assert.ok(own.length > 0, `${name} must expect ${code} at least once`);
    else assert.equal(own.length, 0, `${name} must not expect ${code}`);
  });
}

test('every rule outside the foundation has a bad and a good fixture', () => {
  const missing: string[] = [];
  for (const rule of RULES) {
    if (FOUNDATION.test(rule.code)) continue;
    for (const kind of ['bad', 'good']) {
      if (!FILES.some((file) => file.startsWith(`${rule.code}-${kind}`)))
        missing.push(`${rule.code}-${kind}`);
    }
  }
  assert.deepEqual(missing, []);
});
