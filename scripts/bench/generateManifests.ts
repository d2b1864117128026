// Deterministic multi-document NetworkPolicy files for the benchmark and the incremental-validation
// test: realistic policies (selectors, ipBlock with except, named and numbered ports, egress to DNS,
// kubectl-style metadata) with a few known mistakes mixed in. The same seed always gives the same text.

/** A small seeded PRNG (mulberry32): fast, and stable across Node versions, unlike Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

const APPS = [
  'frontend',
  'checkout',
  'payments',
  'catalog',
  'search',
  'cart',
  'auth',
  'orders',
  'redis',
  'db',
];
const NAMESPACES = ['prod', 'staging', 'shop', 'platform', 'monitoring', 'data', 'edge', 'batch'];
const TIERS = ['web', 'api', 'cache', 'backend', 'worker'];
const NAMED_PORTS = ['http', 'https', 'grpc', 'metrics'];

/** The mistakes a generated document may carry, each caught by a rule with a known code. */
export const INJECTED_MISTAKES = [
  { name: 'lowercase protocol', code: 'SCH003' },
  { name: 'misspelled podSelector', code: 'SCH001' },
  { name: 'CIDR prefix too long', code: 'NP110' },
  { name: 'wrong policy type case', code: 'SCH003' },
] as const;

export interface GeneratedFile {
  text: string;
  documentCount: number;
  /** How many documents carry one injected mistake. */
  injectedMistakes: number;
}

export interface GenerateOptions {
  documents: number;
  seed?: number;
  /** Share of documents with one injected mistake (default 0.04). */
  mistakeRate?: number;
  /** Documents that must stay free of mistakes (the benchmark edits them). */
  clean?: ReadonlySet<number>;
}

export function generateNetworkPolicies(options: GenerateOptions): GeneratedFile {
  const random = seededRandom(options.seed ?? 7);
  const rate = options.mistakeRate ?? 0.04;
  const parts: string[] = [];
  let injected = 0;
  for (let index = 0; index < options.documents; index++) {
    const mistake =
      !options.clean?.has(index) && random() < rate ? pick(random, INJECTED_MISTAKES).name : undefined;
    if (mistake) injected++;
    parts.push(networkPolicy(random, index, mistake));
  }
  return { text: parts.join(''), documentCount: options.documents, injectedMistakes: injected };
}

function labels(random: Random, indent: string, app: string): string {
  let out = `${indent}app: ${app}\n`;
  if (random() < 0.6) out += `${indent}tier: ${pick(random, TIERS)}\n`;
  if (random() < 0.3) out += `${indent}app.kubernetes.io/part-of: shop\n`;
  return out;
}

/** One or two different tiers for a `matchExpressions` `In` list. */
function tierValues(random: Random, indent: string): string {
  const first = Math.floor(random() * TIERS.length);
  const values = [TIERS[first]];
  if (random() < 0.7)
    values.push(TIERS[(first + 1 + Math.floor(random() * (TIERS.length - 1))) % TIERS.length]);
  return values.map((value) => `${indent}- ${value}\n`).join('');
}

/** A /16 block with `except` entries inside it, as a correct policy writes them. */
function ipBlock(random: Random, indent: string, prefix = 16): string {
  const second = between(random, 0, 255);
  let out = `${indent}- ipBlock:\n${indent}    cidr: 10.${second}.0.0/${prefix}\n`;
  const excepts = between(random, 0, 2);
  if (excepts > 0) out += `${indent}    except:\n`;
  for (let i = 0; i < excepts; i++) out += `${indent}    - 10.${second}.${between(random, 0, 255)}.0/24\n`;
  return out;
}

/** Named ports only where the peers are pods: the EKS agent cannot resolve them for ipBlock peers. */
function ports(random: Random, indent: string, mistake: string | undefined, namedPorts = false): string {
  const protocol = mistake === 'lowercase protocol' ? 'tcp' : 'TCP';
  let out = `${indent}ports:\n${indent}- protocol: ${protocol}\n${indent}  port: ${between(random, 80, 9999)}\n`;
  if (namedPorts && random() < 0.4)
    out += `${indent}- protocol: TCP\n${indent}  port: ${pick(random, NAMED_PORTS)}\n`;
  if (random() < 0.2) {
    const start = between(random, 30000, 31000);
    out += `${indent}- protocol: UDP\n${indent}  port: ${start}\n${indent}  endPort: ${start + between(random, 1, 50)}\n`;
  }
  return out;
}

/** The fields `kubectl get -o yaml` adds, as in a dump of a live cluster. */
function serverFields(random: Random): string {
  const hex = (length: number): string =>
    Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  return `  creationTimestamp: "2026-0${between(random, 1, 9)}-1${between(random, 0, 9)}T0${between(random, 0, 9)}:12:44Z"
  generation: ${between(random, 1, 9)}
  resourceVersion: "${between(random, 100000, 999999)}"
  uid: ${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}
`;
}

function networkPolicy(random: Random, index: number, mistake: string | undefined): string {
  const app = pick(random, APPS);
  const namespace = pick(random, NAMESPACES);
  const peerApp = pick(random, APPS);
  const selectorKey = mistake === 'misspelled podSelector' ? 'podSelecter' : 'podSelector';
  const ingressType = mistake === 'wrong policy type case' ? 'ingress' : 'Ingress';
  const blockPrefix = mistake === 'CIDR prefix too long' ? 33 : 16;
  let text = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app}-allow-${peerApp}-${index}
  namespace: ${namespace}
${random() < 0.6 ? serverFields(random) : ''}  labels:
${labels(random, '    ', app)}  annotations:
    owner: team-${pick(random, NAMESPACES)}
    description: Allows ${peerApp} to reach ${app} in ${namespace}; egress to DNS and the ${pick(random, TIERS)} tier.
spec:
  ${selectorKey}:
    matchLabels:
${labels(random, '      ', app)}  policyTypes:
  - ${ingressType}
  - Egress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app: ${peerApp}
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ${pick(random, NAMESPACES)}
      podSelector:
        matchExpressions:
        - key: tier
          operator: In
          values:
${tierValues(random, '          ')}${ports(random, '    ', mistake, true)}  - from:
${ipBlock(random, '    ', blockPrefix)}${ports(random, '    ', undefined)}  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
  - to:
${ipBlock(random, '    ')}`;
  text += ports(random, '    ', undefined);
  return text;
}
