// Suppression comments were rewritten to be linear (a long run of blanks after the comment, or
// thousands of comments in a row, used to freeze the engine); they must still mean the same.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../src/engine';
import { POLICY_HEAD } from './inputs';

const MISTAKES =
  'spec:\n' +
  '  podSelector: {}\n' +
  '  policyTypes: [Ingress]\n' +
  '  ingress:\n' +
  '  - ports:\n' +
  '    - protocol: tcp\n' +
  '      port: 80\n' +
  '    - protocol: udp\n';

function sch003Paths(text: string): string[] {
  return lintText(text)
    .filter((d) => d.code === 'SCH003')
    .map((d) => d.path);
}

const BOTH = ['spec.ingress[0].ports[0].protocol', 'spec.ingress[0].ports[1].protocol'];

test('without comments both lowercase protocols are reported', () => {
  assert.deepEqual(sch003Paths(POLICY_HEAD + MISTAKES), BOTH);
});

test('a next-line comment skips blank and comment lines to reach the line it hides', () => {
  const text =
    POLICY_HEAD +
    MISTAKES.replace(
      '    - protocol: tcp',
      '    # eksnet-disable-next-line SCH003\n\n    # why\n    - protocol: tcp',
    );
  assert.deepEqual(sch003Paths(text), [BOTH[1]]);
});

test('a next-line comment for another code hides nothing', () => {
  const text =
    POLICY_HEAD +
    MISTAKES.replace(
      '    - protocol: tcp',
      '    # eksnet-disable-next-line NP101, SCH001\n    - protocol: tcp',
    );
  assert.deepEqual(sch003Paths(text), BOTH);
});

test('a file-wide comment with CRLF line ends hides the code everywhere', () => {
  const text = (POLICY_HEAD + MISTAKES + '# eksnet-disable SCH003\n').replace(/\n/g, '\r\n');
  assert.deepEqual(sch003Paths(text), []);
});

test('a trailing comment on a line hides its code on the next content line', () => {
  const text = POLICY_HEAD + MISTAKES.replace('port: 80', 'port: 80 # eksnet-disable-next-line');
  assert.deepEqual(sch003Paths(text), [BOTH[0]]);
});

test('words glued to the comment, or other text after it, do not suppress', () => {
  for (const comment of ['# eksnet-disableSCH003', '# eksnet-disable SCH003 because!']) {
    assert.deepEqual(sch003Paths(POLICY_HEAD + MISTAKES + comment + '\n'), BOTH, comment);
  }
});
