// What "Explain" gives for one resource, and its notes section. The notes are the resource's
// semantic findings (the same diagnostics `eksnet lint` and the editor report inside its lines,
// with the same settings), rendered in words; Explain never judges a manifest on its own.

import type { Severity } from '../../types';
import { appendAll } from '../../util/arrays';

export interface ExplainNote {
  code: string;
  severity: Severity;
  message: string;
}

export interface Explanation {
  /** `NetworkPolicy shop/allow-frontend`. */
  title: string;
  /** A few lines: what is selected and the state of each direction (hover on `kind:`). */
  summary: string[];
  /** The whole explanation as Markdown that also reads well as plain text. */
  text: string;
  /** The findings it lists in its notes. */
  notes: readonly ExplainNote[];
}

/** An explanation before its notes are added (explainResource adds them). */
export type ExplanationBody = Omit<Explanation, 'notes'>;

const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** `## Notes` with one line per finding, or nothing when lint has nothing to say. */
export function notesSection(notes: readonly ExplainNote[]): string[] {
  if (notes.length === 0) return [];
  return ['', '## Notes'].concat(
    notes.map((note) => `- ${SEVERITY_WORD[note.severity]} (${note.code}): ${note.message}`),
  );
}

/** `# Title`, the body parts (each a list of lines, separated by a blank line), notes, then remarks. */
export function assemble(
  title: string,
  parts: readonly (readonly string[])[],
  notes: readonly ExplainNote[],
  remarks: { heading: string; lines: readonly string[] }[],
): string {
  const lines = [`# ${title}`];
  for (const part of parts) {
    lines.push('');
    appendAll(lines, part);
  }
  appendAll(lines, notesSection(notes));
  for (const { heading, lines: items } of remarks) {
    if (items.length === 0) continue;
    lines.push('', `## ${heading}`);
    appendAll(
      lines,
      items.map((item) => `- ${item}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
