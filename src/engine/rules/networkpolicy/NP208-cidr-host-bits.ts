import { networkCidr, parseCidr, formatAddress } from '../../util/cidr';
import { defineRule } from '../types';
import { ipBlockCidrs, readNetworkPolicy } from '../../model/networkPolicy';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

export default defineRule<{ network: string; single: string }>({
  code: 'NP208',
  slug: 'cidr-host-bits',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary: 'A CIDR has bits set after the prefix length (`10.0.0.1/24`).',
  why: 'Today the API server accepts it and silently uses the network (`10.0.0.0/24`), which may not be what was meant (perhaps one address, `/32`). With the StrictIPCIDRValidation feature gate on, it rejects it: "must not have bits set beyond the prefix length".',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - ipBlock:
                cidr: 10.0.0.1/24
          ports:
            - protocol: TCP
              port: 8080
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: api-from-web
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: api
      policyTypes:
        - Ingress
      ingress:
        - from:
            - ipBlock:
                cidr: 10.0.0.0/24
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
  check(ctx) {
    for (const { path, text } of ipBlockCidrs(readNetworkPolicy(ctx.value))) {
      const cidr = typeof text === 'string' ? parseCidr(text) : undefined;
      if (!cidr?.hasHostBits) continue;
      const network = networkCidr(cidr);
      const single = `${formatAddress(cidr.address, cidr.family)}/${cidr.family === 4 ? 32 : 128}`;
      ctx.report({
        path,
        bare: true,
        message: `CIDR value ${renderValue(text)} has host bits set: the API server treats it as "${network}" (and rejects it when StrictIPCIDRValidation is on). Write "${network}", or "${single}" for the single address.`,
        data: { network, single },
      });
    }
  },
  fix(ctx, finding) {
    const { network, single } = finding.data ?? {};
    if (typeof network !== 'string' || typeof single !== 'string') return [];
    const range = ctx.rangeOf(finding.path, 'value');
    const written = ctx.text.slice(range.start, range.end);
    const quote = /^["']/.test(written) ? written[0] : '';
    return [
      {
        title: `Use the network address ${network}`,
        safe: true,
        edits: [{ ...range, newText: `${quote}${network}${quote}` }],
      },
      {
        title: `Use the single address ${single}`,
        safe: false,
        edits: [{ ...range, newText: `${quote}${single}${quote}` }],
      },
    ];
  },
});
