// Incremental re-validation must be invisible: after any sequence of edits, a file updated edit by
// edit reports exactly what a fresh validation of the final text reports. Random edits (seeded, so
// a failure replays) over generated multi-document files and the real fixtures, with extra weight
// on the places that are easy to get wrong: `---` markers, newlines, and suppression comments.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex, ManifestFile, Workspace, lintText, withDefaults, type TextEdit } from '../../src/engine';
import { generateNetworkPolicies, seededRandom, type Random } from '../../scripts/bench/generateManifests';
import { generateKubectlList } from '../../scripts/bench/generateList';
import { LspTestClient } from '../support/lspClient';
import { FIXTURES } from '../support/paths';

const SETTINGS = withDefaults(undefined);

/** Snippets an edit may insert: markers, newlines, YAML punctuation, suppression comments, typos. */
const SNIPPETS = [
  '\n',
  '---\n',
  '---',
  '-',
  '\n---\n',
  ' ',
  ':',
  'x',
  'p',
  'TCP',
  '\n  ',
  '# eksnet-disable-next-line SCH003\n',
  '# eksnet-disable NP110\n',
  'kind: NetworkPolicy\n',
  'apiVersion: networking.k8s.io/v1\n',
  '...\n',
  '"',
  '[',
  '- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n',
  '\n- ',
  'items:\n',
  'kind: List\n',
];

function randomOffset(random: Random, text: string): number {
  // Half of the edits land next to a `---` marker, a List item's dash or a line start.
  if (random() < 0.5) {
    const markers = [...text.matchAll(/^(?:---|- |items:|kind: List)/gm)].map((match) => match.index ?? 0);
    const lineStarts = [...text.matchAll(/\n/g)].map((match) => (match.index ?? 0) + 1);
    const anchors = random() < 0.6 && markers.length > 0 ? markers : lineStarts;
    if (anchors.length > 0) {
      const anchor = anchors[Math.floor(random() * anchors.length)];
      return Math.max(0, Math.min(text.length, anchor + Math.floor(random() * 9) - 3));
    }
  }
  return Math.floor(random() * (text.length + 1));
}

