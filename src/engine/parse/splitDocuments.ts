// Cuts a YAML stream into its `---` documents without parsing it, so each document can be parsed,
// validated and cached on its own. In YAML a `---` at column 0 always marks a document
// boundary, even inside a quoted or block scalar, so a line scan is exact. (`...` only ends a
// document; the next one still starts with `---` in every real manifest stream.)

export interface DocumentChunk {
  /** Offset of the chunk's first character in the file. */
  start: number;
  text: string;
}

const MARKER = /^---(?=[ \t\r\n]|$)/;

export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    if (
      text.startsWith('---', lineStart) &&
      MARKER.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 4)))
    ) {
      if (lineStart > chunkStart) chunks.push({ start: chunkStart, text: text.slice(chunkStart, lineStart) });
      chunkStart = lineStart;
    }
    if (newline === -1) break;
    lineStart = lineEnd;
  }
  chunks.push({ start: chunkStart, text: text.slice(chunkStart) });
  return chunks;
}
