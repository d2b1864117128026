// A strict JSON parser that keeps where each value is in the text, for checks of JSON embedded in
// manifests (an IAMAuthPolicy's policy document) that point inside it. Linear in the text, and
// nesting is bounded so a hostile document cannot exhaust the stack.

export type JsonNode =
  | { type: 'object'; start: number; end: number; entries: JsonEntry[] }
  | { type: 'array'; start: number; end: number; items: JsonNode[] }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'number'; start: number; end: number; value: number }
  | { type: 'literal'; start: number; end: number; value: boolean | null };

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonError {
  offset: number;
  message: string;
}

const MAX_DEPTH = 100;

export function parseJsonTree(text: string): { root: JsonNode } | { error: JsonError } {
  let at = 0;
  const fail = (message: string, offset = at): never => {
    throw { offset: Math.min(offset, text.length), message } satisfies JsonError;
  };
  const space = () => {
    while (
      at < text.length &&
      (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')
    )
      at++;
  };
  const describe = () => (at >= text.length ? 'the end of the text' : `"${text[at]}"`);

  const string = (): { value: string; start: number; end: number } => {
    const start = at;
    at++; // the opening quote
    let value = '';
    for (;;) {
      if (at >= text.length) fail('unterminated string', start);
      const char = text[at];
      if (char === '"') break;
      if (char < ' ') fail('control character in a string (escape it, e.g. \\n)');
      if (char === '\\') {
        const next = text[at + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (next !== undefined && simple[next] !== undefined) {
          value += simple[next];
          at += 2;
        } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) {
          value += String.fromCharCode(parseInt(text.slice(at + 2, at + 6), 16));
          at += 6;
        } else fail('invalid escape in a string');
        continue;
      }
      value += char;
      at++;
    }
    at++;
    return { value, start, end: at };
  };

  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    space();
    const start = at;
    const char = text[at];
    if (char === '{') {
      at++;
      const entries: JsonEntry[] = [];
      space();
      if (text[at] === '}') return (at++, { type: 'object', start, end: at, entries });
      for (;;) {
        space();
        if (text[at] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        const key = string();
        space();
        if (text[at] !== ':') fail(`expected ":" after the property name, found ${describe()}`);
        at++;
        entries.push({ key: key.value, keyStart: key.start, keyEnd: key.end, value: value(depth + 1) });
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === '}') return (at++, { type: 'object', start, end: at, entries });
        fail(`expected "," or "}" after a property, found ${describe()}`);
      }
    }
    if (char === '[') {
      at++;
      const items: JsonNode[] = [];
      space();
      if (text[at] === ']') return (at++, { type: 'array', start, end: at, items });
      for (;;) {
        items.push(value(depth + 1));
        space();
        if (text[at] === ',') {
          at++;
          continue;
        }
        if (text[at] === ']') return (at++, { type: 'array', start, end: at, items });
        fail(`expected "," or "]" after an item, found ${describe()}`);
      }
    }
    if (char === '"') {
      const parsed = string();
      return { type: 'string', ...parsed };
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (number && number[0] !== '') {
      at += number[0].length;
      return { type: 'number', start, end: at, value: Number(number[0]) };
    }
    for (const [word, literal] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return { type: 'literal', start, end: at, value: literal };
      }
    }
    return fail(`expected a JSON value, found ${describe()}`);
  };

  try {
    const root = value(0);
    space();
    if (at < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    return { root };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'offset' in error)
      return { error: error as JsonError };
    throw error;
  }
}

/** The entry `key` of an object node. */
export function jsonEntry(node: JsonNode | undefined, key: string): JsonEntry | undefined {
  return node?.type === 'object' ? node.entries.find((entry) => entry.key === key) : undefined;
}
