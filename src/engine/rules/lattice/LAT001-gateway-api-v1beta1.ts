import { replaceValueFix } from '../fixes/valueEdits';
import { defineRule } from '../types';

export default defineRule<{ preferred: string }>({
  code: 'LAT001',
  slug: 'gateway-api-v1beta1',
  kinds: ['GatewayClass', 'Gateway', 'HTTPRoute', 'ReferenceGrant'],
  category: 'semantics',
  defaultSeverity: 'info',
  summary: 'A Gateway API resource uses `v1beta1`, which v1.5 still serves; `v1` is the version to write.',
  why: 'The Gateway API v1.5 CRDs store these kinds as `v1` and keep `v1beta1` for older manifests only; a later release may stop serving it. The two versions have the same fields, so changing the apiVersion is all it takes. The AWS Gateway API Controller v2.1 reads `v1`.',
  badExample:
    'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: GatewayClass\nmetadata:\n  name: amazon-vpc-lattice\nspec:\n  controllerName: application-networking.k8s.aws/gateway-api-controller',
  goodExample:
    'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: amazon-vpc-lattice\nspec:\n  controllerName: application-networking.k8s.aws/gateway-api-controller',
  docs: 'https://gateway-api.sigs.k8s.io/concepts/versioning/',
  check(ctx) {
    if (!ctx.resource.legacy) return;
    const preferred = `${ctx.resource.group}/v1`;
    ctx.report({
      path: ['apiVersion'],
      bare: true,
      message: `${ctx.resource.apiVersion} is still served by the Gateway API v1.5 CRDs but is the older version of ${ctx.resource.kind}; use "${preferred}" (same fields)`,
      data: { preferred },
    });
  },
  fix(ctx, finding) {
    const preferred = finding.data?.preferred;
    return preferred
      ? [replaceValueFix(ctx, ['apiVersion'], preferred, `Change apiVersion to ${preferred}`)]
      : [];
  },
});
