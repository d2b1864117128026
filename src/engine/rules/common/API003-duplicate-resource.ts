import { describePlace, type WorkspaceObject } from '../../workspace/objects';
import type { Workspace } from '../../workspace/workspace';
import { defineRule } from '../types';

/** Our resources that share an identity, grouped by it in workspace order (files in the order they were added). */
function byIdentity(workspace: Workspace): Map<string, WorkspaceObject[]> {
  return workspace.derived('API003/byIdentity', () => {
    const groups = new Map<string, WorkspaceObject[]>();
    // The workspace counts identities as files change: with none repeated, there is nothing to group.
    const repeated = workspace.repeatedIdentities();
    if (repeated.size === 0) return groups;
    for (const object of workspace.objects()) {
      const key = object.identity;
      if (key === undefined || !repeated.has(key)) continue;
      const group = groups.get(key);
      if (group) group.push(object);
      else groups.set(key, [object]);
    }
    return groups;
  });
}

export default defineRule({
  code: 'API003',
  slug: 'duplicate-resource',
  kinds: 'any',
  category: 'semantics',
  defaultSeverity: 'warning',
  summary:
    'Two resources of the same kind have the same namespace and name, in one file (or, in `eksnet lint`, one run).',
  why: 'The API server keeps one object per kind, namespace and name: applying both leaves only the one applied last, so the other never takes effect. Usually one of them was copied and not renamed.',
  badExample:
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Ingress]',
  goodExample:
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      app: web\n  policyTypes: [Ingress]',
  docs: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/',
  checkWorkspace(ctx) {
    const groups = byIdentity(ctx.workspace);
    if (groups.size === 0) return;
    let current: Map<unknown, WorkspaceObject> | undefined;
    for (const object of ctx.objects) {
      const key = object.identity;
      const group = key === undefined ? undefined : groups.get(key);
      if (!group || group.length < 2 || group[0].value === object.value) continue;
      // In the editor, copies in other files are drafts or other environments' overlays.
      if (ctx.workspace.scope === 'editor' && group[0].file !== object.file) {
        const sameFile = group.find((candidate) => candidate.file === object.file);
        if (!sameFile || sameFile.value === object.value) continue;
      }
      // The group may be from before an edit moved things; take the first one's current place.
      current ??= new Map(ctx.workspace.objects().map((candidate) => [candidate.value, candidate]));
      const earlier =
        ctx.workspace.scope === 'editor'
          ? group.find((candidate) => candidate.file === object.file)!
          : group[0];
      const first = current.get(earlier.value) ?? earlier;
      const where = object.namespace === undefined ? '' : `${object.namespace}/`;
      ctx.report(object, {
        path: ['metadata', 'name'],
        bare: true,
        message: `${object.kind} "${where}${object.name}" is also defined at ${describePlace(first, object.file)}: applying both keeps only the one applied last. Rename one of them.`,
      });
    }
  },
});
