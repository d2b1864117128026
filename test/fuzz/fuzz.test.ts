// A short, fixed-seed slice of `npm run fuzz`, plus a replay of every finding the fuzzer ever saved:
// the engine must not throw, must answer each file within the time limit, and must keep every
// diagnostic, fix edit and completion range inside the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, type Problem } from '../../scripts/fuzz/checks';
import { generateCase, MUTATIONS, Random } from '../../scripts/fuzz/mutations';
import { loadRegressions, loadSeeds } from '../../scripts/fuzz/seeds';
import { PROJECT_ROOT } from '../support/paths';

const SEED = 20261124;
const CASES = 3000;
/** Generous for a busy CI machine; the fuzzer itself uses 1 s with retries. */
const TIME_LIMIT_MS = 2000;

function describe(problems: Problem[]): string {
  return problems
    .map((p) => `${p.type} in ${p.entryPoint}: ${p.detail.split('\n').slice(0, 3).join(' | ')}`)
    .join('\n');
}

test('the same seed and case number always produce the same mutated file', () => {
  const seeds = loadSeeds(PROJECT_ROOT);
  for (const index of [0, 7, 999]) {
    assert.deepEqual(generateCase(seeds, SEED, index), generateCase(seeds, SEED, index));
  }
  assert.notEqual(generateCase(seeds, SEED, 3).text, generateCase(seeds, SEED + 1, 3).text);
});

test('every mutation changes some corpus file and never throws', () => {
  const seeds = loadSeeds(PROJECT_ROOT);
  for (const mutation of MUTATIONS) {
    const random = new Random(1);
    const changed = seeds.some((seed) => mutation.apply(seed.text, random) !== seed.text);
    assert.ok(changed, `${mutation.name} changed none of the ${seeds.length} seed files`);
  }
});

test(
  `${CASES} mutated corpus files: no throw, no slow file, every range inside the text`,
  { timeout: 120_000 },
  () => {
    const seeds = loadSeeds(PROJECT_ROOT);
    assert.ok(seeds.length >= 100, `expected the real-world corpus, found ${seeds.length} seed files`);
    const failures: string[] = [];
    for (let index = 0; index < CASES; index++) {
      const fuzzCase = generateCase(seeds, SEED, index);
      const problems = checkText(fuzzCase.text, {
        timeLimitMs: TIME_LIMIT_MS,
        previousText: seeds[index % seeds.length].text,
        cursorProbes: 2,
      });
      if (problems.length > 0) {
        failures.push(
          `case ${index} (${fuzzCase.seedName} by ${fuzzCase.mutations.join(', ')}):\n${describe(problems)}`,
        );
      }
    }
    assert.deepEqual(failures, []);
  },
);

test('every saved fuzz finding now passes', { timeout: 60_000 }, () => {
  const failures: string[] = [];
  for (const regression of loadRegressions(PROJECT_ROOT)) {
    const problems = checkText(regression.text, {
      timeLimitMs: TIME_LIMIT_MS,
      previousText: '',
      cursorProbes: 8,
    });
    if (problems.length > 0) failures.push(`${regression.name}:\n${describe(problems)}`);
  }
  assert.deepEqual(failures, []);
});
