// The engine's own YAML-to-data conversion (linear, with the alias expansion limit) reads every
// file the way the `yaml` package's toJS does, and refuses what it must: aliases without anchors,
// aliases inside their own node, merge keys on non-mappings, and aliases that expand too far.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { parseYaml, MAX_ALIAS_GROWTH } from '../../src/engine/parse/parseYaml';
import { FIXTURES } from '../support/paths';

/**
 * The package's toJS with `null` mapping values dropped (as Kubernetes reads them). A collection
 * used as a key is printed back by the package but kept as written by the engine; both are named
 * alike here. Keys are set as own properties, `__proto__` included.
 */
function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue;
    const name = /^[[{]/.test(key) ? 'collection key' : key;
    Object.defineProperty(out, name, { value: normalized(child), enumerable: true, writable: true });
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

function packageValues(text: string): unknown[] {
  return parseAllDocuments(text, { merge: true, logLevel: 'silent', uniqueKeys: false }).map((document) =>
    normalized(document.toJS({ maxAliasCount: -1 })),
  );
}

function ourValues(text: string): unknown[] {
  return parseYaml(text).map((parsed) => normalized(parsed.toValue().value));
}

test('every fixture and corpus file reads as the same data as the yaml package makes of it', () => {
  // The fuzz findings are mostly nesting too deep to convert, on which the package takes minutes.
  const files = yamlFiles(FIXTURES).filter((file) => !file.includes('fuzz-regressions'));
  assert.ok(files.length > 100, `${files.length} files`);
  let compared = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let expected: unknown[];
    try {
      expected = packageValues(text);
    } catch {
      continue; // an alias the package cannot resolve: refused below as well
    }
    assert.deepEqual(ourValues(text), expected, file);
    compared++;
  }
  assert.ok(compared > 100, `${compared} files compared`);
});

test('anchors, aliases, merge keys, nulls and odd keys read as the yaml package reads them', () => {
  assert.equal(Object.getPrototypeOf(ourValues('__proto__: {polluted: true}\n')[0]), Object.prototype);
  const cases = [
    'a: &x {p: 1, q: null}\nb: *x\nc: [*x, *x]\n',
    'base: &b {x: 1, y: 2, z: null}\nm:\n  <<: *b\n  y: 3\n',
    'm:\n  y: 3\n  <<: [&a {y: 1, w: 1}, {w: 2, v: 2}]\n',
    'm:\n  z: null\n  <<: {z: 1}\n',
    'a: &s scalar\nb: *s\n*s : as key\n',
    '__proto__: {polluted: true}\ntoString: 1\nconstructor: 2\n',
    '1: one\n1.5: x\ntrue: t\nnull: n\n~: tilde\n',
    '- a: 1\n- [x, y: 2]\n- !custom tagged\n- 0x1F\n- .inf\n',
    'a: &a 1\na2: &a 2\nb: *a\n',
    'duplicate: 1\nduplicate: 2\n',
    '',
    '# only a comment\n',
    '--- &doc\na: 1\n',
  ];
  for (const text of cases) assert.deepEqual(ourValues(text), packageValues(text), JSON.stringify(text));
});

test('a collection used as a key (unrendered Helm) becomes its written text', () => {
  const [value] = parseYaml('spec:\n  {{ .Values.extra }}: x\n').map((parsed) => parsed.toValue().value);
  assert.deepEqual(value, { spec: { '{{ .Values.extra }}': 'x' } });
});

test('what cannot be read as data gets one reason, at the alias', () => {
  const problem = (text: string) => {
    const [parsed] = parseYaml(text);
    const result = parsed.toValue();
    assert.equal(result.value, undefined, text);
    return { ...result.problem!, at: text.slice(result.problem!.range.start, result.problem!.range.end) };
  };
  const missing = problem('a: 1\nb: *nowhere\n');
  assert.equal(missing.yamlCode, 'ALIAS');
  assert.match(missing.message, /alias \*nowhere has no anchor &nowhere before it/);
  assert.equal(missing.at, '*nowhere');

  const circular = problem('a: &loop [1, *loop]\n');
  assert.match(circular.message, /inside the node it refers to/);
  assert.equal(circular.at, '*loop');

  const merge = problem('a: &s text\nm:\n  <<: *s\n');
  assert.equal(merge.yamlCode, 'MERGE');
  assert.match(merge.message, /merge key \(<<\) needs a mapping/);
});

test('aliases may double a document, or add MAX_ALIAS_GROWTH values to a small one, and no more', () => {
  const listOf = (items: number) => `a: &x [${Array(items).fill('v').join(', ')}]\n`;
  // Written: the root map, key a, the list and its items; each `*x` use adds the list again.
  const withUses = (items: number, uses: number) =>
    listOf(items) + Array.from({ length: uses }, (_, i) => `u${i}: *x\n`).join('');
  const small = 100;
  const underLimit = Math.floor(MAX_ALIAS_GROWTH / (small + 1)) - 5;
  assert.equal(parseYaml(withUses(small, underLimit))[0].toValue().problem, undefined);
  const over = parseYaml(withUses(small, underLimit + 20))[0].toValue();
  assert.equal(over.problem?.yamlCode, 'ALIAS_EXPANSION');
  assert.match(over.problem?.message ?? '', /aliases expand this document to more than [\d,]+ values/);

  // A large document may repeat as much as it has written.
  const big = 30_000;
  assert.equal(parseYaml(withUses(big, 1))[0].toValue().problem, undefined);
  assert.equal(parseYaml(withUses(big, 3))[0].toValue().problem?.yamlCode, 'ALIAS_EXPANSION');
});

test('duplicate keys are syntax errors, found in one pass even in a mapping of 50,000 keys', () => {
  const [parsed] = parseYaml('a: 1\nb: 2\na: 3\nflow: {x: 1, x: 2}\n');
  assert.deepEqual(
    parsed.errors.map((error) => [error.yamlCode, error.range.start]),
    [
      ['DUPLICATE_KEY', 10],
      ['DUPLICATE_KEY', 28],
    ],
  );
  const many = Array.from({ length: 50_000 }, (_, i) => `k${i}: v\n`).join('') + 'k7: again\n';
  const started = performance.now();
  parseAllDocuments(many, { uniqueKeys: false });
  const parseMs = performance.now() - started;
  const ours = performance.now();
  const [big] = parseYaml(many);
  const oursMs = performance.now() - ours;
  assert.deepEqual(
    big.errors.map((error) => error.yamlCode),
    ['DUPLICATE_KEY'],
  );
  assert.ok(oursMs < 20 * parseMs, `ours ${Math.round(oursMs)} ms, parse alone ${Math.round(parseMs)} ms`);
});