function randomEdit(random: Random, text: string): TextEdit {
  const start = randomOffset(random, text);
  const kind = random();
  if (kind < 0.4) return { start, end: start, newText: SNIPPETS[Math.floor(random() * SNIPPETS.length)] };
  const end = Math.min(text.length, start + 1 + Math.floor(random() * (kind < 0.8 ? 4 : 60)));
  if (kind < 0.7) return { start, end, newText: '' };
  if (kind < 0.9) return { start, end, newText: SNIPPETS[Math.floor(random() * SNIPPETS.length)] };
  // Paste a piece of the file somewhere else, as copy and paste does.
  const from = Math.floor(random() * text.length);
  return { start, end: start, newText: text.slice(from, from + Math.floor(random() * 200)) };
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/**
 * What a caller sees from a file: diagnostics, resources, line positions, the chunk lookup, and
 * the text (after an edit the file reads it from its units: it must be the text exactly). With
 * `whole`, the whole text too; the file keeps it then, so the next edit reads the text around it
 * from that string instead of from its units: both ways are checked.
 */
function observable(file: ManifestFile, text: string, whole: boolean) {
  const lines = file.getLines();
  const probes = [0, text.length >> 2, text.length >> 1, text.length - 1, text.length].filter((o) => o >= 0);
  // As the editor reads it: the cross-resource checks over the file's objects as the workspace keeps them.
  const workspace = new Workspace('editor');
  const inWorkspace = file.diagnosticsIn(workspace, 'file:///edited.yaml');
  return {
    inWorkspace,
    workspaceObjects: workspace.objectsOf('file:///edited.yaml'),
    repeated: [...workspace.repeatedIdentities()].sort(),
    length: file.length,
    slices: probes.map((offset) => file.slice(Math.max(0, offset - 30), offset + 30)),
    text: whole ? file.getText() : text,
    diagnostics: file.getDiagnostics(),
    resources: file.getResources(),
    lineCount: lines.lineCount,
    positions: file
      .getDiagnostics()
      .map((d) => [lines.positionAt(d.range.start), lines.positionAt(d.range.end)]),
    lineStarts: Array.from({ length: lines.lineCount }, (_, line) => lines.lineStart(line)),
    units: probes.map((offset) => file.unitAt(offset)),
  };
}

/** Typing inside an indented line (a value or a nested key), as most edits in a List are. */
function typingEdit(random: Random, text: string): TextEdit {
  const lines = [...text.matchAll(/^ {2,}\S.*$/gm)].map((match) => ({
    first: (match.index ?? 0) + match[0].length - match[0].trimStart().length,
    end: (match.index ?? 0) + match[0].length,
  }));
  if (lines.length === 0) return randomEdit(random, text);
  const line = lines[Math.floor(random() * lines.length)];
  const start = Math.min(line.end, line.first + Math.floor(random() * 12));
  const inLine = SNIPPETS.filter((snippet) => !snippet.includes('\n'));
  const snippet = inLine[Math.floor(random() * inLine.length)];
  if (random() < 0.6 || start === line.end)
    return { start, end: start, newText: random() < 0.5 ? 'x' : snippet };
  return { start, end: Math.min(line.end, start + 1 + Math.floor(random() * 3)), newText: '' };
}

function checkRandomEdits(
  name: string,
  initial: string,
  seed: number,
  steps: number,
  makeEdit: (random: Random, text: string) => TextEdit = randomEdit,
): number {
  let itemByItem = 0;
  const random = seededRandom(seed);
  const file = new ManifestFile(SETTINGS);
  file.update(initial);
  let text = initial;
  for (let step = 0; step < steps; step++) {
    // Mostly one edit (typing), sometimes several in one change (multi-cursor, format, undo).
    const count = random() < 0.8 ? 1 : 2 + Math.floor(random() * 3);
    const edits: TextEdit[] = [];
    for (let i = 0; i < count; i++) {
      const edit = makeEdit(random, text);
      edits.push(edit);
      text = apply(text, edit);
    }
    file.update(text, edits);
    if (file.units().some((unit) => unit.itemIndex !== undefined)) itemByItem++;
    const fresh = new ManifestFile(SETTINGS);
    fresh.update(text);
    assert.deepEqual(
      observable(file, text, step % 3 === 0),
      observable(fresh, text, true),
      `${name}, seed ${seed}, step ${step}: edits ${JSON.stringify(edits)} changed the result`,
    );
  }
  return itemByItem;
}

function fixtureFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? fixtureFiles(join(directory, entry.name))
        : entry.name.endsWith('.yaml')
          ? [join(directory, entry.name)]
          : [],
    )
    .sort();
}

/** The fixtures of one folder as one multi-document file, as a GitOps repo concatenation would be. */
function joinedFixtures(folder: string): string {
  return fixtureFiles(join(FIXTURES, folder))
    .map((file) => readFileSync(file, 'utf8'))
    .map((text) => (text.endsWith('\n') ? text : `${text}\n`))
    .map((text) => (text.startsWith('---') ? text : `---\n${text}`))
    .join('');
}

test('random edits to generated NetworkPolicy files give exactly the diagnostics of a full validation', () => {
  for (const seed of [1, 2]) {
    const { text } = generateNetworkPolicies({ documents: 12, seed, mistakeRate: 0.4 });
    checkRandomEdits('generated', text, seed, 80);
  }
});

test('random edits to kubectl List dumps give exactly the diagnostics of a full validation', () => {
  const list = generateKubectlList({ items: 10, seed: 4, mistakeRate: 0.4 }).text;
  checkRandomEdits('List', list, 4, 60);
  // Typing in values and keys: the List stays a List, so this exercises the item-by-item updates.
  const typed = checkRandomEdits('List, typing', list, 5, 120, typingEdit);
  assert.ok(typed > 100, `only ${typed} of 120 steps kept the List item by item`);
  // A List between `---` documents, as a concatenated GitOps folder may hold one.
  const documents = generateNetworkPolicies({ documents: 4, seed: 6, mistakeRate: 0.5 }).text;
  const mixed = `${documents}---\n${generateKubectlList({ items: 6, seed: 6, mistakeRate: 0.5 }).text}${documents}`;
  checkRandomEdits('documents and a List', mixed, 6, 80);
});

