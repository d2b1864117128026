// "Explain" for a Gateway API route on VPC Lattice: the Lattice service it becomes, which requests
// (hostnames, paths, methods, headers) go to which backends with which weights, through which
// service network and listeners, and under which auth policy.

import { latticeAnnotations, RULE_PRIORITY_ANNOTATION } from '../../model/latticeAnnotations';
import { latticeParents, hostnamesOf, listenersOf, type Listener } from '../../model/lattice';
import { latticeServiceName, resolveBackends, type ResolvedBackend } from '../../model/latticeBackends';
import type { LatticeWorkspace } from '../../model/latticeWorkspace';
import { asList, asRecord, isRecord } from '../../util/values';
import type { WorkspaceObject } from '../../workspace/objects';
import type { ExplanationBody as Explanation } from './explanation';
import { authPolicyLines, objectTitle, policiesOn } from './latticePolicies';
import { joinWords } from './words';

export function explainLatticeRoute(
  kind: string,
  value: Record<string, unknown>,
  view: LatticeWorkspace | undefined,
  self: WorkspaceObject | undefined,
): Explanation {
  const title = objectTitle(kind, value);
  // A hover reads the text again: take the workspace's object of the same route when there is one.
  value = self?.value ?? value;
  const parents = view ? latticeParents(value, view.context) : [];
  const first = parents.find((parent) => parent.gateway);
  const summary: string[] = [];
  const lines: string[] = [`# ${title}`, ''];

  if (!first?.gateway) {
    const handled = view && self && view.isBound(self);
    const line = handled
      ? 'Lattice route (it carries the AWS Gateway API Controller’s annotations), but its Lattice Gateway is not in the workspace: listeners and the service network are unknown here.'
      : 'Not a VPC Lattice route: none of its parentRefs names a Lattice Gateway in the workspace (open the Gateway’s manifest, or name its class in eksNetworking.lattice.gatewayClasses).';
    summary.push(line);
    lines.push(line, '');
    if (!handled) return { title, summary, text: `${lines.join('\n').trimEnd()}\n` };
  }

  const metadata = asRecord(value.metadata);
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const annotations = latticeAnnotations(value);
  const override = annotations.get('service-name-override');
  const serviceName =
    typeof override === 'string' ? override : latticeServiceName(name, namespace ?? '<namespace>');
  const [customDomain] = hostnamesOf(value);
  const service = `Lattice service: **${serviceName}**${typeof override === 'string' ? ' (service-name-override)' : ''}, reached at ${customDomain ? `**${customDomain}** (custom domain) and ` : ''}the DNS name Lattice generates for it.`;
  summary.push(service);
  lines.push(service);

  if (first?.gateway) {
    const gateway = first.gateway;
    const gatewayName = String(gateway.metadata?.name);
    const standalone =
      String(annotations.get('standalone') ?? latticeAnnotations(gateway).get('standalone') ?? '')
        .trim()
        .toLowerCase() === 'true';
    const network = standalone
      ? `Service network: none (standalone); Gateway ${objectTitle('', gateway).trim()} only provides its listeners.`
      : `Service network: **${gatewayName}** (Gateway ${objectTitle('', gateway).trim()}); clients in VPCs associated with it can reach the service.`;
    const listeners = new Set<Listener>();
    for (const parent of parents)
      if (parent.gateway === gateway) parent.acceptingListeners.forEach((l) => listeners.add(l));
    const listenerText =
      listeners.size > 0
        ? `Listeners: ${joinWords([...listeners].map((listener) => `${String(listener.protocol)} ${String(listener.port)} (\`${String(listener.name)}\`)`))}.`
        : 'Listeners: none of the Gateway’s listeners accepts this route, so it gets no Lattice listener.';
    summary.push(network, listenerText);
    lines.push('', network, '', listenerText);
    const rejected = parents.filter((parent) => parent.problem);
    for (const parent of rejected)
      lines.push(
        '',
        `parentRef "${String(parent.ref.name)}": not accepted (${problemWords(parent.problem!)}).`,
      );
    if (listenersOf(gateway).length === 0) lines.push('', 'The Gateway has no listeners.');
  }

  lines.push('', '## Requests', ...requestLines(kind, value, view, customDomain));
  const auth = authLines(
    kind,
    value,
    view,
    self,
    first?.gateway ? findGatewayObject(view, first.gateway) : undefined,
  );
  lines.push('', '## Access', ...auth);
  summary.push(auth[0].replace(/^- /, ''));
  return { title, summary, text: `${lines.join('\n').trimEnd()}\n` };
}

function findGatewayObject(view: LatticeWorkspace | undefined, gateway: object): WorkspaceObject | undefined {
  return view?.latticeGateways.find((candidate) => candidate.value === gateway);
}

function problemWords(problem: string): string {
  const words: Record<string, string> = {
    gatewayNotFound: 'no such Gateway in the workspace',
    noMatchingSection: 'no listener with that sectionName',
    noMatchingPort: 'no listener on that port',
    kindNotAllowed: 'its listeners do not take this route kind',
    namespaceNotAllowed: 'its listeners do not admit routes from this namespace',
    hostnameMismatch: 'no hostname fits the listener hostname',
  };
  return words[problem] ?? problem;
}

/** Rule order on Lattice: annotated priorities first (ascending), the others after, in order. */
function ruleOrder(value: Record<string, unknown>, count: number): number[] {
  const priorities = new Map<number, number>();
  for (const [key, raw] of latticeAnnotations(value)) {
    const index = RULE_PRIORITY_ANNOTATION.exec(key)?.[1];
    const priority = Number(String(raw).trim());
    if (index !== undefined && Number.isInteger(priority)) priorities.set(Number(index), priority);
  }
  const indexes = Array.from({ length: count }, (_, index) => index);
  if (priorities.size === 0) return indexes;
  const highest = Math.max(...priorities.values());
  const rank = (index: number) => priorities.get(index) ?? highest + index + 1;
  return indexes.sort((a, b) => rank(a) - rank(b));
}

function requestLines(
  kind: string,
  value: Record<string, unknown>,
  view: LatticeWorkspace | undefined,
  customDomain: string | undefined,
): string[] {
  const backends = resolveBackends(value, view?.backends ?? { services: [], serviceImports: [] });
  const rules = asList(asRecord(value.spec).rules);
  if (kind === 'TLSRoute') {
    const targets = backends.map(backendWords).join('; ');
    return [
      `TLS connections for ${customDomain ? `**${customDomain}**` : 'the first hostname'} (by SNI) are passed through, still encrypted, to ${targets || 'no backend'}. Lattice does not look inside: the backend terminates TLS.`,
    ];
  }
  const out: string[] = [
    `Requests to the service (${customDomain ? `at ${customDomain} or` : 'at'} its generated name), in Lattice’s order; the first rule that matches wins:`,
    '',
  ];
  ruleOrder(value, Math.max(rules.length, 1)).forEach((ruleIndex, position) => {
    const rule = asRecord(rules[ruleIndex]);
    const matches = rule.matches === undefined ? [{}] : asList(rule.matches);
    const conditions = matches.map((match) => matchWords(kind, asRecord(match))).join('; or ');
    const mine = backends.filter((backend) => backend.path[2] === ruleIndex);
    out.push(`${position + 1}. ${conditions} → ${targetsWords(mine)}`);
  });
  out.push('', 'Requests that match no rule get 404 (the Lattice listener’s default action).');
  return out;
}

function matchWords(kind: string, match: Record<string, unknown>): string {
  const parts: string[] = [];
  if (kind === 'GRPCRoute') {
    const method = asRecord(match.method);
    if (typeof method.service === 'string')
      parts.push(
        typeof method.method === 'string'
          ? `gRPC method \`${method.service}/${method.method}\``
          : `any gRPC method of \`${method.service}\``,
      );
    else if (typeof method.method === 'string')
      parts.push(`gRPC method \`${method.method}\` (no service: refused by the controller)`);
  } else {
    const path = asRecord(match.path);
    const type = typeof path.type === 'string' ? path.type : 'PathPrefix';
    const pathValue = typeof path.value === 'string' ? path.value : '/';
    if (type === 'Exact') parts.push(`path exactly \`${pathValue}\``);
    else if (type === 'PathPrefix')
      parts.push(pathValue === '/' ? 'any path' : `path under \`${pathValue}\``);
    else parts.push(`path matching \`${pathValue}\` (regular expression: not supported by Lattice)`);
    if (typeof match.method === 'string') parts.push(`method ${match.method}`);
  }
  for (const header of asList(match.headers)) {
    if (!isRecord(header)) continue;
    parts.push(`header \`${String(header.name)}\` = \`${String(header.value)}\``);
  }
  if (asList(match.queryParams).length > 0) parts.push('query parameters (not supported by Lattice)');
  return parts.length > 0 ? joinWords(parts) : 'every request';
}

