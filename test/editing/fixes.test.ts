// "Fix all" and "Disable CODE for this line" edits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { LineIndex, lintText, type Diagnostic, type TextEdit } from '../../src/engine';
import { disableLineEdit, fixAllEdits } from '../../src/engine/editing';
import { FIXTURES } from '../support/paths';

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

function diagnostic(start: number, end: number, code: string, fixes?: Diagnostic['fixes']): Diagnostic {
  return { range: { start, end }, severity: 'error', code, message: code, path: '', documentIndex: 0, fixes };
}

const BROKEN = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
namespace: shop
spec:
  podSelector: {}
  ingress:
    - ports:
        - protocol: tcp   # keep this comment
          port: 80
`;

test('Fix all applies every safe fix from the real rules and leaves a clean, commented file', () => {
  const diagnostics = lintText(BROKEN);
  assert.ok(diagnostics.filter((d) => d.fixes?.some((fix) => fix.safe)).length >= 2, 'two fixable problems');
  const fixed = apply(BROKEN, fixAllEdits(diagnostics));
  assert.match(fixed, /protocol: TCP {3}# keep this comment/);
  assert.match(fixed, /metadata:\n {2}name: web\n {2}namespace: shop\n/);
  assert.deepEqual(
    lintText(fixed).filter((d) => d.severity === 'error'),
    [],
  );
});

test('Fix all skips unsafe fixes and fixes whose edits overlap an earlier one', () => {
  const edits = fixAllEdits([
    diagnostic(0, 5, 'A', [{ title: 'a', safe: true, edits: [{ start: 0, end: 5, newText: 'x' }] }]),
    diagnostic(3, 8, 'B', [{ title: 'b', safe: true, edits: [{ start: 3, end: 8, newText: 'y' }] }]),
    diagnostic(10, 12, 'C', [{ title: 'c', safe: false, edits: [{ start: 10, end: 12, newText: 'z' }] }]),
    diagnostic(12, 14, 'D', [
      { title: 'd1', safe: false, edits: [{ start: 12, end: 14, newText: 'unsafe' }] },
      { title: 'd2', safe: true, edits: [{ start: 12, end: 14, newText: 'safe' }] },
    ]),
    diagnostic(20, 20, 'E', [{ title: 'e', safe: true, edits: [{ start: 20, end: 20, newText: 'ins' }] }]),
    diagnostic(20, 20, 'F', [{ title: 'f', safe: true, edits: [{ start: 20, end: 20, newText: 'dup' }] }]),
  ]);
  assert.deepEqual(
    edits.map((edit) => edit.newText),
    ['x', 'safe', 'ins'],
  );
});

test('Disable CODE for this line inserts a comment with the line indentation', () => {
  const text = BROKEN;
  const lines = new LineIndex(text);
  const protocol = text.indexOf('tcp');
  const edit = disableLineEdit(text, lines, diagnostic(protocol, protocol + 3, 'SCH003'));
  const result = apply(text, [edit]);
  assert.match(result, /\n {8}# eksnet-disable-next-line SCH003\n {8}- protocol: tcp/);
  assert.deepEqual(
    lintText(result).map((d) => d.code),
    lintText(text)
      .map((d) => d.code)
      .filter((code) => code !== 'SCH003'),
  );
});

test('Disable adds the code to a disable comment already above the line', () => {
  const text = 'spec:\n  # eksnet-disable-next-line NP110\n  podSelector: 1\n';
  const lines = new LineIndex(text);
  const offset = text.indexOf('podSelector');
  const result = apply(text, [disableLineEdit(text, lines, diagnostic(offset, offset + 3, 'SCH002'))]);
  assert.equal(result, 'spec:\n  # eksnet-disable-next-line NP110, SCH002\n  podSelector: 1\n');
});

test('Disable keeps CRLF line endings', () => {
  const text = 'a: 1\r\n  b: 2\r\n';
  const lines = new LineIndex(text);
  const result = apply(text, [disableLineEdit(text, lines, diagnostic(9, 10, 'X1'))]);
  assert.equal(result, 'a: 1\r\n  # eksnet-disable-next-line X1\r\n  b: 2\r\n');
});

test('Fix all on a policy with many problems: one pass, no conflicts, comments kept, unsafe fixes left', () => {
  const text = readFileSync(join(FIXTURES, 'editing', 'many-fixes.yaml'), 'utf8');
  const before = lintText(text);
  const fixed = apply(text, fixAllEdits(before));
  const documents = parseAllDocuments(fixed);
  assert.ok(Array.isArray(documents) && documents[0].errors.length === 0, fixed);
  assert.match(fixed, /cidr: 10\.0\.0\.0\/16 {3}# host bits/);
  assert.match(fixed, /protocol: TCP\n {10}port: 8000\n {10}endPort: 9000/);
  assert.match(fixed, /protocol: UDP\n/);
  assert.match(fixed, /metadata:\n {2}name: many-fixes\n {2}namespace: shop\n/);
  const after = lintText(fixed);
  // Only the findings whose fixes are not safe to apply blindly remain.
  const unsafeOnly = (d: Diagnostic): boolean => !d.fixes?.some((fix) => fix.safe);
  assert.deepEqual(
    after.filter((d) => d.severity !== 'info').map((d) => d.code),
    before.filter((d) => d.severity !== 'info' && unsafeOnly(d)).map((d) => d.code),
  );
  assert.deepEqual(fixAllEdits(after), []);
});
