// The AWS Gateway API Controller's policies: which objects each kind may target, where the
// controller looks for the target, and what a policy does once attached. One table read by the
// rules, completion and Explain.

import { asRecord } from '../util/values';
import type { WorkspaceObject } from '../workspace/objects';
import { GATEWAY_API_GROUP, LATTICE_API_GROUP } from './lattice';

export type PolicyKind = 'TargetGroupPolicy' | 'IAMAuthPolicy' | 'VpcAssociationPolicy' | 'AccessLogPolicy';

export const POLICY_KINDS: readonly PolicyKind[] = [
  'TargetGroupPolicy',
  'IAMAuthPolicy',
  'VpcAssociationPolicy',
  'AccessLogPolicy',
];

export interface TargetKind {
  group: string;
  kind: string;
  /** What the policy does to this target, for completion and Explain. */
  effect: string;
}

export const POLICY_TARGETS: Readonly<Record<PolicyKind, readonly TargetKind[]>> = {
  IAMAuthPolicy: [
    { group: GATEWAY_API_GROUP, kind: 'Gateway', effect: 'auth policy of the whole service network' },
    { group: GATEWAY_API_GROUP, kind: 'HTTPRoute', effect: "auth policy of the route's Lattice service" },
    { group: GATEWAY_API_GROUP, kind: 'GRPCRoute', effect: "auth policy of the route's Lattice service" },
  ],
  TargetGroupPolicy: [
    {
      group: '',
      kind: 'Service',
      effect: 'protocol and health checks of the target groups made from the Service',
    },
    {
      group: LATTICE_API_GROUP,
      kind: 'ServiceExport',
      effect: 'protocol and health checks of the exported target groups',
    },
  ],
  VpcAssociationPolicy: [
    {
      group: GATEWAY_API_GROUP,
      kind: 'Gateway',
      effect: "association of the cluster VPC with the Gateway's service network, and its security groups",
    },
  ],
  AccessLogPolicy: [
    { group: GATEWAY_API_GROUP, kind: 'Gateway', effect: 'access logs of the whole service network' },
    { group: GATEWAY_API_GROUP, kind: 'HTTPRoute', effect: "access logs of the route's Lattice service" },
    { group: GATEWAY_API_GROUP, kind: 'GRPCRoute', effect: "access logs of the route's Lattice service" },
  ],
};

export interface PolicyTargetRef {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export function targetRefOf(policy: Record<string, unknown>): PolicyTargetRef {
  const ref = asRecord(asRecord(policy.spec).targetRef);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    group: text(ref.group),
    kind: text(ref.kind),
    name: text(ref.name),
    namespace: text(ref.namespace),
  };
}

export function isPolicyKind(kind: string): kind is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(kind);
}

export function supportedTarget(kind: PolicyKind, ref: PolicyTargetRef): TargetKind | undefined {
  return POLICY_TARGETS[kind].find(
    (target) => target.group === (ref.group ?? '') && target.kind === ref.kind,
  );
}

/**
 * The namespace the controller looks for the target in. An AccessLogPolicy reads an omitted
 * `targetRef.namespace` as `default`; the other kinds always look in the policy's own namespace.
 * undefined when that is the namespace the manifest is applied to (not written).
 */
export function targetLookupNamespace(
  kind: PolicyKind,
  ref: PolicyTargetRef,
  policyNamespace: string | undefined,
): string | undefined {
  if (kind === 'AccessLogPolicy') return ref.namespace ?? 'default';
  return policyNamespace;
}

/** The workspace object a policy targets, looked up as the controller does. */
export function findPolicyTarget(
  policy: WorkspaceObject,
  objects: readonly WorkspaceObject[],
): WorkspaceObject | undefined {
  const kind = policy.kind;
  if (!isPolicyKind(kind)) return undefined;
  const ref = targetRefOf(policy.value);
  const target = supportedTarget(kind, ref);
  if (!target || ref.name === undefined) return undefined;
  const namespace = targetLookupNamespace(kind, ref, policy.namespace);
  return objects.find(
    (object) =>
      object.kind === target.kind &&
      groupOfApiVersion(object.apiVersion) === target.group &&
      object.name === ref.name &&
      (object.namespace === undefined || namespace === undefined || object.namespace === namespace),
  );
}

function groupOfApiVersion(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
