// A `kind: List` is validated item by item (each item is a unit, like a `---` document), and that
// must be invisible: the diagnostics and objects are exactly those of validating the List as one
// document, an edit in one item re-validates that item only, and edits that change the List's
// structure fall back to laying the document out again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex, ManifestFile, withDefaults, type Diagnostic, type TextEdit } from '../../src/engine';
import { validateChunk } from '../../src/engine/validate/validateChunk';
import { findListLayout } from '../../src/engine/parse/listLayout';
import { generateKubectlList } from '../../scripts/bench/generateList';
import { FIXTURES } from '../support/paths';

const SETTINGS = withDefaults(undefined);

/** The List validated as one document, the way validateChunk reads any `---` chunk. */
function asOneDocument(text: string) {
  const result = validateChunk(text, SETTINGS);
  return {
    diagnostics: result.diagnostics.map(({ relative, ...diagnostic }): Diagnostic => {
      assert.equal(relative, undefined);
      return diagnostic;
    }),
    objects: result.objects.map((object) => ({
      ...object,
      start: object.range.start,
      end: object.range.end,
    })),
  };
}

function itemByItem(text: string) {
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  return {
    diagnostics: file.getDiagnostics(),
    objects: file.getObjects().map(({ documentIndex, chunkStart, line, range, ...object }) => {
      assert.equal(documentIndex, 0);
      assert.equal(line, new LineIndex(text).positionAt(chunkStart + range.start).line);
      return { ...object, range, start: chunkStart + range.start, end: chunkStart + range.end };
    }),
    file,
  };
}

function assertSameAsOneDocument(text: string, name: string): ManifestFile {
  assert.ok(findListLayout(text), `${name} is laid out as a List`);
  const whole = asOneDocument(text);
  const items = itemByItem(text);
  const fileDiagnostics = whole.diagnostics.map((diagnostic) => ({ ...diagnostic, fixes: diagnostic.fixes }));
  assert.deepEqual(items.diagnostics, fileDiagnostics, name);
  assert.deepEqual(
    items.objects.map(({ range: _range, ...object }) => object),
    whole.objects.map(({ range: _range, ...object }) => object),
    name,
  );
  return items.file;
}

test('a kubectl dump read item by item reports exactly what reading it whole reports', () => {
  const { text, injectedMistakes } = generateKubectlList({ items: 60, seed: 5, mistakeRate: 0.3 });
  const file = assertSameAsOneDocument(text, 'generated dump');
  assert.ok(injectedMistakes > 5);
  assert.ok(file.getDiagnostics().some((d) => d.path.startsWith('items[') && d.message.startsWith('items[')));
  assert.equal(file.lastValidatedChunks, 60);
});

test('Lists from the fixtures, typed Lists and indented items read item by item as they read whole', () => {
  for (const name of [
    'engine/list-of-policies.yaml',
    'rules/TPL003-bad-list.yaml',
    'schemas/valid/npapi__yaml-syntax-yaml-list.yaml',
  ]) {
    assertSameAsOneDocument(readFileSync(join(FIXTURES, name), 'utf8'), name);
  }
  const typed = generateKubectlList({ items: 8, seed: 2, mistakeRate: 0.5 })
    .text.replace('kind: List', 'kind: NetworkPolicyList')
    .replace('apiVersion: v1\n', 'apiVersion: networking.k8s.io/v1\n')
    .replaceAll('- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:', '- metadata:');
  assertSameAsOneDocument(typed, 'typed List');
  const indented = generateKubectlList({ items: 5, seed: 4, mistakeRate: 0.5 })
    .text.split('\n')
    .map((line, index, lines) => (index > 1 && index < lines.length - 4 && line !== '' ? `  ${line}` : line))
    .join('\n');
  assertSameAsOneDocument(indented, 'indented items');
});

function edited(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

test('a keystroke in one item of a 300-item List re-validates that item only', () => {
  const { text } = generateKubectlList({ items: 300, seed: 9 });
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  const before = file.getObjects();
  const offset = text.indexOf('protocol: TCP', text.length >> 1) + 'protocol: TC'.length;
  const edit = { start: offset, end: offset + 1, newText: 'p' };
  const after = edited(text, edit);
  const diagnostics = file.update(after, [edit]);
  assert.equal(file.lastValidatedChunks, 1);
  assert.deepEqual(diagnostics, new ManifestFile(SETTINGS).update(after));
  const item = diagnostics.find((d) => d.code === 'SCH003');
  assert.ok(
    item && after.slice(item.range.start, item.range.end) === 'TCp' && /^items\[\d+\]\.spec/.test(item.path),
  );
  // The other items keep their values, so the workspace sees no change in them.
  const objects = file.getObjects();
  const changed = objects.filter((object, index) => object.value !== before[index].value);
  assert.equal(changed.length, 1);
  // An edit that moves the items after it shifts them and re-validates nothing else.
  const line = after.indexOf('\n', after.indexOf('- apiVersion', 100)) + 1;
  const moved = edited(after, { start: line, end: line, newText: '    # a comment line\n' });
  file.update(moved, [{ start: line, end: line, newText: '    # a comment line\n' }]);
  assert.equal(file.lastValidatedChunks, 1);
  assert.deepEqual(file.getDiagnostics(), new ManifestFile(SETTINGS).update(moved));
});

test('edits that change the List structure lay the document out again and give a full validation', () => {
  const { text } = generateKubectlList({ items: 12, seed: 3, mistakeRate: 0.3 });
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  let current = text;
  const middle = current.indexOf('\n- apiVersion', current.length >> 1) + 1;
  const steps: TextEdit[] = [
    { start: middle, end: middle + 1, newText: '' }, // an item's dash removed: it joins no item
    { start: middle, end: middle, newText: '-' }, // and back
    { start: middle, end: middle, newText: 'extra: 1\n' }, // a List key between the items
    { start: middle, end: middle + 'extra: 1\n'.length, newText: '' },
    { start: middle, end: middle, newText: '- 42\n' }, // an item that is no mapping
    { start: middle, end: middle + 5, newText: '' },
    { start: 0, end: 'apiVersion: v1\n'.length, newText: '' }, // the List's own keys change
    { start: 0, end: 0, newText: 'apiVersion: v1\n' },
    {
      start: current.indexOf('kind: List'),
      end: current.indexOf('kind: List') + 'kind: List'.length,
      newText: 'kind: Lst',
    },
  ];
  for (const edit of steps) {
    current = edited(current, edit);
    const incremental = file.update(current, [edit]);
    assert.deepEqual(incremental, new ManifestFile(SETTINGS).update(current), JSON.stringify(edit));
    assert.deepEqual(file.getObjects(), fresh(current).getObjects());
  }
});

function fresh(text: string): ManifestFile {
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  return file;
}

test('a syntax error in one item is reported in that item, and the other items are still checked', () => {
  const { text } = generateKubectlList({ items: 5, seed: 8, mistakeRate: 0 });
  const broken = text.replace('protocol: UDP', 'protocol: "UDP');
  const diagnostics = fresh(broken).getDiagnostics();
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['YAML001'],
  );
  // A mistake in the next item is still found.
  const parts = broken.split('\n- apiVersion');
  parts[2] = parts[2].replace('  - Ingress\n', '  - ingress\n');
  const codes = fresh(parts.join('\n- apiVersion'))
    .getDiagnostics()
    .map((d) => `${d.code} ${d.path.slice(0, 'items[1]'.length)}`);
  assert.ok(codes.includes('YAML001 items[0]') && codes.includes('SCH003 items[1]'), codes.join(', '));
});
