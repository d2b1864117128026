// Workspace connectivity at scale: a deterministic workspace of namespaces, workloads and
// NetworkPolicies (default-deny per namespace, tier-to-tier rules, DNS, monitoring from another
// namespace with matchExpressions, egress to the internet with except, named ports), and how long
// the analysis takes: building the index, computing every flow, printing the JSON connlist, and
// the CLI end to end on the same files.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { buildAnalysis, connRecords, formatJson } from '../../src/engine/connectivity';
import { summarize } from './stats';

export interface ConnectivitySize {
  workloads: number;
  policies: number;
}

export interface ConnectivityResult extends ConnectivitySize {
  namespaces: number;
  flows: number;
  /** Medians over the runs, in ms. */
  buildMs: number;
  flowsMs: number;
  jsonMs: number;
  /** `eksnet connectivity --format json DIR`, wall time of one run, in ms. */
  cliMs?: number;
  runs: number;
}

const TIERS = ['web', 'api', 'db', 'cache'] as const;
const PER_NAMESPACE = 50;

/** Plain manifest values: namespaces of PER_NAMESPACE workloads, and `policies` policies in all. */
export function generateConnectivityWorkspace(size: ConnectivitySize): Record<string, unknown>[] {
  const namespaces = Math.max(1, Math.ceil(size.workloads / PER_NAMESPACE));
  const objects: Record<string, unknown>[] = [];
  const envs = ['prod', 'staging', 'dev'];
  for (let n = 0; n < namespaces; n++) {
    const name = n === 0 ? 'monitoring' : `team-${n}`;
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name,
        labels: { env: envs[n % 3], ...(n === 0 ? { purpose: 'monitoring' } : { team: `t${n}` }) },
      },
    });
  }
  for (let w = 0; w < size.workloads; w++) {
    const n = Math.floor(w / PER_NAMESPACE);
    const tier = TIERS[w % TIERS.length];
    objects.push({
      apiVersion: 'apps/v1',
      kind: w % 7 === 0 ? 'StatefulSet' : 'Deployment',
      metadata: { name: `${tier}-${w}`, namespace: n === 0 ? 'monitoring' : `team-${n}` },
      spec: {
        template: {
          metadata: { labels: { app: `${tier}-${w}`, tier, version: `v${w % 3}` } },
          spec: {
            containers: [
              {
                name: 'main',
                ports: [{ name: tier === 'db' ? 'sql' : 'http', containerPort: tier === 'db' ? 5432 : 8080 }],
              },
            ],
          },
        },
      },
    });
  }
  const policy = (namespace: string, name: string, spec: Record<string, unknown>) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec,
  });
  // Round-robin over the namespaces so every namespace gets its share of each kind of policy.
  const kinds = [
    (ns: string) => policy(ns, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    (ns: string) =>
      policy(ns, 'allow-egress-in-cluster', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: {} }] }],
      }),
    (ns: string) =>
      policy(ns, 'allow-dns', {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      }),
    (ns: string) => tierRule(policy, ns, 'web', 'api', { port: 'http' }),
    (ns: string) => tierRule(policy, ns, 'api', 'db', { port: 'sql' }),
    (ns: string) => tierRule(policy, ns, 'api', 'cache', { port: 6379 }),
    (ns: string) =>
      policy(ns, 'allow-monitoring', {
        podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] },
        ingress: [
          {
            from: [{ namespaceSelector: { matchExpressions: [{ key: 'purpose', operator: 'Exists' }] } }],
            ports: [{ port: 9090, endPort: 9099 }],
          },
        ],
      }),
    (ns: string) =>
      policy(ns, 'web-internet', {
        podSelector: { matchLabels: { tier: 'web' } },
        policyTypes: ['Egress', 'Ingress'],
        egress: [
          {
            to: [
              { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } },
            ],
            ports: [{ port: 443 }],
          },
        ],
        ingress: [{ from: [{ ipBlock: { cidr: `10.${ns.length}.0.0/16` } }], ports: [{ port: 8080 }] }],
      }),
    (ns: string) =>
      policy(ns, 'partners', {
        podSelector: { matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v0'] }] },
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] },
                podSelector: { matchLabels: { tier: 'api' } },
              },
            ],
            ports: [{ port: 8443 }],
          },
        ],
      }),
  ];
  const nsNames = objects
    .filter((o) => o.kind === 'Namespace')
    .map((o) => (o.metadata as { name: string }).name);
  for (let p = 0; p < size.policies; p++) {
    const namespace = nsNames[p % nsNames.length];
    const round = Math.floor(p / nsNames.length);
    const made = kinds[round % kinds.length](namespace) as { metadata: { name: string } };
    if (round >= kinds.length) made.metadata.name += `-${round}`;
    objects.push(made);
  }
  return objects;
}