for (const folder of ['engine', 'schemas', 'rules']) {
  test(`random edits to the ${folder} fixtures give exactly the diagnostics of a full validation`, () => {
    checkRandomEdits(`fixtures/${folder}`, joinedFixtures(folder), 11, folder === 'rules' ? 30 : 60);
  });
}

test('edits that add, break and remove `---` markers keep the documents and their indexes right', () => {
  const { text } = generateNetworkPolicies({ documents: 6, seed: 5, mistakeRate: 1 });
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  let current = text;
  const second = current.indexOf('\n---', 1) + 1;
  const steps: TextEdit[] = [
    { start: second, end: second + 1, newText: '' }, // `--` is no marker: two documents become one
    { start: second, end: second, newText: '-' }, // and back
    { start: second, end: second, newText: 'x' }, // `x---` is no marker either
    { start: second, end: second + 1, newText: '' },
    { start: second - 1, end: second, newText: '' }, // join the marker to the line before
    { start: second - 1, end: second - 1, newText: '\n' },
    { start: 0, end: 0, newText: 'kind: List\n' }, // text before the first marker is a document
    { start: 0, end: 11, newText: '' },
    { start: 0, end: current.length, newText: '' }, // select all, delete
  ];
  for (const edit of steps) {
    if (edit.end > current.length) edit.end = current.length;
    current = apply(current, edit);
    const incremental = file.update(current, [edit]);
    assert.deepEqual(incremental, new ManifestFile(SETTINGS).update(current), JSON.stringify(edit));
  }
});

test('a one-character edit in a large file re-validates only its own document', () => {
  const { text } = generateNetworkPolicies({ documents: 300, seed: 9 });
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  assert.equal(file.lastValidatedChunks, 300);
  const offset = text.indexOf('protocol: TCP', text.length >> 1) + 'protocol: TC'.length;
  const edit = { start: offset, end: offset + 1, newText: 'p' };
  const edited = apply(text, edit);
  const diagnostics = file.update(edited, [edit]);
  assert.equal(file.lastValidatedChunks, 1);
  assert.deepEqual(diagnostics, new ManifestFile(SETTINGS).update(edited));
  assert.ok(
    diagnostics.some((d) => d.code === 'SCH003' && edited.slice(d.range.start, d.range.end) === 'TCp'),
  );
});

test('edits that do not fit the previous text fall back to a full validation', () => {
  const text = joinedFixtures('engine');
  const file = new ManifestFile(SETTINGS);
  file.update(text);
  const stale = { start: text.length + 5, end: text.length + 9, newText: 'x' };
  const edited = `${text}# a comment\n`;
  assert.deepEqual(file.update(edited, [stale]), new ManifestFile(SETTINGS).update(edited));
  // In range, but not what produced the new text (it is shorter than the edit says).
  const wrong = { start: 0, end: 0, newText: 'kind: NetworkPolicy\n' };
  const replaced = edited.replace('kind: NetworkPolicy', 'kind: networkpolicy');
  assert.deepEqual(file.update(replaced, [wrong]), new ManifestFile(SETTINGS).update(replaced));
});

test('edits sent to the language server over LSP end in the diagnostics of a full validation', async () => {
  const random = seededRandom(21);
  let text = generateNetworkPolicies({ documents: 20, seed: 21, mistakeRate: 0.3 }).text;
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///work/incremental.yaml';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    for (let step = 0; step < 25; step++) {
      // Each change event's range is in the text left by the events before it, as editors send them.
      const changes = [];
      for (let i = 0, count = random() < 0.7 ? 1 : 3; i < count; i++) {
        const edit = randomEdit(random, text);
        const lines = new LineIndex(text);
        changes.push({
          range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) },
          text: edit.newText,
        });
        text = apply(text, edit);
      }
      const version = await client.change(uri, changes);
      const published = await client.waitForVersion(uri, version);
      const lines = new LineIndex(text);
      const expected = lintText(text).map((d) => ({
        code: d.code,
        start: lines.positionAt(d.range.start),
        end: lines.positionAt(d.range.end),
      }));
      const actual = published.map((d) => ({ code: d.code, start: d.range.start, end: d.range.end }));
      assert.deepEqual(actual, expected, `step ${step}: ${JSON.stringify(changes)}`);
    }
  } finally {
    await client.shutdown();
  }
});
