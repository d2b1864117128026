import { isPlaceholder } from '../../util/placeholders';
import { asList, asRecord, isRecord } from '../../util/values';
import { appendToSequence } from '../sequenceEdits';
import { defineRule } from '../types';
import { effectivePolicyTypes, portProtocol } from './defaults';

/** Container port names CoreDNS and kube-dns use for DNS. */
const DNS_PORT_NAMES = new Set(['dns', 'dns-tcp', 'domain']);

const DNS_RULE = [
  'to:',
  '  - namespaceSelector:',
  '      matchLabels:',
  '        kubernetes.io/metadata.name: kube-system',
  '    podSelector:',
  '      matchLabels:',
  '        k8s-app: kube-dns',
  'ports:',
  '  - protocol: UDP',
  '    port: 53',
  '  - protocol: TCP',
  '    port: 53',
];

/** Whether some egress rule allows `protocol` port 53 (to any destination). */
function allowsDns(egress: unknown[], protocol: 'UDP' | 'TCP'): boolean {
  return egress.some((rule) => {
    if (!isRecord(rule)) return false;
    const ports = asList(rule.ports);
    if (ports.length === 0) return true;
    return ports.some((port) => {
      if (!isRecord(port)) return false;
      // A templated protocol or port may well be DNS once rendered: give it the benefit of the doubt.
      const templated = (value: unknown): boolean => typeof value === 'string' && isPlaceholder(value);
      if (portProtocol(port) !== protocol && !templated(port.protocol)) return false;
      const { port: start, endPort } = port;
      if (start === undefined || templated(start)) return true;
      if (typeof start === 'string') return DNS_PORT_NAMES.has(start);
      if (typeof start !== 'number') return false;
      return start === 53 || (typeof endPort === 'number' && start <= 53 && 53 <= endPort);
    });
  });
}

export default defineRule<{ udp: boolean; tcp: boolean }>({
  code: 'NP203',
  slug: 'egress-without-dns',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary: 'Egress is restricted, but no egress rule allows DNS (UDP and TCP port 53).',
  why: 'Once a pod is isolated for egress, everything not allowed is dropped, including its DNS queries to CoreDNS: names stop resolving and the application fails in confusing ways. DNS uses UDP 53, and TCP 53 for large answers. A policy with no egress rules at all (deliberate deny-all) is not reported.',
  badExample:
    'policyTypes: [Egress]\negress:\n  - to:\n      - podSelector:\n          matchLabels:\n            app: db\n    ports:\n      - protocol: TCP\n        port: 5432',
  goodExample:
    'policyTypes: [Egress]\negress:\n  - to:\n      - podSelector:\n          matchLabels:\n            app: db\n    ports:\n      - protocol: TCP\n        port: 5432\n  - to:\n      - namespaceSelector:\n          matchLabels:\n            kubernetes.io/metadata.name: kube-system\n        podSelector:\n          matchLabels:\n            k8s-app: kube-dns\n    ports:\n      - protocol: UDP\n        port: 53\n      - protocol: TCP\n        port: 53',
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html',
  check(ctx) {
    const egress = asList(asRecord(ctx.value.spec).egress);
    if (!effectivePolicyTypes(ctx.value).egress || egress.length === 0) return;
    const udp = allowsDns(egress, 'UDP');
    const tcp = allowsDns(egress, 'TCP');
    if (udp && tcp) return;
    const message =
      !udp && !tcp
        ? 'Egress is restricted but no rule allows DNS (UDP and TCP port 53): the selected pods cannot resolve names. Add an egress rule to kube-dns on port 53.'
        : udp
          ? 'Egress allows DNS over UDP port 53 but not TCP port 53: DNS answers too large for UDP are retried over TCP and fail.'
          : 'Egress allows DNS over TCP port 53 but not UDP port 53, which most DNS queries use: the selected pods cannot resolve names.';
    ctx.report({ path: ['spec', 'egress'], target: 'key', bare: true, message, data: { udp, tcp } });
  },
  fix(ctx) {
    const edit = appendToSequence(ctx, ['spec', 'egress'], DNS_RULE);
    return edit ? [{ title: 'Add an egress rule allowing DNS to kube-dns', safe: false, edits: [edit] }] : [];
  },
});
