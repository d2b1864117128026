// The server's open documents keep their text in pieces (src/server/document.ts). Whatever edits
// they are given, they must answer exactly as the protocol library's TextDocument made from the
// final text does: text, ranges, positions and line breaks (`\n`, `\r\n` and a lone `\r`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';
import { OpenDocument } from '../../src/server/document';
import { EditJournal } from '../../src/server/state';
import { seededRandom, type Random } from '../../scripts/bench/generateManifests';

const SNIPPETS = ['\n', '\r\n', '\r', 'a', 'bc', ' ', 'line\nline\n', '\r\r\n\n', 'x\ry', '---\n', ''];

function randomText(random: Random, length: number): string {
  let text = '';
  while (text.length < length) text += SNIPPETS[Math.floor(random() * SNIPPETS.length)];
  return text;
}

function randomPosition(random: Random, reference: TextDocument): Position {
  // Sometimes past the last line or the end of a line: both are clamped.
  const line = Math.floor(random() * (reference.lineCount + 1));
  return { line, character: Math.floor(random() * 12) };
}

/** Every answer of `document` against a fresh TextDocument of the same text. */
function assertSame(document: OpenDocument, text: string, context: string): void {
  const reference = TextDocument.create('file:///reference.yaml', 'yaml', 1, text);
  assert.equal(document.getText(), text, `${context}: text`);
  assert.equal(document.length, text.length, `${context}: length`);
  assert.equal(document.lineCount, reference.lineCount, `${context}: line count`);
  for (let offset = -1; offset <= text.length + 1; offset++)
    assert.deepEqual(
      document.positionAt(offset),
      reference.positionAt(offset),
      `${context}: positionAt(${offset})`,
    );
  for (let line = -1; line <= reference.lineCount; line++) {
    assert.deepEqual(
      document.getLineRange(line),
      reference.getLineRange(line),
      `${context}: line range ${line}`,
    );
    assert.equal(
      document.getEOLCharacters(line),
      reference.getEOLCharacters(line),
      `${context}: EOL ${line}`,
    );
    for (let character = -1; character <= 10; character++) {
      const position = { line, character };
      assert.equal(
        document.offsetAt(position),
        reference.offsetAt(position),
        `${context}: offsetAt(${line}:${character})`,
      );
    }
  }
}

test('an open document edited at random answers as a TextDocument made from its final text', () => {
  for (const seed of [1, 2, 3, 4]) {
    const random = seededRandom(seed);
    let text = randomText(random, 60);
    // Pieces of 8 characters, so that edits fall across pieces and empty them.
    const document = new OpenDocument('file:///edited.yaml', 'yaml', 1, text, 8);
    // The same edits through the library's own update, for what it replaces.
    const library = TextDocument.create('file:///library.yaml', 'yaml', 1, text);
    for (let step = 0; step < 150; step++) {
      const range = { start: randomPosition(random, library), end: randomPosition(random, library) };
      const change = { range, text: random() < 0.3 ? '' : randomText(random, Math.floor(random() * 30)) };
      const start = library.offsetAt(range.start);
      const end = library.offsetAt(range.end);
      const replaced = document.apply(change);
      assert.deepEqual(replaced, {
        start: Math.min(start, end),
        end: Math.max(start, end),
        newText: change.text,
      });
      TextDocument.update(library, [change], step + 2);
      text = library.getText();
      // Reading the whole text keeps it until the next change: check both ways.
      if (step % 5 === 0) assertSame(document, text, `seed ${seed}, step ${step}`);
      else assert.equal(document.getText(range), library.getText(range), `seed ${seed}, step ${step}: range`);
    }
    assertSame(document, text, `seed ${seed}, end`);
    document.apply({ text: 'whole\r\nnew text' });
    assertSame(document, 'whole\r\nnew text', `seed ${seed}, whole-text change`);
  }
});

test('a document emptied and written again, and edits at its ends', () => {
  const document = new OpenDocument('file:///e.yaml', 'yaml', 1, 'abc\ndef\n', 4);
  document.apply({ range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, text: '' });
  assertSame(document, '', 'emptied');
  document.apply({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    text: 'a\r',
  });
  assertSame(document, 'a\r', 'written again');
  // A `\n` after a lone `\r` makes one line break of the two.
  document.apply({
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    text: '\nb',
  });
  assertSame(document, 'a\r\nb', 'CRLF joined across the edit');
  // Past the end of a line means before its line break.
  document.apply({ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 9 } }, text: '!' });
  assertSame(document, 'a!\r\nb', 'inserted before the line break');
  document.apply({ range: { start: { line: 0, character: 2 }, end: { line: 1, character: 0 } }, text: '\n' });
  assertSame(document, 'a!\nb', 'a CRLF replaced by a LF');
});

test('the journal hands the engine each change in the offsets of the text before it', () => {
  const journal = new EditJournal();
  const document = journal.create('file:///j.yaml', 'yaml', 1, 'one\ntwo\n');
  journal.update(
    document,
    [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' },
      { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '!' },
    ],
    2,
  );
  assert.equal(document.version, 2);
  assert.equal(document.getText(), 'one!\nTWO\n');
  assert.deepEqual(journal.take('file:///j.yaml', 1), [
    { start: 4, end: 7, newText: 'TWO' },
    { start: 3, end: 3, newText: '!' },
  ]);
  // A change of the whole text leaves no edits to follow.
  journal.update(document, [{ text: 'three\n' }], 3);
  assert.equal(journal.take('file:///j.yaml', 2), undefined);
  assert.equal(document.getText(), 'three\n');
});
