// The problem matcher package.json contributes for `eksnet lint` text output (a task with
// "problemMatcher": "$eksnet" shows the findings in the Problems view), run against real output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/paths';
import { eksnet } from './eksnetProcess';

interface Pattern {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  code: number;
  message: number;
}

interface Matcher {
  name: string;
  owner: string;
  fileLocation: string[];
  pattern: Pattern;
}

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  contributes: { problemMatchers: Matcher[] };
};
const matcher = manifest.contributes.problemMatchers.find((candidate) => candidate.name === 'eksnet');

test('package.json contributes an "eksnet" problem matcher for relative and absolute paths', () => {
  assert.ok(matcher, 'no problem matcher named eksnet');
  assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
});

test('the matcher reads every finding of real eksnet lint output, and nothing else', () => {
  assert.ok(matcher);
  const target = join('test', 'fixtures', 'rules');
  const text = eksnet(['lint', target]);
  const json = eksnet(['lint', '--format', 'json', target]);
  const records = JSON.parse(json.stdout) as Array<Record<string, string | number>>;
  assert.ok(records.length > 50, `only ${records.length} findings`);
  assert.ok(new Set(records.map((record) => record.severity)).size === 3, 'all three severities occur');
  const { pattern } = matcher;
  const regexp = new RegExp(pattern.regexp);
  const lines = text.stdout.trimEnd().split('\n');
  const matched = lines.flatMap((line) => {
    const match = regexp.exec(line);
    return match
      ? [
          {
            file: match[pattern.file],
            line: Number(match[pattern.line]),
            column: Number(match[pattern.column]),
            severity: match[pattern.severity],
            code: match[pattern.code],
            message: match[pattern.message],
          },
        ]
      : [];
  });
  // The summary line is not a finding.
  assert.equal(matched.length, lines.length - 1);
  assert.match(lines[lines.length - 1], /error\(s\)/);
  assert.deepEqual(
    matched,
    records.map(({ file, line, column, severity, code, message }) => ({
      file,
      line,
      column,
      severity,
      code,
      message,
    })),
  );
});
