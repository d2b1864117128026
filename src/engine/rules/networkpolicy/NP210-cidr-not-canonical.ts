import { formatAddress, parseCidr } from '../../util/cidr';
import { defineRule } from '../types';
import { ipBlockCidrs, readNetworkPolicy } from '../../model/networkPolicy';
import { renderValue } from '../../util/strings';
import { manifest } from '../example';

/** `::ffff:a.b.c.d`: an IPv4 address written as IPv6. */
function isIPv4Mapped(text: string): boolean {
  return /^::ffff:\d+\.\d+\.\d+\.\d+\//i.test(text);
}

export default defineRule<{ plain: string }>({
  code: 'NP210',
  slug: 'cidr-not-canonical',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A CIDR has leading zeros (`010.0.0.0/8`) or is an IPv4-mapped IPv6 address (`::ffff:10.0.0.0/104`).',
  why: 'Today the API server accepts these and reads them loosely, but it rejects them when the StrictIPCIDRValidation feature gate is on, and leading zeros are read as octal by some other tools. Write the plain form.',
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
                cidr: 010.000.0.0/8
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
                cidr: 10.0.0.0/8
          ports:
            - protocol: TCP
              port: 8080
  `,
  docs: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/4858-ip-cidr-validation',
  check(ctx) {
    for (const { path, text } of ipBlockCidrs(readNetworkPolicy(ctx.value))) {
      if (typeof text !== 'string') continue;
      const cidr = parseCidr(text);
      if (!cidr) continue;
      const mapped = isIPv4Mapped(text);
      if (!cidr.hasLeadingZeros && !mapped) continue;
      const plain = mapped
        ? `${formatAddress(cidr.address & 0xffffffffn, 4)}/${Math.max(cidr.prefixLength - 96, 0)}`
        : `${formatAddress(cidr.address, cidr.family)}/${cidr.prefixLength}`;
      ctx.report({
        path,
        bare: true,
        message: mapped
          ? `CIDR value ${renderValue(text)} is an IPv4-mapped IPv6 address: rejected when StrictIPCIDRValidation is on. Write "${plain}".`
          : `CIDR value ${renderValue(text)} has leading zeros: rejected when StrictIPCIDRValidation is on. Write "${plain}".`,
        data: { plain },
      });
    }
  },
  fix(ctx, finding) {
    const plain = finding.data?.plain;
    if (typeof plain !== 'string') return [];
    const range = ctx.rangeOf(finding.path, 'value');
    const written = ctx.text.slice(range.start, range.end);
    const quote = /^["']/.test(written) ? written[0] : '';
    return [
      { title: `Write ${plain}`, safe: true, edits: [{ ...range, newText: `${quote}${plain}${quote}` }] },
    ];
  },
});
