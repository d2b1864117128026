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
];

export function hostileInput(name: string): HostileInput {
  const input = HOSTILE_INPUTS.find((candidate) => candidate.name === name);
  if (!input) throw new Error(`no hostile input named "${name}"`);
  return input;
}