function targetsWords(backends: readonly ResolvedBackend[]): string {
  if (backends.length === 0) return 'no backend: Lattice answers 500';
  const total = backends.reduce((sum, backend) => sum + backend.weight, 0);
  return backends
    .map((backend) => {
      const share = total > 0 ? Math.round((backend.weight / total) * 1000) / 10 : 0;
      return `${backendWords(backend)}${backends.length > 1 || backend.weight === 0 ? ` (${share}%)` : ''}`;
    })
    .join(', ');
}

function backendWords(backend: ResolvedBackend): string {
  const where = `${backend.namespace ? `${backend.namespace}/` : ''}${String(backend.ref.name)}`;
  if (!backend.supportedKind) return `${backend.kind} ${where} (not a kind Lattice routes to)`;
  if (backend.kind === 'ServiceImport')
    return `ServiceImport ${where} (the Service exported from another cluster)`;
  const port = backend.ref.port !== undefined ? ` port ${String(backend.ref.port)}` : '';
  if (!backend.target) return `Service ${where}${port}`;
  if (!backend.servicePort) return `Service ${where}${port} (the Service has no such port: no targets)`;
  const target = backend.servicePort.targetPort;
  return `Service ${where}${port}${target !== undefined && target !== backend.ref.port ? ` (pods' port ${String(target)})` : ''}`;
}

function authLines(
  kind: string,
  value: Record<string, unknown>,
  view: LatticeWorkspace | undefined,
  self: WorkspaceObject | undefined,
  gateway: WorkspaceObject | undefined,
): string[] {
  const out: string[] = [];
  const network = gateway && view ? policiesOn(gateway, view, 'IAMAuthPolicy') : [];
  if (kind === 'TLSRoute') {
    out.push(
      '- Auth: an IAMAuthPolicy cannot target a TLSRoute (Lattice does not see inside the TLS connection); only the service network’s auth policy and the association’s security groups apply.',
    );
  } else {
    const own = self && view ? policiesOn(self, view, 'IAMAuthPolicy') : [];
    if (own.length > 0) {
      out.push(
        `- Auth: ${objectTitle('IAMAuthPolicy', own[0].value)} (auth type AWS_IAM: requests must be SigV4-signed and allowed by it; the others get 403).`,
      );
      out.push(...authPolicyLines(own[0].value).map((line) => `  ${line}`));
    } else {
      out.push(
        '- Auth: no IAMAuthPolicy targets this route in the workspace, so the service’s auth type is NONE: any client that can reach the service network may call it.',
      );
    }
  }
  if (network.length > 0)
    out.push(
      `- The service network has ${objectTitle('IAMAuthPolicy', network[0].value)} too: a request must also be allowed by it.`,
    );
  const logs = [
    ...(self && view ? policiesOn(self, view, 'AccessLogPolicy') : []),
    ...(gateway && view ? policiesOn(gateway, view, 'AccessLogPolicy') : []),
  ];
  for (const log of logs)
    out.push(
      `- Access logs: ${objectTitle('AccessLogPolicy', log.value)} → ${String(asRecord(log.value.spec).destinationArn)}.`,
    );
  if (view) {
    const seen = new Set<unknown>();
    for (const backend of resolveBackends(value, view.backends)) {
      const service = view.objects.find((object) => object.value === backend.target);
      if (!service || seen.has(service.value)) continue;
      seen.add(service.value);
      for (const policy of policiesOn(service, view, 'TargetGroupPolicy')) {
        const spec = asRecord(policy.value.spec);
        const check = asRecord(spec.healthCheck);
        const health =
          check.enabled === false
            ? ', health checks off'
            : typeof check.path === 'string'
              ? `, health check ${String(check.protocol ?? 'HTTP')} ${check.path}`
              : '';
        out.push(
          `- Target groups of ${String(backend.ref.name)}: ${objectTitle('TargetGroupPolicy', policy.value)} (protocol ${kind === 'TLSRoute' ? 'TCP (TLS passthrough)' : kind === 'GRPCRoute' ? `${String(spec.protocol ?? 'HTTP')}, gRPC` : String(spec.protocol ?? 'HTTP')}${health}).`,
        );
      }
    }
  }
  return out;
}
