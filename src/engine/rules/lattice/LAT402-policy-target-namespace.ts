import { targetRefOf } from '../../model/latticePolicies';
import { removeKeyFix } from '../fixes/keyEdits';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, metadataOf } from './common';
import { policy } from './examples';

const IAP = (namespace: string) =>
  policy(
    'IAMAuthPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    name: rates\n${namespace}  policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"vpc-lattice-svcs:Invoke","Resource":"*"}]}'`,
  );

export default defineRule({
  code: 'LAT402',
  slug: 'policy-target-namespace',
  kinds: ['IAMAuthPolicy', 'TargetGroupPolicy', 'VpcAssociationPolicy'],
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    "A policy's `targetRef.namespace` differs from the policy's own namespace: the controller still looks for the target in the policy's namespace.",
  why: 'IAMAuthPolicy, TargetGroupPolicy and VpcAssociationPolicy attach only to objects of their own namespace; `targetRef.namespace` does not change where the controller looks. For an IAMAuthPolicy on a route it is worse: the namespace is used to work out the Lattice service name, so the policy lands on another service or on none. Put the policy in the target’s namespace and leave `targetRef.namespace` out.',
  badExample: IAP('    namespace: billing\n'),
  goodExample: IAP(''),
  docs: `${CONTROLLER_DOCS}api-types/iam-auth-policy/`,
  check(ctx) {
    const { namespace } = metadataOf(ctx.value);
    const ref = targetRefOf(ctx.value);
    if (ref.namespace === undefined || namespace === undefined || ref.namespace === namespace) return;
    ctx.report({
      path: ['spec', 'targetRef', 'namespace'],
      bare: true,
      message: `targetRef.namespace "${ref.namespace}" is not the policy's namespace "${namespace}": the controller looks for ${String(ref.kind)} "${String(ref.name)}" in "${namespace}"${ctx.resource.kind === 'IAMAuthPolicy' ? ' and derives the Lattice service name from this namespace' : ''}. Create the policy in "${ref.namespace}" instead.`,
    });
  },
  fix(ctx) {
    const fix = removeKeyFix(ctx, ['spec', 'targetRef', 'namespace']);
    return fix ? [{ ...fix, safe: false }] : [];
  },
});
