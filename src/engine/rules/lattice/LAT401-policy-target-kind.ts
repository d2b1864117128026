import { POLICY_TARGETS, supportedTarget, targetRefOf, type PolicyKind } from '../../model/latticePolicies';
import { GATEWAY_API_GROUP } from '../../model/lattice';
import { defineRule } from '../types';
import { CONTROLLER_DOCS, POLICY_KINDS } from './common';
import { policy } from './examples';

const TGP = (group: string) =>
  policy(
    'TargetGroupPolicy',
    `  targetRef:\n    group: ${group}\n    kind: Service\n    name: rates\n  protocol: HTTP`,
  );

/** The controller's own rejection, in its words. */
function controllerMessage(kind: PolicyKind, group: string, targetKind: string): string {
  if (kind !== 'AccessLogPolicy') return `group/kind error: not supported GroupKind=${group}/${targetKind}`;
  if (group !== GATEWAY_API_GROUP)
    return `The targetRef's Group must be "${GATEWAY_API_GROUP}" but was "${group}"`;
  return `The targetRef's Kind must be "Gateway", "HTTPRoute", or "GRPCRoute" but was "${targetKind}"`;
}

export default defineRule({
  code: 'LAT401',
  slug: 'policy-target-kind',
  kinds: POLICY_KINDS,
  category: 'controller',
  defaultSeverity: 'error',
  summary: "A policy's `targetRef` names a group and kind that this policy kind cannot attach to.",
  why: 'Each policy kind attaches to certain kinds, named by exact group and kind: IAMAuthPolicy and AccessLogPolicy to a Gateway, HTTPRoute or GRPCRoute (not a TLSRoute); VpcAssociationPolicy to a Gateway; TargetGroupPolicy to a Service (`group: ""`, not `core` or `v1`) or a ServiceExport (`group: application-networking.k8s.aws`). Anything else is `Accepted=False` (reason `Invalid`) and does nothing.',
  badExample: TGP('core'),
  goodExample: TGP('""'),
  docs: `${CONTROLLER_DOCS}api-types/target-group-policy/`,
  check(ctx) {
    const kind = ctx.resource.kind as PolicyKind;
    const ref = targetRefOf(ctx.value);
    if (ref.kind === undefined || supportedTarget(kind, ref)) return;
    const group = ref.group ?? '';
    const allowed = POLICY_TARGETS[kind].map((target) => `${target.kind} (group "${target.group}")`);
    const groupWrong = POLICY_TARGETS[kind].some((target) => target.kind === ref.kind);
    ctx.report({
      path: ['spec', 'targetRef', groupWrong ? 'group' : 'kind'],
      bare: true,
      message: `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} cannot target ${group === '' ? '' : `${group}/`}${ref.kind}: the controller rejects it (${controllerMessage(kind, group, ref.kind)}). It attaches to ${allowed.join(', ')}.`,
    });
  },
});
