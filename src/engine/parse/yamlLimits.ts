// What the YAML reader refuses to expand, shared by the parse and the conversion to plain data.

import type { OffsetRange } from '../types';

export interface YamlSyntaxError {
  range: OffsetRange;
  message: string;
  yamlCode: string;
}

/**
 * Real manifests nest about 10 levels (20 with managedFields). Deeper documents are not converted
 * or checked: converting a mapping whose keys are deep collections stringifies every key at every
 * level, which took minutes for a few hundred unclosed `[{` in a row.
 */
export const MAX_NESTING_DEPTH = 100;

/** The parser reports running out of stack as "Maximum call stack size exceeded"; say what it means. */
export const TOO_DEEP_MESSAGE = 'nesting is too deep to read; no real manifest nests this far';
