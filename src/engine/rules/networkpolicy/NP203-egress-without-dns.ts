import { readNetworkPolicy } from '../../model/networkPolicy';
import { dnsEgress } from '../../model/policyFacts';
import { coveringPolicies } from '../../model/policySet';
import { appendToSequence } from '../sequenceEdits';
import { defineRule } from '../types';
import { manifest } from '../example';

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

export default defineRule<{ udp: boolean; tcp: boolean }>({
  code: 'NP203',
  slug: 'egress-without-dns',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary: 'Egress is restricted, but no egress rule allows DNS (UDP and TCP port 53).',
  why: 'Once a pod is isolated for egress, everything not allowed is dropped, including its DNS queries to CoreDNS: names stop resolving and the application fails in confusing ways. DNS uses UDP 53, and TCP 53 for large answers. Policies add up, so the finding stands only when no other policy of the namespace that selects all of these pods (in the same file, the same `eksnet lint` run, or the open documents) allows DNS either. A policy with no egress rules at all (deliberate deny-all) is not reported. Port 53, a range or "all ports" holding it, the named ports `dns`, `dns-tcp` and `domain`, and template placeholders count as DNS.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-egress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Egress
      egress:
        - to:
            - podSelector:
                matchLabels:
                  app: db
          ports:
            - protocol: TCP
              port: 5432
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-egress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Egress
      egress:
        - to:
            - podSelector:
                matchLabels:
                  app: db
          ports:
            - protocol: TCP
              port: 5432
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
  `,
  docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html',
  check(ctx) {
    const model = readNetworkPolicy(ctx.value);
    if (!model.egress.isolated || model.egress.rules.length === 0) return;
    const { UDP: udp, TCP: tcp } = dnsEgress(model);
    if (udp && tcp) return;
    const message =
      !udp && !tcp
        ? 'Egress is restricted but no rule allows DNS (UDP and TCP port 53): the selected pods cannot resolve names. Add an egress rule to kube-dns on port 53.'
        : udp
          ? 'Egress allows DNS over UDP port 53 but not TCP port 53: DNS answers too large for UDP are retried over TCP and fail.'
          : 'Egress allows DNS over TCP port 53 but not UDP port 53, which most DNS queries use: the selected pods cannot resolve names.';
    ctx.report({ path: ['spec', 'egress'], target: 'key', bare: true, message, data: { udp, tcp } });
  },
  // Policies add up: another policy of the namespace that selects all of these pods may allow DNS.
  holdsInWorkspace(object, workspace) {
    const dns = { ...dnsEgress(readNetworkPolicy(object.value)) };
    for (const { model } of coveringPolicies(workspace, object)) {
      const theirs = dnsEgress(model);
      dns.UDP ||= theirs.UDP;
      dns.TCP ||= theirs.TCP;
    }
    return !(dns.UDP && dns.TCP);
  },
  fix(ctx) {
    const edit = appendToSequence(ctx, ['spec', 'egress'], DNS_RULE);
    return edit ? [{ title: 'Add an egress rule allowing DNS to kube-dns', safe: false, edits: [edit] }] : [];
  },
});
