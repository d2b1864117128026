// Inputs on which some regular expression or loop was quadratic: every engine entry point must
// cost a bounded multiple of what the `yaml` package alone needs to parse the same text, measured
// in the same test, both as CPU time (so a busy machine does not count). Before the fixes these took seconds to minutes
// (a syntax error before 50,000 newlines: 5 s to open; 50,000 `${`: 21 s; completion at the end of
// a 100,000-letter flow list: 11 s); linear work stays within a few times the parse.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { lintText, ManifestFile, withDefaults } from '../../src/engine';
import {
  collectLabels,
  completeInFile,
  documentSymbols,
  explainFile,
  WorkspaceLabels,
} from '../../src/engine/editing';
import { SUPER_LINEAR_INPUTS, type SuperLinearInput } from './inputs';

/** Linear code measures at most a few times the parse; the quadratic code 13 to 1,000 times. */
const MULTIPLE = 10;
/** Timer and garbage-collector noise on inputs the parser reads in a few milliseconds. */
const NOISE_MS = 50;

/** CPU time of this process (all its threads), in ms: other processes on the machine do not count. */
function elapsed(run: () => unknown): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** The median of three parses by the yaml package (its duplicate-key check is quadratic, so off). */
function parseMs(text: string): number {
  const times = [0, 1, 2].map(() => elapsed(() => parseAllDocuments(text, { uniqueKeys: false })));
  return times.sort((a, b) => a - b)[1];
}

function entryPoints(input: SuperLinearInput, text: string): Record<string, () => unknown> {
  const settings = withDefaults({});
  const offset = input.cursor(text);
  const file = new ManifestFile(settings);
  file.update(text);
  const labels = new WorkspaceLabels();
  collectLabels(text, labels);
  return {
    lint: () => lintText(text),
    'typing a character': () => {
      const typing = new ManifestFile(settings);
      typing.update(text);
      const typed = text.slice(0, offset) + 'x' + text.slice(offset);
      return typing.update(typed, [{ start: offset, end: offset, newText: 'x' }]);
    },
    'reading workspace labels': () => collectLabels(text, new WorkspaceLabels()),
    completion: () => completeInFile(file, offset, { labels: () => [labels] }),
    hover: () => file.hoverAt(offset, { settings }),
    outline: () => documentSymbols(file),
    explain: () => explainFile(file, settings, file.getDiagnostics()),
  };
}

// Compile the engine's code paths once, so the first input does not pay for it.
lintText('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec: {}\n');

for (const input of SUPER_LINEAR_INPUTS) {
  test(`${input.name}: every entry point within ${MULTIPLE}x the parse time`, { timeout: 300_000 }, () => {
    const text = input.build();
    const parse = parseMs(text);
    const bound = MULTIPLE * parse + NOISE_MS;
    const slow: string[] = [];
    for (const [name, run] of Object.entries(entryPoints(input, text))) {
      // A second try only when the first is over the bound: one garbage collection is not a finding.
      let ms = elapsed(run);
      if (ms > bound) ms = Math.min(ms, elapsed(run));
      if (ms > bound) slow.push(`${name} ${Math.round(ms)} ms`);
    }
    assert.deepEqual(slow, [], `parse alone ${Math.round(parse)} ms, bound ${Math.round(bound)} ms`);
  });
}
