// Rule examples are whole manifest files, written indented in the rule's source: `manifest` strips
// the common indentation and the first line break, so the docs and SARIF show the file as it is.

export function manifest(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce(
    (text, part, index) => text + part + (index < values.length ? String(values[index]) : ''),
    '',
  );
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => line.length - line.trimStart().length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return `${lines.map((line) => line.slice(cut)).join('\n')}\n`;
}
