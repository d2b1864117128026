// Test helper: a manifest with a `‸` marking the cursor, split into text and offset.

export const CURSOR = '‸';

export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset === -1) throw new Error('the test text has no ‸ cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}
