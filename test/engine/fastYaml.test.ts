// The fast reader must be invisible: for every text it accepts, the value and every node range are
// exactly what the `yaml` package composes, and parseYaml gives the same answers either way. Checked
// on every fixture, on random edits of them (most leave the subset, some stay in it), and on
// random documents built inside the subset.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import {
  FastMap,
  FastScalar,
  FastSeq,
  MAX_FAST_DEPTH,
  readFast,
  type FastNode,
} from '../../src/engine/parse/fastYaml';
import { MAX_NESTING_DEPTH, parseYaml } from '../../src/engine/parse/parseYaml';
import { rangeForPath } from '../../src/engine/parse/yamlPath';
import { splitDocuments } from '../../src/engine/parse/splitDocuments';
import { documentValue } from '../../src/engine/parse/yamlValue';
import type { Path } from '../../src/engine/types';
import { generateNetworkPolicies, seededRandom, type Random } from '../../scripts/bench/generateManifests';
import { generateKubectlList } from '../../scripts/bench/generateList';
import { FIXTURES } from '../support/paths';

const OPTIONS = { prettyErrors: false, uniqueKeys: true, merge: true, logLevel: 'error' } as const;

/** Undefined when the fast reader declines or agrees with the `yaml` package; else what differs. */
function disagreement(text: string): string | undefined {
  const fast = readFast(text);
  if (!fast) return undefined;
  const documents = parseAllDocuments(text, OPTIONS);
  if (!Array.isArray(documents) || documents.length !== 1) return 'not exactly one document';
  const [document] = documents;
  if (document.errors.length > 0) return `the yaml package reports ${document.errors[0].code}`;
  if (!isDeepStrictEqual(document.range, fast.range))
    return `document range ${JSON.stringify(document.range)}, fast ${JSON.stringify(fast.range)}`;
  // What the guarded `yaml` path gives (yamlValue.ts): the value the engine reads otherwise.
  const { value } = documentValue(document, text);
  if (!isDeepStrictEqual(value, fast.value))
    return `value ${JSON.stringify(value)}, fast ${JSON.stringify(fast.value)}`;
  return sameNode(document.contents, fast.contents, []);
}

function sameNode(node: unknown, fast: FastNode, path: Path): string | undefined {
  const where = JSON.stringify(path);
  const range = (a: unknown, b: unknown) =>
    isDeepStrictEqual(a, b) ? undefined : `${where}: range ${JSON.stringify(a)}, fast ${JSON.stringify(b)}`;
  if (isScalar(node)) return fast instanceof FastScalar ? range(node.range, fast.range) : `${where}: scalar`;
  if (isMap(node)) {
    if (!(fast instanceof FastMap) || Boolean(node.flow) !== fast.flow) return `${where}: mapping`;
    if (node.items.length !== fast.keys.length) return `${where}: key count`;
    return (
      range(node.range, fast.range) ??
      node.items
        .map((pair, index) => {
          if (!isPair(pair) || !isScalar(pair.key) || String(pair.key.value) !== fast.keys[index])
            return `${where}: key ${index}`;
          return (
            range(pair.key.range, fast.keyNodes[index].range) ??
            sameNode(pair.value, fast.values[index], [...path, fast.keys[index]])
          );
        })
        .find(Boolean)
    );
  }
  if (isSeq(node)) {
    if (!(fast instanceof FastSeq) || Boolean(node.flow) !== fast.flow) return `${where}: sequence`;
    if (node.items.length !== fast.items.length) return `${where}: item count`;
    return (
      range(node.range, fast.range) ??
      node.items.map((item, index) => sameNode(item, fast.items[index], [...path, index])).find(Boolean)
    );
  }
  return `${where}: unexpected node`;
}

