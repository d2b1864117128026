// What the Lattice rules share: the kind lists, the binding gate, and readers of route rules,
// matches and annotations that tolerate any shape (rules also run on documents the schema rejects).

import type { LatticeKind, Path } from '../../types';
import { ROUTE_KINDS as MODEL_ROUTE_KINDS, type GatewayApiObject } from '../../model/lattice';
import { LATTICE_ANNOTATION_PREFIX } from '../../model/latticeAnnotations';
import { latticeWorkspace, type LatticeWorkspace } from '../../model/latticeWorkspace';
import { POLICY_KINDS as MODEL_POLICY_KINDS } from '../../model/latticePolicies';
import { asList, asRecord, isRecord } from '../../util/values';
import type { WorkspaceObject } from '../../workspace/objects';
import type { WorkspaceRuleContext } from '../types';

export { boundToLattice } from '../../model/latticeWorkspace';

export const ROUTE_KINDS: readonly LatticeKind[] = MODEL_ROUTE_KINDS;
/** Routes with rule matches (TLSRoute has none). */
export const MATCHING_ROUTE_KINDS: readonly LatticeKind[] = ['HTTPRoute', 'GRPCRoute'];
export const POLICY_KINDS: readonly LatticeKind[] = MODEL_POLICY_KINDS;

/** The Gateway docs, the routes' and the policies' pages of the controller's documentation. */
export const CONTROLLER_DOCS = 'https://www.gateway-api-controller.eks.aws.dev/latest/';

export interface RouteRule {
  rule: Record<string, unknown>;
  index: number;
  path: Path;
}

export function routeRules(value: Record<string, unknown>): RouteRule[] {
  return asList(asRecord(value.spec).rules).flatMap((rule, index) =>
    isRecord(rule) ? [{ rule, index, path: ['spec', 'rules', index] }] : [],
  );
}

export interface RouteMatch {
  match: Record<string, unknown>;
  rule: RouteRule;
  index: number;
  path: Path;
}

export function routeMatches(value: Record<string, unknown>): RouteMatch[] {
  return routeRules(value).flatMap((rule) =>
    asList(rule.rule.matches).flatMap((match, index) =>
      isRecord(match) ? [{ match, rule, index, path: [...rule.path, 'matches', index] }] : [],
    ),
  );
}

/** Path of a controller annotation in the object. */
export function annotationPath(key: string): Path {
  return ['metadata', 'annotations', `${LATTICE_ANNOTATION_PREFIX}${key}`];
}

export function annotationValue(value: Record<string, unknown>, key: string): unknown {
  return asRecord(asRecord(value.metadata).annotations)[`${LATTICE_ANNOTATION_PREFIX}${key}`];
}

export function metadataOf(value: Record<string, unknown>): { name?: string; namespace?: string } {
  const metadata = asRecord(value.metadata);
  return {
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
  };
}

/** `hotel/rates`, or `rates` when the manifest leaves the namespace to kubectl. */
export function qualifiedName(name: string | undefined, namespace: string | undefined): string {
  return `${namespace ? `${namespace}/` : ''}${name ?? '(unnamed)'}`;
}

/** The objects of a cross-resource check that the Lattice controller handles, of these kinds. */
export function boundObjects(
  ctx: WorkspaceRuleContext<unknown>,
  kinds: readonly string[],
): { object: WorkspaceObject; view: LatticeWorkspace }[] {
  const wanted = ctx.objects.filter((object) => object.resource && kinds.includes(object.resource.kind));
  if (wanted.length === 0) return [];
  const view = latticeWorkspace(ctx.workspace, ctx.settings);
  return wanted.filter((object) => view.isBound(object)).map((object) => ({ object, view }));
}

/** A Gateway in messages: `hotel/my-hotel`. */
export function gatewayName(gateway: GatewayApiObject): string {
  return qualifiedName(gateway.metadata?.name, gateway.metadata?.namespace);
}