function tierRule(
  policy: (namespace: string, name: string, spec: Record<string, unknown>) => Record<string, unknown>,
  namespace: string,
  from: string,
  to: string,
  port: Record<string, unknown>,
): Record<string, unknown> {
  return policy(namespace, `${from}-to-${to}`, {
    podSelector: { matchLabels: { tier: to } },
    ingress: [{ from: [{ podSelector: { matchLabels: { tier: from } } }], ports: [port] }],
  });
}

export function measureConnectivity(
  size: ConnectivitySize,
  options: { runs?: number; cli?: string; work?: string } = {},
): ConnectivityResult {
  const values = generateConnectivityWorkspace(size);
  // The objects as the engine records them; the CLI run below measures reading the files too.
  const objects = values.map((value) => ({
    kind: String(value.kind),
    apiVersion: String(value.apiVersion),
    value,
  }));
  const runs = options.runs ?? 3;
  const build: number[] = [];
  const flowsTimes: number[] = [];
  const json: number[] = [];
  let flows = 0;
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const { analysis } = buildAnalysis(objects);
    build.push(performance.now() - started);
    started = performance.now();
    flows = analysis.flows().length;
    flowsTimes.push(performance.now() - started);
    started = performance.now();
    formatJson(connRecords(analysis.flows()));
    json.push(performance.now() - started);
  }
  const result: ConnectivityResult = {
    ...size,
    namespaces: values.filter((v) => v.kind === 'Namespace').length,
    flows,
    buildMs: summarize(build).median,
    flowsMs: summarize(flowsTimes).median,
    jsonMs: summarize(json).median,
    runs,
  };
  if (options.cli && options.work) {
    const directory = join(options.work, 'connectivity');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'workspace.yaml'), values.map((value) => stringify(value)).join('---\n'));
    const started = performance.now();
    const child = spawnSync(process.execPath, [options.cli, 'connectivity', '--format', 'json', directory], {
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    });
    if (child.status === 0) result.cliMs = performance.now() - started;
  }
  return result;
}

/** The Markdown section of docs/performance.md. */
export function renderConnectivity(result: ConnectivityResult | undefined): string[] {
  if (!result) return [];
  const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
  return [
    '## Workspace connectivity',
    '',
    `\`eksnet connectivity\` on a generated workspace (\`scripts/bench/connectivityBench.ts\`): ${result.workloads.toLocaleString('en-US')} workloads`,
    `in ${result.namespaces} namespaces, ${result.policies} NetworkPolicies (default-deny, tier rules with named ports,`,
    'DNS, monitoring via matchExpressions, internet egress with except, ingress ipBlocks).',
    `${result.flows.toLocaleString('en-US')} allowed flows. Median of ${result.runs} runs in one process; the CLI is one run, reading the YAML.`,
    '',
    '| Step | Time |',
    '|---|---|',
    `| Read workloads and policies, index | ${seconds(result.buildMs)} |`,
    `| Every ordered pair's connections | ${seconds(result.flowsMs)} |`,
    `| JSON connlist | ${seconds(result.jsonMs)} |`,
    `| CLI end to end (\`--format json\`) | ${seconds(result.cliMs)} |`,
    '',
  ];
}