function fixtureChunks(): string[] {
  const files = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
      const full = join(directory, entry.name);
      if (entry.isDirectory()) return files(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
  return files(FIXTURES)
    .sort()
    .flatMap((file) => splitDocuments(readFileSync(file, 'utf8')).map((chunk) => chunk.text));
}

const CHUNKS = fixtureChunks();

test('the fast reader agrees with the yaml package on every fixture document it reads', () => {
  let read = 0;
  for (const text of CHUNKS) {
    assert.equal(disagreement(text), undefined, text);
    if (readFast(text)) read++;
  }
  // Most fixtures are plain block YAML; the rest (comments, templates, errors) go to the yaml package.
  assert.ok(read > CHUNKS.length / 2, `${read} of ${CHUNKS.length}`);
});

test('the fast reader reads every document of the benchmark files (the kubectl shapes)', () => {
  for (const text of [
    generateNetworkPolicies({ documents: 30, seed: 3 }).text,
    generateKubectlList({ items: 30, seed: 3 }).text,
  ]) {
    for (const chunk of splitDocuments(text)) {
      assert.ok(readFast(chunk.text), chunk.text.slice(0, 200));
      assert.equal(disagreement(chunk.text), undefined);
    }
  }
});

/** Snippets that random edits insert: YAML punctuation, indicators, numbers, quotes and newlines. */
const SNIPPETS = [
  '\n',
  ' ',
  '  ',
  ':',
  ': ',
  '- ',
  '-',
  'x',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '{}',
  '[]',
  ',',
  '#',
  ' #',
  '|',
  '|-',
  '>',
  '\n  ',
  '\n- ',
  '\n    ',
  'null',
  '~',
  '1',
  '0x1F',
  '0o7',
  '.5',
  '1e3',
  'true',
  '\\',
  '\\n',
  "''",
  '\n\n',
  'a: b\n',
  '  - x\n',
  '- a: 1\n',
  ':x',
  '?',
  '&a',
  '*a',
  '!t',
  '%',
  '...',
  '---',
  '<<: x',
  '__proto__: 1',
  ' a',
  'é',
  '\u00a0',
  '\t',
  '\r\n',
];

function mutate(random: Random, text: string): string {
  let out = text;
  for (let edit = 0, count = 1 + Math.floor(random() * 3); edit < count; edit++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = random();
    if (kind < 0.5) out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
    else if (kind < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5));
    else {
      const from = Math.floor(random() * out.length);
      out = out.slice(0, at) + out.slice(from, from + Math.floor(random() * 40)) + out.slice(at);
    }
  }
  return out;
}

test('random edits of the fixtures: whatever the fast reader still reads, it reads as the yaml package does', () => {
  const random = seededRandom(17);
  const small = CHUNKS.filter((text) => text.length < 4000);
  let read = 0;
  for (let i = 0; i < 4000; i++) {
    const text = mutate(random, small[Math.floor(random() * small.length)]);
    assert.equal(disagreement(text), undefined, JSON.stringify(text));
    if (readFast(text)) read++;
  }
  assert.ok(read > 400, `only ${read} edited documents stayed readable`);
});

const SCALARS = [
  'a',
  'foo bar',
  '1',
  '-1',
  '+1',
  '0o17',
  '0x1F',
  '1.5',
  '.5',
  '1e3',
  '1.',
  '-.inf',
  '.NaN',
  'true',
  'False',
  'null',
  '~',
  'yes',
  '"q"',
  "'s'",
  "'it''s'",
  '"a\\"b"',
  '"\\n\\t\\/"',
  '""',
  '[]',
  '{}',
  '[a, b]',
  '[ a ]',
  '["x", 1]',
  'a:b',
  'http://x:80/y',
  'x#y',
  'a,b',
  'a]b',
  '-x',
  '08',
  '-0',
  '12:30',
  '2020-01-01',
  'x # c',
  '"y" # c',
  'a b  c',
  '|',
  '|-',
  '*x',
  '? x',
];
const KEYS = [
  'a',
  'b',
  'name',
  'app.kubernetes.io/name',
  'k:{"port":53}',
  'f:spec',
  '"q"',
  "'s'",
  '1',
  'x y',
  '-a',
];

