// The ways the fuzzer breaks a manifest: line edits, indentation, tabs, random characters, document
// markers, anchors and aliases, truncation and swapped values. Every case is a pure function of
// (seed, case number), so a finding can be regenerated from those two numbers alone.

/** A small, fast, seedable PRNG (mulberry32); `Math.random` cannot be replayed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, below). */
  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

export interface Mutation {
  name: string;
  apply(text: string, random: Random): string;
}

function splitLines(text: string): string[] {
  return text.split('\n');
}

function joinLines(lines: string[]): string {
  return lines.join('\n');
}

/** Lines holding `key: value` with a non-empty scalar value, as [line index, value start]. */
function valueLines(lines: string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  lines.forEach((line, index) => {
    const match = /^(\s*(?:-\s+)?[^\s#:][^:#]*:[ \t]+)(\S.*)$/.exec(line);
    if (match) found.push([index, match[1].length]);
  });
  return found;
}

/** Characters that tend to upset a YAML parser or an offset computation. */
const NASTY_CHARACTERS = [
  '\0',
  '\t',
  '\r',
  '\r\n',
  '\v',
  '\f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\uFFFD',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
  'é',
  '\u0301',
  ':',
  ': ',
  '- ',
  '? ',
  '#',
  '&',
  '*',
  '!',
  '!!binary ',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '{',
  '}',
  '[',
  ']',
  ',',
  '\\',
  '<<: ',
  '{{ .Values.x }}',
  '~',
  '0x',
  '1e400',
  '.nan',
];

function randomText(random: Random): string {
  const length = 1 + random.int(8);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += random.chance(0.5)
      ? random.pick(NASTY_CHARACTERS)
      : String.fromCharCode(random.chance(0.8) ? random.int(128) : random.int(0x10000));
  }
  return out;
}

function randomLine(lines: string[], random: Random): number {
  return random.int(lines.length);
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'delete-line',
    apply(text, random) {
      const lines = splitLines(text);
      const count = random.chance(0.8) ? 1 : 1 + random.int(5);
      lines.splice(randomLine(lines, random), count);
      return joinLines(lines);
    },
  },
  {
    name: 'duplicate-line',
    apply(text, random) {
      const lines = splitLines(text);
      const start = randomLine(lines, random);
      const block = lines.slice(start, start + (random.chance(0.7) ? 1 : 2 + random.int(6)));
      const repeats = random.chance(0.9) ? 1 : 2 + random.int(20);
      for (let i = 0; i < repeats; i++) lines.splice(start, 0, ...block);
      return joinLines(lines);
    },
  },
  {
    name: 'swap-lines',
    apply(text, random) {
      const lines = splitLines(text);
      const a = randomLine(lines, random);
      const b = random.chance(0.6) ? Math.min(lines.length - 1, a + 1) : randomLine(lines, random);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return joinLines(lines);
    },
  },
  {
    name: 'change-indentation',
    apply(text, random) {
      const lines = splitLines(text);
      const index = randomLine(lines, random);
      const delta = random.pick([-4, -2, -1, 1, 2, 4, 40]);
      const line = lines[index];
      lines[index] = delta > 0 ? ' '.repeat(delta) + line : line.replace(new RegExp(`^ {0,${-delta}}`), '');
      return joinLines(lines);
    },
  },
  {
    name: 'insert-tab',
    apply(text, random) {
      const lines = splitLines(text);
      const index = randomLine(lines, random);
      const line = lines[index];
      const column = random.chance(0.5) ? 0 : random.int(line.length + 1);
      lines[index] = line.slice(0, column) + '\t' + line.slice(column);
      return joinLines(lines);
    },
  },
  {
    name: 'random-characters',
    apply(text, random) {
      const at = random.int(text.length + 1);
      const removed = random.chance(0.3) ? random.int(4) : 0;
      return text.slice(0, at) + randomText(random) + text.slice(at + removed);
    },
  },
  {
    name: 'document-marker',
    apply(text, random) {
      const lines = splitLines(text);
      const marker = random.pick(['---', '--- ', '...', '--- |', '---\n---', '--- # x', '--- !!map']);
      lines.splice(random.int(lines.length + 1), 0, marker);
      return joinLines(lines);
    },
  },
  {
    name: 'anchors-and-aliases',
    apply(text, random) {
      const lines = splitLines(text);
      const values = valueLines(lines);
      if (values.length === 0) return text;
      const [anchorLine, anchorAt] = random.pick(values);
      const name = random.pick(['a', 'b', 'x1', 'very-long-anchor-name']);
      lines[anchorLine] =
        `${lines[anchorLine].slice(0, anchorAt)}&${name} ${lines[anchorLine].slice(anchorAt)}`;
      const [aliasLine, aliasAt] = random.pick(values);
      const alias = random.pick([
        `*${name}`,
        `*${name}`,
        '*undefined',
        `<<: *${name}`,
        `[*${name}, *${name}]`,
      ]);
      lines[aliasLine] = lines[aliasLine].slice(0, aliasAt) + alias;
      return joinLines(lines);
    },
  },
  {
    name: 'truncate',
    apply(text, random) {
      return text.slice(0, random.int(text.length + 1));
    },
  },
  {
    name: 'swap-values',
    apply(text, random) {
      const lines = splitLines(text);
      const values = valueLines(lines);
      if (values.length < 2) return text;
      const [a, aAt] = random.pick(values);
      const [b, bAt] = random.pick(values);
      const aValue = lines[a].slice(aAt);
      const bValue = lines[b].slice(bAt);
      lines[a] = lines[a].slice(0, aAt) + bValue;
      lines[b] = lines[b].slice(0, bAt) + aValue;
      return joinLines(lines);
    },
  },
  {
    // Long blank runs are where backtracking regular expressions go quadratic.
    name: 'blank-run',
    apply(text, random) {
      const at = random.int(text.length + 1);
      const run = (random.chance(0.7) ? ' ' : random.pick(['\t', ' \t'])).repeat(100 + random.int(3000));
      return text.slice(0, at) + run + text.slice(at);
    },
  },
  {
    name: 'suppression-comment',
    apply(text, random) {
      const lines = splitLines(text);
      const codes = random.pick([
        '',
        ' SCH003',
        ' NP101, SCH001',
        ' all',
        ' SCH003 !',
        ',,,',
        ' ' + ' '.repeat(random.int(200)),
      ]);
      const comment =
        random.pick(['# eksnet-disable-next-line', '# eksnet-disable', '#eksnet-disable-next-line']) + codes;
      const index = random.int(lines.length + 1);
      if (random.chance(0.3) && index < lines.length) lines[index] += ' ' + comment;
      else lines.splice(index, 0, comment);
      return joinLines(lines);
    },
  },
  {
    // Around the engine's nesting limit (100 levels) and past it.
    name: 'nest-value',
    apply(text, random) {
      const lines = splitLines(text);
      const values = valueLines(lines);
      if (values.length === 0) return text;
      const [line, at] = random.pick(values);
      const depth = 1 + random.int(random.chance(0.5) ? 20 : 150);
      const open = random.pick(['[', '{a: ', '[{b: ']);
      const close = open === '[' ? ']' : open === '{a: ' ? '}' : '}]';
      const closed = random.chance(0.8);
      lines[line] =
        lines[line].slice(0, at) +
        open.repeat(depth) +
        lines[line].slice(at) +
        (closed ? close.repeat(depth) : '');
      return joinLines(lines);
    },
  },
  {
    name: 'repeat-document',
    apply(text, random) {
      const copies = 2 + random.int(4);
      return Array.from({ length: copies }, () => text).join(random.chance(0.8) ? '\n---\n' : '\n');
    },
  },
  {
    name: 'helm-template',
    apply(text, random) {
      const lines = splitLines(text);
      const template = random.pick([
        '{{- if .Values.networkPolicy.enabled }}',
        '{{- end }}',
        '  {{- toYaml .Values.podSelector | nindent 4 }}',
        'name: {{ include "chart.fullname" . }}',
        '{{ .Values.x }}: {{ .Values.y }}',
      ]);
      lines.splice(random.int(lines.length + 1), 0, template);
      return joinLines(lines);
    },
  },
  {
    name: 'crlf-line-ends',
    apply(text, random) {
      return random.chance(0.5) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r');
    },
  },
  {
    name: 'byte-order-mark',
    apply(text, random) {
      return random.chance(0.7) ? '\uFEFF' + text : text.replace(/\n---/, '\n\uFEFF---');
    },
  },
];

export interface FuzzCase {
  seedName: string;
  mutations: string[];
  text: string;
}

export interface SeedFile {
  name: string;
  text: string;
}

/** Derives case `index` of a run from the run's seed: which file, which mutations, in which order. */
export function generateCase(seeds: readonly SeedFile[], runSeed: number, index: number): FuzzCase {
  const random = new Random(Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  const seed = seeds[index % seeds.length];
  const count = 1 + (random.chance(0.5) ? 0 : random.int(4));
  let text = seed.text;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const mutation = random.pick(MUTATIONS);
    text = mutation.apply(text, random);
    names.push(mutation.name);
  }
  return { seedName: seed.name, mutations: names, text };
}
