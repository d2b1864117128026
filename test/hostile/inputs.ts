// Hostile and broken YAML, built in code (a 50 MB fixture does not belong in git). Each input is a
// NetworkPolicy so the engine cannot skip it as "not ours" and must really parse it.

export const POLICY_HEAD =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: hostile\n';

/** A policy with one mistake (`protocol: tcp`, line 10) to check positions in re-encoded variants. */
export const POLICY_WITH_ONE_MISTAKE =
  POLICY_HEAD +
  'spec:\n' +
  '  podSelector: {}\n' +
  '  ingress:\n' +
  '  - ports:\n' +
  '    - protocol: tcp\n' +
  '      port: 80\n';

/** What `kubectl get networkpolicy -A -o yaml` prints: one List document holding every policy. */
export function kubectlList(items: number): string {
  const item =
    '- apiVersion: networking.k8s.io/v1\n' +
    '  kind: NetworkPolicy\n' +
    '  metadata:\n' +
    '    name: allow-frontend-NUMBER\n' +
    '    namespace: shop\n' +
    '  spec:\n' +
    '    podSelector:\n' +
    '      matchLabels:\n' +
    '        app: web\n' +
    '    policyTypes: [Ingress]\n' +
    '    ingress:\n' +
    '    - from:\n' +
    '      - podSelector:\n' +
    '          matchLabels:\n' +
    '            role: frontend\n' +
    '      ports:\n' +
    '      - protocol: TCP\n' +
    '        port: 80\n';
  // Names differ, as in a real dump (two objects with one name would be a duplicate).
  const listed = Array.from({ length: items }, (_, index) => item.replace('NUMBER', String(index)));
  return 'apiVersion: v1\nkind: List\nitems:\n' + listed.join('');
}

export interface HostileInput {
  name: string;
  build(): string;
  /** Engine settings for the case (for example a raised size limit). */
  settings?: { maxFileSizeMB?: number };
}

/** Nine levels of nine aliases each: 9^9 (387 million) nodes if anything expands it. */
function aliasBomb(): string {
  let text = POLICY_HEAD + 'x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let level = 1; level <= 9; level++) {
    text += `x${level}: &x${level} [${Array(9)
      .fill(`*x${level - 1}`)
      .join(', ')}]\n`;
  }
  return text + 'spec:\n  podSelector:\n    matchLabels: *x9\n';
}

