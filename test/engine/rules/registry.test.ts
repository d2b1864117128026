// The rule registry is the single table of codes: every rule file is registered, codes and file
// names agree, and the metadata that the docs, SARIF and hover links are generated from is filled in.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, RULES } from '../../../src/engine';
import { renderRulesDoc, ruleHeading } from '../../../src/engine/rules/rulesDoc';
import { PROJECT_ROOT } from '../../support/paths';

const RULES_DIR = join(PROJECT_ROOT, 'src', 'engine', 'rules');

test('every rule file under src/engine/rules/<kind>/ is registered with the code and slug of its file name', () => {
  const registered = new Set(RULES.map((rule) => `${rule.code}-${rule.slug}`));
  const unregistered: string[] = [];
  for (const entry of readdirSync(RULES_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(RULES_DIR, entry.name))) {
      const match = /^([A-Z]+\d+-[a-z0-9-]+)\.ts$/.exec(file);
      if (match && !registered.has(match[1])) unregistered.push(`${entry.name}/${file}`);
    }
  }
  assert.deepEqual(unregistered, []);
});

test('rule codes are unique and listed in code order within each family', () => {
  const codes = RULES.map((rule) => rule.code);
  assert.equal(new Set(codes).size, codes.length);
  const families = new Map<string, number[]>();
  for (const code of codes) {
    const [, family, number] = /^([A-Z]+)(\d+)$/.exec(code) ?? [];
    families.set(family, [...(families.get(family) ?? []), Number(number)]);
  }
  for (const [family, numbers] of families) {
    assert.deepEqual(
      numbers,
      [...numbers].sort((a, b) => a - b),
      `${family} rules out of order`,
    );
  }
});

/**
 * 2xx rules whose resource is accepted and then has no effect at all: errors, by the principle on
 * the rules page (anything that can never do what it is for is an error).
 */
const NO_EFFECT_RULES = ['SGP201', 'SGP205'];

test('severities follow the code table: NP1xx/SGP1xx/ENI1xx errors, 2xx warnings or info unless the resource has no effect, NP3xx warnings, TPL never errors', () => {
  for (const rule of RULES) {
    const [, family, hundreds] = /^([A-Z]+)(\d)\d\d$/.exec(rule.code) ?? [];
    if (family === 'TPL') assert.notEqual(rule.defaultSeverity, 'error', rule.code);
    if (!['NP', 'SGP', 'ENI'].includes(family)) continue;
    if (hundreds === '1') assert.equal(rule.defaultSeverity, 'error', rule.code);
    if (hundreds === '2') {
      assert.equal(rule.defaultSeverity === 'error', NO_EFFECT_RULES.includes(rule.code), rule.code);
      if (rule.defaultSeverity === 'error') assert.match(rule.why, /no effect at all/, rule.code);
    }
    if (hundreds === '3') assert.equal(rule.defaultSeverity, 'warning', rule.code);
  }
});

test('every rule documents itself: summary, why, examples and an https docs link', () => {
  for (const rule of RULES) {
    for (const field of ['summary', 'why', 'badExample', 'goodExample'] as const) {
      assert.ok(rule[field].trim().length > 0, `${rule.code} has no ${field}`);
    }
    assert.match(rule.docs, /^https:\/\//, rule.code);
    assert.notEqual(rule.badExample, rule.goodExample, rule.code);
  }
});

test('NP3xx rules run only for the eks target, and every other rule for every target', () => {
  for (const rule of RULES) {
    if (rule.category === 'eks-agent') assert.deepEqual(rule.targets, ['eks'], rule.code);
    else assert.equal(rule.targets, undefined, rule.code);
  }
});

test('every rule is in exactly one section of the rules page', () => {
  const page = renderRulesDoc();
  for (const rule of RULES) {
    const headings = page.split('\n').filter((line) => line === `### ${ruleHeading(rule)}`);
    assert.equal(headings.length, 1, rule.code);
  }
});

test("every rule's badExample is a whole file that gives exactly its code, and its goodExample gives nothing", () => {
  for (const rule of RULES) {
    const bad = lintText(rule.badExample, rule.exampleSettings).map((diagnostic) => diagnostic.code);
    assert.ok(bad.length > 0, `${rule.code}: the bad example gives no diagnostic`);
    assert.deepEqual(
      bad.filter((code) => code !== rule.code),
      [],
      `${rule.code}: the bad example gives other codes`,
    );
    const good = lintText(rule.goodExample, rule.exampleSettings).map((d) => `${d.code} ${d.message}`);
    assert.deepEqual(good, [], `${rule.code}: the good example is not clean`);
    assert.match(
      rule.badExample,
      /^apiVersion: |^\{\{|^# /,
      `${rule.code}: the bad example is not a whole file`,
    );
  }
});
