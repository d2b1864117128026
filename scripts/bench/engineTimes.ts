// The engine's own share of a keystroke, measured in this process without LSP: how long
// `ManifestFile.update` takes for the same one-character edits the LSP scenario makes.

import { performance } from 'node:perf_hooks';
import type { Position } from 'vscode-languageserver-protocol';
import { LineIndex, ManifestFile, withDefaults } from '../../src/engine';
import { summarize, type Stats } from './stats';

export function engineEditTimes(text: string, anchor: Position, samples: number): Stats {
  const file = new ManifestFile(withDefaults(undefined));
  file.update(text);
  const offset = new LineIndex(text).offsetAt(anchor) - 1;
  const times: number[] = [];
  let current = text;
  for (let edit = 1; edit <= samples; edit++) {
    const change = { start: offset, end: offset + 1, newText: edit % 2 === 1 ? 'p' : 'P' };
    current = current.slice(0, offset) + change.newText + current.slice(offset + 1);
    const started = performance.now();
    // With the edit, as the language server passes it.
    file.update(current, [change]);
    times.push(performance.now() - started);
  }
  return summarize(times);
}
