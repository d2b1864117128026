// One open file, validated incrementally: the text is cut into `---` chunks and each chunk's result
// is cached by its text, so an edit re-validates only the chunks it touched and the others are
// just shifted to their new offsets.

import type { Diagnostic, QuickFix } from '../types';
import type { EngineSettings } from '../settings';
import { LineIndex } from '../parse/lineIndex';
import { splitDocuments, type DocumentChunk } from '../parse/splitDocuments';
import { validateChunk, type ChunkResult, type ResourceSummary } from '../validate/validateChunk';
import { RULES } from '../rules';
import { applySuppressions, findSuppressions } from './suppressions';

export interface FileResource extends ResourceSummary {
  documentIndex: number;
  /** Offset of the chunk in the file; `range` plus this is the resource's place in the file. */
  chunkStart: number;
}

export class ManifestFile {
  private cache = new Map<string, ChunkResult>();
  private chunks: DocumentChunk[] = [];
  private text = '';
  private lines = new LineIndex('');
  private diagnostics: Diagnostic[] = [];
  private resources: FileResource[] = [];
  /** How many chunks the last update had to validate (the rest came from the cache). */
  lastValidatedChunks = 0;

  constructor(private settings: EngineSettings) {}

  setSettings(settings: EngineSettings): void {
    this.settings = settings;
    this.cache.clear();
    this.update(this.text);
  }

  update(text: string): Diagnostic[] {
    this.text = text;
    this.lines = new LineIndex(text);
    const fileFindings = RULES.flatMap((rule) => {
      const level = this.settings.rules[rule.code];
      if (!rule.checkFile || level === 'off') return [];
      return rule.checkFile(text, this.settings).map((finding): Diagnostic => ({
        range: finding.range,
        severity: level ?? rule.defaultSeverity,
        code: rule.code,
        message: finding.message,
        path: '',
        documentIndex: 0,
      }));
    });
    if (fileFindings.length > 0) {
      this.chunks = [];
      this.cache.clear();
      this.resources = [];
      this.diagnostics = fileFindings;
      return this.diagnostics;
    }

    this.chunks = splitDocuments(text);
    const nextCache = new Map<string, ChunkResult>();
    const diagnostics: Diagnostic[] = [];
    const resources: FileResource[] = [];
    let validated = 0;
    this.chunks.forEach((chunk, documentIndex) => {
      let result = nextCache.get(chunk.text) ?? this.cache.get(chunk.text);
      if (!result) {
        result = validateChunk(chunk.text, this.settings);
        validated++;
      }
      nextCache.set(chunk.text, result);
      for (const diagnostic of result.diagnostics)
        diagnostics.push(shift(diagnostic, chunk.start, documentIndex));
      for (const resource of result.resources)
        resources.push({ ...resource, documentIndex, chunkStart: chunk.start });
    });
    this.cache = nextCache;
    this.lastValidatedChunks = validated;
    this.resources = resources;
    this.diagnostics = applySuppressions(diagnostics, findSuppressions(text, this.lines), this.lines);
    return this.diagnostics;
  }

  getText(): string {
    return this.text;
  }

  getLines(): LineIndex {
    return this.lines;
  }

  getDiagnostics(): Diagnostic[] {
    return this.diagnostics;
  }

  getResources(): FileResource[] {
    return this.resources;
  }

  /** The chunk containing `offset`, for features that work on the document under the cursor. */
  chunkAt(offset: number): { chunk: DocumentChunk; documentIndex: number } | undefined {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.chunks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    const chunk = this.chunks[low];
    return chunk ? { chunk, documentIndex: low } : undefined;
  }
}

function shift(diagnostic: Diagnostic, by: number, documentIndex: number): Diagnostic {
  return {
    ...diagnostic,
    documentIndex,
    range: { start: diagnostic.range.start + by, end: diagnostic.range.end + by },
    fixes: diagnostic.fixes?.map((fix): QuickFix => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + by, end: edit.end + by })),
    })),
  };
}
