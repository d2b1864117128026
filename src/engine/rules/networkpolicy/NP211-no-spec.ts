import { readNetworkPolicy } from '../../model/networkPolicy';
import { defineRule } from '../types';
import { manifest } from '../example';

/** Spec fields written at the top level: SCH001 reports them as misplaced, with a fix that moves them. */
const SPEC_FIELDS = ['podSelector', 'policyTypes', 'ingress', 'egress'];

export default defineRule({
  code: 'NP211',
  slug: 'no-spec',
  kinds: ['NetworkPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'A NetworkPolicy without `spec` (or with `spec: {}`): it denies all ingress to every pod of its namespace.',
  why: 'The API server accepts a NetworkPolicy without spec and fills in the defaults: an empty podSelector (every pod of the namespace) and policyTypes [Ingress] with no ingress rule. Every pod of the namespace then accepts no incoming connection that another policy does not allow, including traffic from load balancers and ingress controllers. A stub left without its spec, or a spec commented out, does exactly that. For a deliberate deny-all, write it out: `podSelector: {}` and `policyTypes: [Ingress]`.',
  badExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: nginx-policy
      namespace: shop
  `,
  goodExample: manifest`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: default-deny-ingress
      namespace: shop
    spec:
      podSelector:
        matchLabels:
          app: nginx
      policyTypes:
        - Ingress
  `,
  docs: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic',
  check(ctx) {
    const model = readNetworkPolicy(ctx.value);
    if (model.spec !== 'absent' && model.spec !== 'empty') return;
    if (SPEC_FIELDS.some((field) => ctx.value[field] !== undefined)) return;
    const where = model.namespace ? `namespace "${model.namespace}"` : 'its namespace';
    ctx.report({
      path: model.spec === 'absent' ? ['kind'] : ['spec'],
      target: model.spec === 'absent' ? 'value' : 'key',
      bare: true,
      message: `${model.spec === 'absent' ? 'No spec' : 'spec is empty'}: the API server defaults it to every pod of ${where}, isolated for ingress with no rule, so all incoming traffic to those pods is denied. Write the spec; for a deliberate deny-all, write \`podSelector: {}\` and \`policyTypes: [Ingress]\`.`,
    });
  },
});
