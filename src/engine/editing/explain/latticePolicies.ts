// Plain-word pieces of the Lattice explanations: object titles, the policies attached to an object,
// and what an IAM auth policy allows.

import { checkAuthPolicy } from '../../model/latticeAuthPolicy';
import { findPolicyTarget, type PolicyKind } from '../../model/latticePolicies';
import type { LatticeWorkspace } from '../../model/latticeWorkspace';
import type { JsonNode } from '../../util/jsonTree';
import { asRecord } from '../../util/values';
import type { WorkspaceObject } from '../../workspace/objects';

/** `HTTPRoute hotel/rates`. */
export function objectTitle(kind: string, value: { metadata?: unknown }): string {
  const metadata = asRecord(value.metadata);
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
  return `${kind} ${namespace}${name}`;
}

/** The policies of a kind in the workspace that attach to `target`. */
export function policiesOn(
  target: WorkspaceObject,
  view: LatticeWorkspace,
  kind: PolicyKind,
): WorkspaceObject[] {
  return view.objects.filter(
    (object) => object.kind === kind && findPolicyTarget(object, view.objects)?.value === target.value,
  );
}

function strings(node: JsonNode | undefined): string[] {
  if (!node) return [];
  if (node.type === 'string') return [node.value];
  if (node.type === 'array') return node.items.flatMap(strings);
  if (node.type === 'object') return node.entries.flatMap((entry) => strings(entry.value));
  return [];
}

function entry(node: JsonNode, key: string): JsonNode | undefined {
  return node.type === 'object' ? node.entries.find((candidate) => candidate.key === key)?.value : undefined;
}

/** One line per statement of an IAMAuthPolicy: who may (or may not) do what. */
export function authPolicyLines(policy: Record<string, unknown>): string[] {
  const text = asRecord(policy.spec).policy;
  if (typeof text !== 'string') return [];
  const { root, invalid } = checkAuthPolicy(text);
  if (!root || invalid.length > 0)
    return ['- The policy document is not valid (see the diagnostics): Lattice does not apply it.'];
  const statement = entry(root, 'Statement');
  const statements = statement?.type === 'array' ? statement.items : statement ? [statement] : [];
  return statements.map((item) => {
    const effect = entry(item, 'Effect');
    const principal = entry(item, 'Principal');
    const who =
      principal?.type === 'string' && principal.value === '*'
        ? 'any principal'
        : strings(principal).join(', ') ||
          (entry(item, 'NotPrincipal') ? 'every principal but those listed' : 'nobody');
    const actions = strings(entry(item, 'Action')).join(', ') || 'the actions not listed';
    const condition = entry(item, 'Condition') ? ', under conditions' : '';
    return `- ${effect?.type === 'string' ? effect.value : '?'}: ${who} → ${actions}${condition}`;
  });
}
