// The backendRefs of the Lattice routes of a cross-resource check, resolved against the
// workspace's Services and ServiceImports.

import { resolveBackends, type ResolvedBackend } from '../../model/latticeBackends';
import type { WorkspaceObject } from '../../workspace/objects';
import type { WorkspaceRuleContext } from '../types';
import { boundObjects, ROUTE_KINDS } from './common';

export function boundBackends(
  ctx: WorkspaceRuleContext<unknown>,
): { route: WorkspaceObject; backend: ResolvedBackend; hasServices: boolean }[] {
  return boundObjects(ctx, ROUTE_KINDS).flatMap(({ object, view }) =>
    resolveBackends(object.value, view.backends).map((backend) => ({
      route: object,
      backend,
      hasServices: view.backends.services.length > 0,
    })),
  );
}

/** `hotel/rates`, the Service or ServiceImport a backendRef names. */
export function backendName(backend: ResolvedBackend): string {
  return `${backend.namespace ? `${backend.namespace}/` : ''}${String(backend.ref.name)}`;
}
