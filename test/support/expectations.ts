// Reads the expectations written next to the manifest in a fixture file:
//   `# expect: CODE[, CODE]` at the end of a line means a diagnostic with that code starts on that line;
//   `# expect-next-line: CODE` on a line of its own means the same for the next line.

export interface Expectation {
  /** 1-based line. */
  line: number;
  code: string;
}

const SAME_LINE = /#\s*expect:\s*([A-Z0-9, ]+)\s*$/;
const NEXT_LINE = /^\s*#\s*expect-next-line:\s*([A-Z0-9, ]+)\s*$/;

export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split('\n').forEach((line, index) => {
    const next = NEXT_LINE.exec(line);
    const same = next ? undefined : SAME_LINE.exec(line);
    const match = next ?? same;
    if (!match) return;
    for (const code of match[1].split(/[\s,]+/).filter(Boolean)) {
      expectations.push({ line: index + 1 + (next ? 1 : 0), code });
    }
  });
  return expectations;
}

export function formatExpectations(list: Expectation[]): string[] {
  return list.map((item) => `${item.line}:${item.code}`).sort();
}
