// Parses one document chunk with the `yaml` package, keeping node positions, and turns its syntax
// errors into plain records. Offsets are relative to the chunk.

import { parseAllDocuments, type Document } from 'yaml';
import type { OffsetRange } from '../types';

export interface YamlSyntaxError {
  range: OffsetRange;
  message: string;
  yamlCode: string;
}

export interface ParsedYaml {
  document: Document.Parsed;
  errors: YamlSyntaxError[];
}

/** Sanity limit for alias expansion: a "billion laughs" document fails fast instead of exhausting memory. */
export const MAX_ALIAS_COUNT = 200;

export function parseYaml(text: string): ParsedYaml[] {
  const parsed = parseAllDocuments(text, {
    prettyErrors: false,
    uniqueKeys: true,
    // kubectl's YAML reader honours `<<: *anchor` merge keys, so we do too.
    merge: true,
    // Warnings (such as collection keys from unrendered Helm `{{ }}`) must not go to the process' stderr.
    logLevel: 'error',
  });
  if (!Array.isArray(parsed)) return [];
  return parsed.map((document) => ({
    document,
    errors: document.errors.map((error) => ({
      range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      message: cleanMessage(error.message),
      yamlCode: error.code,
    })),
  }));
}

/** The yaml package appends "at line L, column C" and a source excerpt; the editor already shows where. */
function cleanMessage(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
