// Every fixture under test/fixtures/engine is a manifest with its expected diagnostics written as
// `# expect: CODE` comments; the engine must report exactly those codes on exactly those lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, LineIndex } from '../../src/engine';
import { formatExpectations, readExpectations } from '../support/expectations';
import { FIXTURES } from '../support/paths';

const directory = join(FIXTURES, 'engine');

for (const name of readdirSync(directory).filter((file) => file.endsWith('.yaml'))) {
  test(`fixture ${name} gets exactly the diagnostics written next to it`, () => {
    const text = readFileSync(join(directory, name), 'utf8');
    const lines = new LineIndex(text);
    const actual = lintText(text).map((diagnostic) => ({
      line: lines.positionAt(diagnostic.range.start).line + 1,
      code: diagnostic.code,
    }));
    assert.deepEqual(formatExpectations(actual), formatExpectations(readExpectations(text)));
  });
}
