import { findPolicyTarget, isPolicyKind } from '../../model/latticePolicies';
import { describePlace } from '../../workspace/objects';
import { defineRule } from '../types';
import { boundObjects, CONTROLLER_DOCS } from './common';
import { file, latticeGateway, policy } from './examples';

const KINDS = ['IAMAuthPolicy', 'TargetGroupPolicy', 'VpcAssociationPolicy'] as const;
const VAP = (name: string, groups: string) =>
  policy(
    'VpcAssociationPolicy',
    `  targetRef:\n    group: gateway.networking.k8s.io\n    kind: Gateway\n    name: my-hotel\n  securityGroupIds:\n    - ${groups}`,
    name,
  );

export default defineRule({
  code: 'LAT405',
  slug: 'policy-conflict',
  kinds: [...KINDS],
  category: 'controller',
  defaultSeverity: 'warning',
  summary: 'Two policies of the same kind target the same object: only the older one takes effect.',
  why: 'A target takes one IAMAuthPolicy, one TargetGroupPolicy and one VpcAssociationPolicy. When there are several, the controller applies the oldest (by creation time, then name) and marks the others `Conflicted` ("targetRef has conflict"). Which one is older depends on the order they were applied in. Merge them into one policy.',
  badExample: file(
    latticeGateway(),
    VAP('my-hotel-association', 'sg-0a1b2c3d4e5f67890'),
    VAP('my-hotel-clients', 'sg-0123456789abcdef0'),
  ),
  goodExample: file(latticeGateway(), VAP('my-hotel-association', 'sg-0a1b2c3d4e5f67890')),
  docs: `${CONTROLLER_DOCS}api-types/vpc-association-policy/`,
  checkWorkspace(ctx) {
    for (const { object, view } of boundObjects(ctx, KINDS)) {
      if (!isPolicyKind(object.kind)) continue;
      const target = findPolicyTarget(object, view.objects);
      if (!target) continue;
      const other = view.objects.find(
        (candidate) =>
          candidate.kind === object.kind &&
          candidate.value !== object.value &&
          findPolicyTarget(candidate, view.objects)?.value === target.value,
      );
      if (!other) continue;
      ctx.report(object, {
        path: ['spec', 'targetRef'],
        target: 'key',
        bare: true,
        message: `${other.kind} "${String(other.name)}" (${describePlace(other, object.file)}) targets the same ${target.kind} "${String(target.name)}": only the older of the two applies, the other is Conflicted. Merge them.`,
      });
    }
  },
});
