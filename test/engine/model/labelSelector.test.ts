// Label selector semantics worked by hand: what each operator selects, what an empty or invalid
// selector selects, and when one selector provably covers another.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  covers,
  isSelectAll,
  labelsOf,
  matches,
  parseSelector,
} from '../../../src/engine/model/labelSelector';

const web = { app: 'web', tier: 'front' };
const db = { app: 'db', tier: 'back', pii: 'yes' };
const bare = {};

function selects(raw: unknown, labels: Record<string, string>): boolean {
  return matches(parseSelector(raw), labels);
}

test('an empty or absent selector selects everything, even objects without labels', () => {
  for (const raw of [{}, undefined, null, { matchLabels: {} }, { matchExpressions: [] }]) {
    assert.equal(selects(raw, bare), true, JSON.stringify(raw));
    assert.equal(selects(raw, db), true);
    assert.equal(isSelectAll(parseSelector(raw)), true);
  }
});

test('matchLabels needs every pair; matchExpressions are ANDed with it', () => {
  assert.equal(selects({ matchLabels: { app: 'web' } }, web), true);
  assert.equal(selects({ matchLabels: { app: 'web', tier: 'back' } }, web), false);
  const both = { matchLabels: { tier: 'back' }, matchExpressions: [{ key: 'pii', operator: 'Exists' }] };
  assert.equal(selects(both, db), true);
  assert.equal(selects(both, { tier: 'back' }), false);
});

test('In needs the key with a listed value; NotIn also selects objects without the key', () => {
  const inSel = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] };
  assert.equal(selects(inSel, web), true);
  assert.equal(selects(inSel, db), false);
  assert.equal(selects(inSel, bare), false);
  const notIn = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] };
  assert.equal(selects(notIn, web), true);
  assert.equal(selects(notIn, db), false);
  assert.equal(selects(notIn, bare), true);
});

test('Exists and DoesNotExist look at the key only', () => {
  assert.equal(selects({ matchExpressions: [{ key: 'pii', operator: 'Exists' }] }, db), true);
  assert.equal(selects({ matchExpressions: [{ key: 'pii', operator: 'Exists' }] }, web), false);
  assert.equal(selects({ matchExpressions: [{ key: 'pii', operator: 'DoesNotExist' }] }, web), true);
  assert.equal(selects({ matchExpressions: [{ key: 'pii', operator: 'DoesNotExist' }] }, db), false);
});

test('an invalid selector selects nothing and says why', () => {
  const cases: [unknown, RegExp][] = [
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: [] }] }, /In needs at least one value/],
    [{ matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] }, /"in" is not a valid operator/],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['web'] }] }, /Exists takes no values/],
    [{ matchExpressions: [{ operator: 'Exists' }] }, /key is missing/],
    [{ matchLabels: ['app'] }, /matchLabels is not a mapping/],
    ['app=web', /not a mapping/],
  ];
  for (const [raw, why] of cases) {
    const selector = parseSelector(raw);
    assert.match(selector.invalid ?? '', why);
    assert.equal(matches(selector, web), false);
    assert.equal(matches(selector, bare), false);
  }
});

test('label values that YAML reads as numbers or booleans are compared as text', () => {
  assert.equal(selects({ matchLabels: { version: 2 } }, labelsOf({ version: '2' })), true);
  assert.deepEqual(labelsOf({ version: 2, canary: true, nested: { a: 1 } }), {
    version: '2',
    canary: 'true',
  });
});

function cover(a: unknown, b: unknown): boolean {
  return covers(parseSelector(a), parseSelector(b));
}

test('covers: the empty selector covers everything; a narrower selector is covered by a wider one', () => {
  assert.equal(cover({}, { matchLabels: { app: 'web' } }), true);
  assert.equal(cover({ matchLabels: { app: 'web' } }, {}), false);
  assert.equal(cover({ matchLabels: { app: 'web' } }, { matchLabels: { app: 'web', tier: 'front' } }), true);
  assert.equal(cover({ matchLabels: { app: 'web', tier: 'front' } }, { matchLabels: { app: 'web' } }), false);
  assert.equal(cover({ matchLabels: { app: 'web' } }, { matchLabels: { app: 'db' } }), false);
});

test('covers: In, NotIn, Exists and DoesNotExist against each other', () => {
  const inWebApi = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }] };
  const exists = { matchExpressions: [{ key: 'app', operator: 'Exists' }] };
  const notDb = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] };
  const absent = { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] };
  // app=web ⊂ app in (web, api) ⊂ app exists
  assert.equal(cover(inWebApi, { matchLabels: { app: 'web' } }), true);
  assert.equal(cover(exists, inWebApi), true);
  assert.equal(cover(inWebApi, exists), false);
  // app in (web, api) never has app=db, so NotIn db covers it; and objects without app too.
  assert.equal(cover(notDb, inWebApi), true);
  assert.equal(cover(notDb, absent), true);
  // NotIn db allows values In cannot list (label values are unbounded).
  assert.equal(cover(inWebApi, notDb), false);
  assert.equal(cover(exists, notDb), false);
  assert.equal(cover(exists, absent), false);
  // NotIn (db, cache) is narrower than NotIn db.
  const notDbCache = { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db', 'cache'] }] };
  assert.equal(cover(notDb, notDbCache), true);
  assert.equal(cover(notDbCache, notDb), false);
});

test('covers: requirements on one key are combined before comparing', () => {
  // app in (web, api) AND app notin (api) is exactly app=web.
  const webOnly = {
    matchExpressions: [
      { key: 'app', operator: 'In', values: ['web', 'api'] },
      { key: 'app', operator: 'NotIn', values: ['api'] },
    ],
  };
  assert.equal(cover({ matchLabels: { app: 'web' } }, webOnly), true);
  // A selector that can select nothing is covered by anything valid.
  const nothing = {
    matchLabels: { app: 'web' },
    matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }],
  };
  assert.equal(cover({ matchLabels: { app: 'db' } }, nothing), true);
});

test('covers is false when either selector is invalid, so a true answer can be relied on', () => {
  const invalid = { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] };
  assert.equal(cover({}, invalid), false);
  assert.equal(cover(invalid, {}), false);
});
