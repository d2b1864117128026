import {
  findPolicyTarget,
  isPolicyKind,
  supportedTarget,
  targetLookupNamespace,
  targetRefOf,
} from '../../model/latticePolicies';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS, POLICY_KINDS, qualifiedName } from './common';
import { file, httpRoute, latticeGateway, PARENT, policy } from './examples';

const ROUTE = (name: string) =>
  httpRoute(`${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`, '', name);
const IAP = policy(
  'IAMAuthPolicy',
  `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: HTTPRoute\n    name: rates\n  policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"vpc-lattice-svcs:Invoke","Resource":"*"}]}'`,
  'rates-auth',
);

export default defineRule({
  code: 'LAT404',
  slug: 'policy-target-not-found',
  kinds: POLICY_KINDS,
  category: 'controller',
  defaultSeverity: 'info',
  summary:
    'A policy targets an object that the workspace does not have in the namespace where the controller looks, though it has others of that kind.',
  why: 'The controller looks for the target in the policy’s namespace (for an AccessLogPolicy, in `targetRef.namespace`, else `default`). When it is not there the policy is `Accepted=False` with reason `TargetNotFound` and does nothing. Reported as information, and only when the workspace holds objects of the target’s kind: the target may be managed elsewhere.',
  badExample: file(latticeGateway(), ROUTE('rates-v2'), IAP),
  goodExample: file(latticeGateway(), ROUTE('rates'), IAP),
  docs: `${CONTROLLER_DOCS}api-types/iam-auth-policy/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, POLICY_KINDS)) {
      const kind = object.kind;
      if (!isPolicyKind(kind)) continue;
      const ref = targetRefOf(object.value);
      const target = supportedTarget(kind, ref);
      if (!target || ref.name === undefined) continue;
      // An AccessLogPolicy looking in `default` by mistake is LAT403's finding.
      if (kind === 'AccessLogPolicy' && ref.namespace === undefined && object.namespace !== undefined)
        continue;
      if (!view.objects.some((candidate) => candidate.kind === target.kind)) continue;
      if (findPolicyTarget(object, view.objects)) continue;
      const namespace = targetLookupNamespace(kind, ref, object.namespace);
      ctx.report(object, {
        path: ['spec', 'targetRef', 'name'],
        bare: true,
        message: `no ${target.kind} ${qualifiedName(ref.name, namespace)} in the workspace: if the cluster has none either, the policy is TargetNotFound and does nothing`,
      });
    }
  },
});