const DEPTH = 10_000;

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  { name: 'alias bomb (billion laughs)', build: aliasBomb },
  {
    name: '10,000-deep block sequences',
    build: () => POLICY_HEAD + 'spec:\n  podSelector: {}\n  ingress:\n  ' + '- '.repeat(DEPTH) + 'x\n',
  },
  {
    // Each level indents one more space: 10,000 levels are 50 MB, so the size limit is raised to reach the parser.
    name: '10,000-deep block mappings',
    build: () => {
      const lines = [POLICY_HEAD + 'spec:'];
      for (let level = 1; level <= DEPTH; level++) lines.push(' '.repeat(level) + 'k:');
      return lines.join('\n') + '\n';
    },
    settings: { maxFileSizeMB: 64 },
  },
  {
    name: '10,000-deep flow sequences',
    build: () => POLICY_HEAD + 'spec:\n  ingress: ' + '['.repeat(DEPTH) + ']'.repeat(DEPTH) + '\n',
  },
  {
    name: '10,000-deep flow mappings',
    build: () =>
      POLICY_HEAD + 'spec:\n  podSelector: ' + '{a: '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH) + '\n',
  },
  {
    name: '10,000 unclosed flow brackets',
    build: () => POLICY_HEAD + 'spec:\n  ingress: ' + '[{'.repeat(DEPTH / 2) + '\n',
  },
  {
    name: '50 MB file',
    build: () => {
      const document = POLICY_WITH_ONE_MISTAKE + '---\n';
      return document.repeat(Math.ceil((50 * 1024 * 1024) / document.length));
    },
  },
  {
    name: '1 MB value on one line',
    build: () =>
      POLICY_HEAD + 'spec:\n  podSelector:\n    matchLabels:\n      app: ' + 'x'.repeat(1 << 20) + '\n',
  },
  {
    name: '1 MB key on one line',
    build: () => POLICY_HEAD + 'spec:\n  ' + 'k'.repeat(1 << 20) + ': 1\n',
  },
  {
    name: '1 MB of spaces inside a line',
    build: () => POLICY_HEAD + 'spec:\n  podSelector:' + ' '.repeat(1 << 20) + 'x\n',
  },
  {
    // No colon after the blanks: a key being typed, as completion and hover see it.
    name: '1 MB of spaces inside a key being typed',
    build: () => POLICY_HEAD + 'spec:\n  a' + ' '.repeat(1 << 20) + 'x\n',
  },
  {
    name: 'disable comment followed by 100,000 spaces',
    build: () =>
      POLICY_HEAD + '# eksnet-disable-next-line' + ' '.repeat(100_000) + 'x\nspec:\n  podSelector: {}\n',
  },
  {
    name: '1 MB comment line',
    build: () => POLICY_HEAD + '#' + ' eksnet-disable'.repeat(1 << 16) + '\nspec:\n  podSelector: {}\n',
  },
  {
    name: 'suppression comment followed by 100,000 spaces',
    build: () => POLICY_HEAD + '# eksnet-disable' + ' '.repeat(100_000) + '!\nspec:\n  podSelector: {}\n',
  },
  {
    name: '30,000 suppression comments in a row',
    build: () =>
      POLICY_HEAD + '# eksnet-disable-next-line SCH001\n'.repeat(30_000) + 'spec:\n  podSelector: {}\n',
  },
  {
    name: 'NUL bytes',
    build: () => POLICY_WITH_ONE_MISTAKE.replace('name: hostile', 'name: host\0ile') + '\0\0\0\n',
  },
  {
    // What a UTF-8 decoder makes of bytes that are not UTF-8: replacement characters.
    name: 'invalid UTF-8',
    build: () =>
      Buffer.concat([
        Buffer.from(POLICY_WITH_ONE_MISTAKE),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]),
      ]).toString('utf8'),
  },
  {
    name: 'lone UTF-16 surrogates',
    build: () => POLICY_WITH_ONE_MISTAKE.replace('name: hostile', 'name: host\uD800ile\uDC00'),
  },
  { name: 'byte order mark', build: () => '\uFEFF' + POLICY_WITH_ONE_MISTAKE },
  { name: 'CRLF line ends', build: () => POLICY_WITH_ONE_MISTAKE.replace(/\n/g, '\r\n') },
  {
    name: 'byte order mark and CRLF line ends',
    build: () => '\uFEFF' + POLICY_WITH_ONE_MISTAKE.replace(/\n/g, '\r\n'),
  },
  { name: 'alias amplification (150 aliases of 1,000 ipBlocks)', build: () => aliasAmplification(150) },
  { name: 'alias amplification (700 aliases of 1,000 ipBlocks)', build: () => aliasAmplification(700) },
  {
    name: '10,000 anchors, each aliased once',
    build: () =>
      POLICY_HEAD +
      'spec:\n  podSelector: {}\nx:\n' +
      Array.from({ length: 10_000 }, (_, i) => `  a${i}: &a${i} x\n  b${i}: *a${i}\n`).join(''),
  },
];

export function hostileInput(name: string): HostileInput {
  const input = HOSTILE_INPUTS.find((candidate) => candidate.name === name);
  if (!input) throw new Error(`no hostile input named "${name}"`);
  return input;
}

const SGP_HEAD =
  'apiVersion: vpcresources.k8s.aws/v1beta1\nkind: SecurityGroupPolicy\nmetadata:\n  name: hostile\n';

/** `from: &f` with 1,000 ipBlocks, then `uses` rules that repeat it: 43 KB expands to 600,000 values. */
export function aliasAmplification(uses: number): string {
  let text = POLICY_HEAD + 'spec:\n  podSelector: {}\n  ingress:\n  - from: &f\n';
  for (let i = 0; i < 1000; i++) text += `    - ipBlock:\n        cidr: 10.${i >> 8}.${i & 255}.0/24\n`;
  return text + '  - from: *f\n'.repeat(uses);
}

export interface SuperLinearInput {
  name: string;
  build(): string;
  /** Where completion and hover are asked (and a character typed): the place that was slow. */
  cursor(text: string): number;
}

const lines = (count: number, line: (i: number) => string): string =>
  Array.from({ length: count }, (_, i) => line(i)).join('');

