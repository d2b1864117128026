// The workspace counts object identities (kind, namespace, name) as files change, so the
// duplicate check (API003) costs nothing while no name is taken twice. Whatever files are set,
// changed and removed, the repeated identities must be those a count from scratch gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace, type FileObject } from '../../src/engine';
import { objectIdentity } from '../../src/engine/workspace/objects';
import { seededRandom, type Random } from '../../scripts/bench/generateManifests';

const NAMES = ['web', 'api', 'db', 'cache'];

function object(random: Random): FileObject {
  const name = NAMES[Math.floor(random() * NAMES.length)];
  const namespace = random() < 0.5 ? 'shop' : 'pay';
  const resource = { kind: 'NetworkPolicy', scope: 'Namespaced' } as FileObject['resource'];
  return {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    name,
    namespace,
    value: { kind: 'NetworkPolicy', metadata: { name, namespace } },
    resource,
    identity: objectIdentity({ resource, name, namespace }),
    pathPrefix: [],
    range: { start: 0, end: 1 },
    documentIndex: 0,
    chunkStart: 0,
    line: 0,
  };
}

function countedFromScratch(workspace: Workspace): string[] {
  const counts = new Map<string, number>();
  for (const candidate of workspace.objects()) {
    if (candidate.identity === undefined) continue;
    counts.set(candidate.identity, (counts.get(candidate.identity) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([identity]) => identity)
    .sort();
}

test('repeated identities follow every change of files, as a count from scratch gives them', () => {
  const random = seededRandom(7);
  const workspace = new Workspace('editor');
  const files = new Map<string, FileObject[]>();
  for (let step = 0; step < 400; step++) {
    const file = `file:///f${Math.floor(random() * 4)}.yaml`;
    const current = files.get(file) ?? [];
    const choice = random();
    let next: FileObject[] | undefined;
    if (choice < 0.1) next = undefined;
    else if (choice < 0.4 || current.length === 0)
      next = Array.from({ length: Math.floor(random() * 6) }, () => object(random));
    else {
      // An edit: one object changes, is added or is removed, the rest stay as they were.
      next = [...current];
      const at = Math.floor(random() * next.length);
      if (choice < 0.7) next[at] = object(random);
      else if (choice < 0.85) next.splice(at, 0, object(random));
      else next.splice(at, 1);
    }
    if (next === undefined) {
      workspace.deleteFile(file);
      files.delete(file);
    } else {
      workspace.setFile(file, next);
      files.set(file, next);
    }
    assert.deepEqual(
      [...workspace.repeatedIdentities()].sort(),
      countedFromScratch(workspace),
      `step ${step}`,
    );
  }
});