/** A random document made of the constructs the fast reader handles (and a few it declines). */
function randomDocument(random: Random): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const node = (indent: number, depth: number, inSequence: boolean): string => {
    const kind = random();
    if (depth > 4 || kind < 0.45) {
      const scalar = pick(SCALARS);
      if (scalar === '|' || scalar === '|-') {
        const pad = ' '.repeat(indent + 2 + Math.floor(random() * 2));
        const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          random() < 0.2 ? '' : pad + pick(['x', 'y z', '{"a": 1}', '  more', '# not a comment', '- no']),
        );
        return ` ${scalar}\n${lines.join('\n')}\n${random() < 0.3 ? '\n' : ''}`;
      }
      const more = random() < 0.1 ? `\n${' '.repeat(indent + 2)}${pick(['cont', 'more words'])}` : '';
      return ` ${scalar}${more}${random() < 0.1 ? '   ' : ''}\n`;
    }
    const count = 1 + Math.floor(random() * 3);
    if (kind < 0.75) {
      let out = '\n';
      for (let i = 0; i < count; i++)
        out += `${' '.repeat(indent + 2)}${pick(KEYS)}:${node(indent + 2, depth + 1, false)}${random() < 0.1 ? '\n' : ''}`;
      return out;
    }
    const column = random() < 0.5 && !inSequence ? indent : indent + 2;
    let out = '\n';
    for (let i = 0; i < count; i++) {
      if (random() < 0.4) {
        out += `${' '.repeat(column)}- ${pick(KEYS)}:${node(column + 2, depth + 1, false)}`;
        if (random() < 0.5)
          out += `${' '.repeat(column + 2)}${pick(KEYS)}:${node(column + 2, depth + 1, false)}`;
      } else {
        out += `${' '.repeat(column)}-${node(column, depth + 1, true)}`;
      }
    }
    return out;
  };
  let text = (random() < 0.3 ? '---\n' : '') + (random() < 0.2 ? '# top\n\n' : '');
  for (let i = 0, count = 1 + Math.floor(random() * 4); i < count; i++)
    text += `${pick(KEYS)}:${node(0, 0, false)}`;
  return text + (random() < 0.2 ? '\n\n' : '');
}

test('random documents in the fast subset: the same values and ranges as the yaml package', () => {
  const random = seededRandom(29);
  let read = 0;
  for (let i = 0; i < 5000; i++) {
    const text = randomDocument(random);
    assert.equal(disagreement(text), undefined, JSON.stringify(text));
    if (readFast(text)) read++;
  }
  assert.ok(read > 300, `only ${read} documents were read`);
});

test('the range quirks of the yaml package are reproduced', () => {
  const cases = [
    'a:\n', // a document ending with an empty value does not take in the final newline
    'a: b\n\n\n', // otherwise it does, blank lines included
    'k: [x ,  y ]\n', // flow items take in the blanks after them
    '# Source: chart/templates/np.yaml\n---\na: 1\n',
    '\n\n  a: 1\n', // the document starts at the line of its content
    'a: |-\n  x\n  y\n\n\n', // a literal ends after its last line; the blank lines are the document's
    'a: one\n\n  two\n   three  \nb: 1\n', // a plain scalar folded over lines
  ];
  for (const text of cases) assert.equal(disagreement(text), undefined, JSON.stringify(text));
  assert.ok(cases.filter((text) => readFast(text)).length >= 6);
});

test('parseYaml answers the same through the fast reader and through the yaml package', () => {
  for (const text of CHUNKS.filter((chunk) => readFast(chunk))) {
    const [fast] = parseYaml(text);
    const composed = parseAllDocuments(text, OPTIONS)[0];
    assert.deepEqual(fast.errors, []);
    const paths: Path[] = [];
    const walk = (value: unknown, path: Path): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
      else if (value && typeof value === 'object')
        for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(composed.toJS(), []);
    for (const path of [...paths, ['missing'], ['spec', 'missing', 0]]) {
      for (const target of ['key', 'value'] as const) {
        assert.deepEqual(
          fast.rangeOf(path, target),
          rangeForPath(composed.contents, path, target),
          JSON.stringify(path),
        );
      }
    }
    // The nodes for fixes are the yaml package's own.
    assert.deepEqual(fast.locate([])?.value?.range, composed.contents?.range);
  }
});

test('the fast reader never reads what the depth guard would refuse', () => {
  assert.ok(MAX_FAST_DEPTH < MAX_NESTING_DEPTH);
  const deep =
    Array.from({ length: MAX_FAST_DEPTH + 1 }, (_, depth) => `${'  '.repeat(depth)}k:`).join('\n') + ' 1\n';
  assert.equal(readFast(deep), undefined);
  assert.ok(parseYaml(deep)[0].toValue().value);
});