/**
 * Inputs on which some code was quadratic (seconds to minutes per keystroke), plus 40,000 duplicate
 * keys, which the engine now finds itself and must find in one pass: each must cost a bounded
 * multiple of what the `yaml` package needs just to parse it.
 */
export const SUPER_LINEAR_INPUTS: readonly SuperLinearInput[] = [
  {
    name: 'a syntax error followed by 50,000 newlines',
    build: () => '# NetworkPolicy\na: [' + '\n'.repeat(50_000),
    cursor: (text) => text.length,
  },
  {
    name: 'a label value of 50,000 "${"',
    build: () =>
      POLICY_HEAD + 'spec:\n  podSelector:\n    matchLabels:\n      app: ' + '${'.repeat(50_000) + '\n',
    cursor: (text) => text.length - 1,
  },
  {
    name: 'a label value of 50,000 unclosed "{{"',
    build: () =>
      POLICY_HEAD + 'spec:\n  podSelector:\n    matchLabels:\n      app: x' + ' {{'.repeat(50_000) + '\n',
    cursor: (text) => text.length - 1,
  },
  {
    name: 'policyTypes: [ with 100,000 letters, completed at the end of the line',
    build: () => POLICY_HEAD + 'spec:\n  podSelector: {}\n  policyTypes: [' + 'a'.repeat(100_000) + ' b',
    cursor: (text) => text.length,
  },
  {
    // The issue's 20,000 keys cost 8 times the parse; three times as many make the square stand out.
    name: '60,000 matchLabels keys',
    build: () =>
      POLICY_HEAD +
      'spec:\n  podSelector:\n    matchLabels:\n' +
      lines(60_000, (i) => `      k${i}: v\n`) +
      '      ',
    cursor: (text) => text.length,
  },
  {
    name: 'a Deployment with 60,000 pod labels and a policy completing them',
    build: () =>
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: wide\nspec:\n  template:\n    metadata:\n      labels:\n' +
      lines(60_000, (i) => `        k${i}: v${i}\n`) +
      '---\n' +
      POLICY_HEAD +
      'spec:\n  podSelector:\n    matchLabels:\n' +
      lines(60_000, (i) => `      k${i}: v${i}\n`) +
      '      k1',
    cursor: (text) => text.length,
  },
  {
    name: '20,000 lines of "groupIds: {{ a" in a block scalar',
    build: () => SGP_HEAD + 'spec:\n  podSelector: {}\n  note: |\n' + '    groupIds: {{ a\n'.repeat(20_000),
    cursor: (text) => text.length - 1,
  },
  {
    name: '20,000 "matchLabels:" lines each followed by an unclosed include of .labels',
    build: () =>
      POLICY_HEAD + 'spec:\n  note: |\n' + '    matchLabels:\n    {{ include "a.labels"\n'.repeat(20_000),
    cursor: (text) => text.length - 1,
  },
  {
    name: '200,000 items of a list written without indentation',
    build: () => POLICY_HEAD + 'spec:\n  podSelector: {}\n  ingress:\n' + '  - {}\n'.repeat(200_000) + '  - ',
    cursor: (text) => text.length,
  },
  {
    name: '8,000 unknown fields',
    build: () => POLICY_HEAD + 'spec:\n  podSelector: {}\n' + lines(8_000, (i) => `  unknown${i}: 1\n`),
    cursor: (text) => text.length - 1,
  },
  {
    name: '16,000 invalid label keys and values',
    build: () =>
      POLICY_HEAD +
      'spec:\n  podSelector:\n    matchLabels:\n' +
      lines(16_000, (i) => `      "bad key ${i}": "bad value!"\n`),
    cursor: (text) => text.length - 1,
  },
  {
    name: '20,000 anchors, each aliased once',
    build: () =>
      POLICY_HEAD +
      'spec:\n  podSelector: {}\nx:\n' +
      lines(20_000, (i) => `  a${i}: &a${i} x\n  b${i}: *a${i}\n`),
    cursor: (text) => text.length - 1,
  },
  {
    name: '40,000 duplicate keys',
    build: () => POLICY_HEAD + 'spec:\n  podSelector: {}\n' + '  same: 1\n'.repeat(40_000),
    cursor: (text) => text.length - 1,
  },
];
