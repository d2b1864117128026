import { asRecord } from '../../util/values';
import { removeKeyFix } from '../fixes/keyEdits';
import { defineRule } from '../types';
import { CONTROLLER_DOCS } from './common';
import { policy } from './examples';

const TGP = (version: string) =>
  policy(
    'TargetGroupPolicy',
    `  targetRef:\n    group: application-networking.k8s.aws\n    kind: ServiceExport\n    name: nginx\n  protocol: TCP${version}`,
  );

export default defineRule({
  code: 'LAT411',
  slug: 'tgp-tcp-protocol-version',
  kinds: ['TargetGroupPolicy'],
  category: 'controller',
  defaultSeverity: 'error',
  summary:
    'A TargetGroupPolicy with `protocol: TCP` also sets `protocolVersion`, which the controller refuses.',
  why: 'TCP target groups (behind TLS passthrough) have no protocol version. The controller rejects the combination ("protocolVersion is not supported for TCP protocol TargetGroupPolicy") and the policy is not applied. Leave `protocolVersion` out.',
  badExample: TGP('\n  protocolVersion: HTTP1'),
  goodExample: TGP(''),
  docs: `${CONTROLLER_DOCS}api-types/target-group-policy/`,
  check(ctx) {
    const spec = asRecord(ctx.value.spec);
    if (spec.protocol !== 'TCP' || spec.protocolVersion === undefined) return;
    ctx.report({
      path: ['spec', 'protocolVersion'],
      target: 'key',
      bare: true,
      message:
        'protocolVersion with protocol TCP: the controller rejects the policy ("protocolVersion is not supported for TCP protocol TargetGroupPolicy"). Remove it.',
    });
  },
  fix(ctx) {
    const fix = removeKeyFix(ctx, ['spec', 'protocolVersion']);
    return fix ? [fix] : [];
  },
});
