// Hostile and broken YAML through the engine: each input runs in a worker with a capped heap and a
// deadline, through every engine entry point (lint, incremental update, completion, hover,
// symbols, explain, fixes). The engine must answer quickly, stay in its memory, and say what is
// wrong in one diagnostic rather than throw or freeze.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, LineIndex } from '../../src/engine';
import { parseAllDocuments } from 'yaml';
import { HOSTILE_INPUTS, kubectlList, POLICY_WITH_ONE_MISTAKE } from './inputs';
import { lintInWorker, type ReportedDiagnostic } from './lintInWorker';

const LIMITS = {
  /** Heap for the whole worker, 50 MB inputs included. */
  memoryMB: 512,
  /** Building the input plus every entry point; a freeze shows up as no answer at all. */
  timeoutMs: 60_000,
  /** Any single engine call; typical calls take well under a tenth of this. */
  timeLimitMs: 5_000,
};

/** Inputs that cannot be validated get exactly one diagnostic that says why. */
const ONE_CLEAR_DIAGNOSTIC: Record<string, { code: string; message: RegExp }> = {
  'alias bomb (billion laughs)': { code: 'YAML001', message: /alias/i },
  '10,000-deep block sequences': { code: 'YAML001', message: /nesting is too deep/ },
  '10,000-deep block mappings': { code: 'YAML001', message: /nesting is too deep/ },
  '10,000-deep flow sequences': { code: 'YAML001', message: /nesting is too deep/ },
  '10,000-deep flow mappings': { code: 'YAML001', message: /nesting is too deep/ },
  '10,000 unclosed flow brackets': { code: 'YAML001', message: /nesting is too deep/ },
  'alias amplification (150 aliases of 1,000 ipBlocks)': { code: 'YAML001', message: /aliases expand/ },
  'alias amplification (700 aliases of 1,000 ipBlocks)': { code: 'YAML001', message: /aliases expand/ },
  '50 MB file': {
    code: 'YAML002',
    message: /larger than eksNetworking\.maxFileSizeMB \(10 MB\): not validated/,
  },
};

/** Where the one mistake of POLICY_WITH_ONE_MISTAKE is reported in the plain LF file. */
function plainPositions(): string[] {
  const lines = new LineIndex(POLICY_WITH_ONE_MISTAKE);
  return lintText(POLICY_WITH_ONE_MISTAKE).map((d) => {
    const start = lines.positionAt(d.range.start);
    const end = lines.positionAt(d.range.end);
    return `${d.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
  });
}

function positions(diagnostics: ReportedDiagnostic[], bom: boolean): string[] {
  // A BOM is one more UTF-16 unit on line 0 only.
  const shift = (p: { line: number; character: number }) =>
    `${p.line}:${bom && p.line === 0 ? p.character - 1 : p.character}`;
  return diagnostics.map((d) => `${d.code} ${shift(d.start)}-${shift(d.end)}`);
}

const SAME_AS_PLAIN: Record<string, { bom: boolean }> = {
  'byte order mark': { bom: true },
  'CRLF line ends': { bom: false },
  'byte order mark and CRLF line ends': { bom: true },
};

for (const input of HOSTILE_INPUTS) {
  test(`${input.name}: answered within bounded time and memory, no throw, ranges inside the text`, async () => {
    const run = await lintInWorker(input.name, LIMITS);
    assert.equal(run.failure, undefined, run.failure);
    const outcome = run.outcome!;
    assert.deepEqual(outcome.problems, []);
    assert.ok(
      outcome.lintMs < outcome.limitMs,
      `lint took ${Math.round(outcome.lintMs)} ms (limit ${Math.round(outcome.limitMs)} ms)`,
    );
    assert.ok(
      outcome.diagnostics.length <= 10,
      `${outcome.diagnostics.length} diagnostics is not a clear answer`,
    );

    const expected = ONE_CLEAR_DIAGNOSTIC[input.name];
    if (expected) {
      assert.equal(outcome.diagnostics.length, 1, JSON.stringify(outcome.diagnostics));
      assert.equal(outcome.diagnostics[0].code, expected.code);
      assert.match(outcome.diagnostics[0].message, expected.message);
    }
    const reencoded = SAME_AS_PLAIN[input.name];
    if (reencoded) {
      assert.deepEqual(positions(outcome.diagnostics, reencoded.bom), plainPositions());
    }
  });
}

test('NUL bytes and invalid UTF-8 are reported as a syntax error on the line that has them', async () => {
  for (const name of ['NUL bytes', 'invalid UTF-8']) {
    const run = await lintInWorker(name, LIMITS);
    const syntax = run.outcome?.diagnostics.filter((d) => d.code === 'YAML001') ?? [];
    assert.equal(syntax.length, 1, `${name}: ${JSON.stringify(run)}`);
    assert.equal(syntax[0].start.line, 10, name);
  }
});

test('the same policy with a BOM or CRLF line ends still gets its protocol mistake reported', () => {
  assert.ok(
    plainPositions().some((position) => position.startsWith('SCH003 8:16-8:19')),
    plainPositions().join(),
  );
});

test('a kubectl List of 3,000 policies is checked in time proportional to parsing it', () => {
  // Relative to the parse, so a busy machine does not matter: rules that rescanned the whole List
  // for each item made this about 25 times the parse; linear work stays within a few times it.
  const text = kubectlList(3000);
  let started = performance.now();
  parseAllDocuments(text);
  const parseMs = performance.now() - started;
  started = performance.now();
  const diagnostics = lintText(text);
  const lintMs = performance.now() - started;
  assert.ok(
    lintMs < 6 * parseMs + 500,
    `lint ${Math.round(lintMs)} ms, parse alone ${Math.round(parseMs)} ms`,
  );
  assert.ok(diagnostics.length <= 10, JSON.stringify(diagnostics.slice(0, 3)));
});
