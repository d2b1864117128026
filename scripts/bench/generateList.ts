// A deterministic `kubectl get networkpolicy -A -o yaml` dump: one `kind: List` document whose
// items are printed the way kubectl prints them (keys sorted, sequences not indented under their
// key, timestamps and resource versions quoted, `{}` for empty selectors), with the metadata a live
// cluster adds: the last-applied-configuration annotation as a `|` literal holding one JSON line,
// and managedFields (shown by kubectl before 1.21, and with --show-managed-fields). About 4% of the
// items carry one mistake. The same seed always gives the same text.

import { seededRandom, type Random } from './generateManifests';

export interface GeneratedList {
  text: string;
  items: number;
  injectedMistakes: number;
}

export interface ListOptions {
  items: number;
  seed?: number;
  mistakeRate?: number;
  /** Items that must stay free of mistakes (the benchmark edits them). */
  clean?: ReadonlySet<number>;
}

const APPS = ['frontend', 'checkout', 'payments', 'catalog', 'search', 'cart', 'auth', 'orders', 'redis'];
const NAMESPACES = ['prod', 'staging', 'shop', 'platform', 'monitoring', 'data', 'edge', 'batch'];
const MISTAKES = ['lowercase protocol', 'misspelled podSelector', 'CIDR prefix too long'] as const;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

export function generateKubectlList(options: ListOptions): GeneratedList {
  const random = seededRandom(options.seed ?? 11);
  const rate = options.mistakeRate ?? 0.04;
  let injected = 0;
  const items: string[] = [];
  for (let index = 0; index < options.items; index++) {
    const mistake = !options.clean?.has(index) && random() < rate ? pick(random, MISTAKES) : undefined;
    if (mistake) injected++;
    items.push(item(random, index, mistake));
  }
  const text = `apiVersion: v1\nitems:\n${items.join('')}kind: List\nmetadata:\n  resourceVersion: ""\n`;
  return { text, items: options.items, injectedMistakes: injected };
}

interface Policy {
  name: string;
  namespace: string;
  app: string;
  peer: string;
  port: number;
  cidr: string;
  mistake?: (typeof MISTAKES)[number];
}

function item(random: Random, index: number, mistake: Policy['mistake']): string {
  const app = pick(random, APPS);
  const policy: Policy = {
    name: `${app}-allow-${index}`,
    namespace: pick(random, NAMESPACES),
    app,
    peer: pick(random, APPS),
    port: between(random, 80, 9999),
    cidr: `10.${between(random, 0, 255)}.0.0/${mistake === 'CIDR prefix too long' ? 33 : 16}`,
    mistake,
  };
  const time = `2025-0${between(random, 1, 9)}-1${between(random, 0, 9)}T0${between(random, 0, 9)}:${between(random, 10, 59)}:44Z`;
  const hex = (length: number): string =>
    Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  const lastApplied = random() < 0.7;
  return `- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
${lastApplied ? annotations(policy) : ''}    creationTimestamp: "${time}"
    generation: ${between(random, 1, 5)}
    managedFields:
    - apiVersion: networking.k8s.io/v1
      fieldsType: FieldsV1
      fieldsV1:
        f:metadata:
${lastApplied ? '          f:annotations:\n            .: {}\n            f:kubectl.kubernetes.io/last-applied-configuration: {}\n' : ''}          f:labels:
            .: {}
            f:app: {}
        f:spec:
          f:egress: {}
          f:ingress: {}
          f:podSelector: {}
          f:policyTypes: {}
      manager: ${lastApplied ? 'kubectl-client-side-apply' : 'argocd-controller'}
      operation: Update
      time: "${time}"
    labels:
      app: ${policy.app}
    name: ${policy.name}
    namespace: ${policy.namespace}
    resourceVersion: "${between(random, 100000, 9999999)}"
    uid: ${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}
  spec:
${spec(policy, '    ')}`;
}

/** The spec as kubectl prints it: keys sorted, list items at their key's column. */
function spec(policy: Policy, indent: string): string {
  const protocol = policy.mistake === 'lowercase protocol' ? 'tcp' : 'TCP';
  const selector = policy.mistake === 'misspelled podSelector' ? 'podSelecter' : 'podSelector';
  return `${indent}egress:
${indent}- ports:
${indent}  - port: 53
${indent}    protocol: UDP
${indent}  - port: 53
${indent}    protocol: TCP
${indent}  to:
${indent}  - namespaceSelector: {}
${indent}    podSelector:
${indent}      matchLabels:
${indent}        k8s-app: kube-dns
${indent}- ports:
${indent}  - port: 5432
${indent}    protocol: TCP
${indent}  to:
${indent}  - ipBlock:
${indent}      cidr: ${policy.cidr}
${indent}ingress:
${indent}- from:
${indent}  - namespaceSelector:
${indent}      matchLabels:
${indent}        kubernetes.io/metadata.name: ${policy.namespace}
${indent}    podSelector:
${indent}      matchLabels:
${indent}        app: ${policy.peer}
${indent}  ports:
${indent}  - port: ${policy.port}
${indent}    protocol: ${protocol}
${indent}${selector}:
${indent}  matchLabels:
${indent}    app: ${policy.app}
${indent}policyTypes:
${indent}- Ingress
${indent}- Egress
`;
}

/** The annotation `kubectl apply` leaves: the applied object as one line of JSON. */
function annotations(policy: Policy): string {
  const applied = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      annotations: {},
      labels: { app: policy.app },
      name: policy.name,
      namespace: policy.namespace,
    },
    spec: {
      egress: [
        {
          ports: [
            { port: 53, protocol: 'UDP' },
            { port: 53, protocol: 'TCP' },
          ],
          to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        },
      ],
      ingress: [
        { from: [{ podSelector: { matchLabels: { app: policy.peer } } }], ports: [{ port: policy.port }] },
      ],
      podSelector: { matchLabels: { app: policy.app } },
      policyTypes: ['Ingress', 'Egress'],
    },
  };
  return `    annotations:\n      kubectl.kubernetes.io/last-applied-configuration: |\n        ${JSON.stringify(applied)}\n`;
}
