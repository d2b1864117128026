// Completion of the values that name other objects in Gateway API and Lattice manifests, taken from
// the workspace: GatewayClasses for gatewayClassName, Gateways (and their listeners) for parentRefs,
// Services (and their ports) for backendRefs, and what a policy may target.

import type { EngineSettings } from '../settings';
import type { OffsetRange, Path } from '../types';
import {
  gatewayBinding,
  LATTICE_CONTROLLER_NAME,
  LATTICE_DEFAULT_CLASS_NAME,
  listenersOf,
  listenerRouteKinds,
  ROUTE_KINDS,
} from '../model/lattice';
import { latticeWorkspace } from '../model/latticeWorkspace';
import { servicePorts } from '../model/latticeBackends';
import { isPolicyKind, POLICY_TARGETS } from '../model/latticePolicies';
import type { WorkspaceObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';
import type { CompletionCandidate } from './completion';
import type { CursorPlace, DocumentAtCursor } from './cursor';
import { unquote, type OutlineNode } from './yamlOutline';

export interface LatticeCompletionContext {
  workspace: () => Workspace;
  settings: EngineSettings;
}

function sibling(node: OutlineNode, key: string): string | undefined {
  const entry = node.parent?.children.find((child) => child.kind === 'entry' && child.key === key);
  return entry ? unquote(entry.valueText) || undefined : undefined;
}

function documentNamespace(doc: DocumentAtCursor): string | undefined {
  const metadata = doc.resourceNode.children.find((child) => child.key === 'metadata');
  const namespace = metadata?.children.find((child) => child.key === 'namespace');
  return namespace ? unquote(namespace.valueText) || undefined : undefined;
}

function matches(path: Path, pattern: readonly (string | '#')[]): boolean {
  return (
    path.length === pattern.length &&
    pattern.every((part, index) => (part === '#' ? typeof path[index] === 'number' : path[index] === part))
  );
}

function where(object: WorkspaceObject): string {
  return `${object.namespace ? `${object.namespace}/` : ''}${object.name ?? ''}`;
}

function value(
  label: string,
  range: OffsetRange,
  detail: string,
  documentation?: string,
  rank = 1,
  index = 0,
): CompletionCandidate {
  return {
    label,
    kind: 'value',
    detail,
    documentation,
    insertText: label,
    snippet: false,
    range,
    sortText: `${rank}${String(index).padStart(3, '0')}`,
  };
}

/** Candidates for a value of a Gateway API or Lattice document, or undefined when none apply here. */
export function latticeValueCandidates(
  doc: DocumentAtCursor,
  path: Path,
  place: CursorPlace,
  context: LatticeCompletionContext | undefined,
): CompletionCandidate[] | undefined {
  const kind = doc.resource?.kind;
  if (!kind) return undefined;
  const range = place.replace;
  if (kind === 'GatewayClass' && matches(path, ['spec', 'controllerName'])) {
    return [
      value(
        LATTICE_CONTROLLER_NAME,
        range,
        'AWS Gateway API Controller (VPC Lattice)',
        'The Lattice controller handles only classes with exactly this controllerName.',
        0,
      ),
    ];
  }
  if (!context) return undefined;
  const namespace = documentNamespace(doc);
  const objects = () => context.workspace().objects();
  const sameNamespaceFirst = (object: WorkspaceObject) =>
    object.namespace === undefined || namespace === undefined || object.namespace === namespace ? 0 : 1;

  if (kind === 'Gateway' && matches(path, ['spec', 'gatewayClassName'])) {
    const classes = objects().filter((object) => object.kind === 'GatewayClass' && object.name);
    const names = new Map<string, string>();
    for (const object of classes) {
      const controller = String(
        (object.value.spec as { controllerName?: unknown } | undefined)?.controllerName ?? '',
      );
      names.set(
        object.name!,
        controller === LATTICE_CONTROLLER_NAME
          ? 'GatewayClass (VPC Lattice)'
          : `GatewayClass (${controller})`,
      );
    }
    for (const name of context.settings.lattice.gatewayClasses)
      if (!names.has(name)) names.set(name, 'Lattice class (eksNetworking.lattice.gatewayClasses)');
    if (!names.has(LATTICE_DEFAULT_CLASS_NAME))
      names.set(LATTICE_DEFAULT_CLASS_NAME, 'the Lattice controller’s usual class name');
    return [...names].map(([name, detail], index) => value(name, range, detail, undefined, 0, index));
  }

  if ((ROUTE_KINDS as readonly string[]).includes(kind))
    return routeCandidates(doc, path, place, context, namespace, sameNamespaceFirst);
  if (isPolicyKind(kind)) return policyCandidates(kind, path, place, objects, sameNamespaceFirst);
  return undefined;
}

function routeCandidates(
  doc: DocumentAtCursor,
  path: Path,
  place: CursorPlace,
  context: LatticeCompletionContext,
  namespace: string | undefined,
  rank: (object: WorkspaceObject) => number,
): CompletionCandidate[] | undefined {
  const range = place.replace;
  const view = () => latticeWorkspace(context.workspace(), context.settings);
  if (matches(path, ['spec', 'parentRefs', '#', 'name'])) {
    const lattice = view();
    const gateways = [...lattice.latticeGateways, ...lattice.otherGateways].filter((gateway) => gateway.name);
    return gateways.map((gateway, index) => {
      const className = String(
        (gateway.value.spec as { gatewayClassName?: unknown } | undefined)?.gatewayClassName ?? '',
      );
      const isLattice = gatewayBinding(gateway.value, lattice.context) !== undefined;
      const listeners = listenersOf(gateway.value).map(
        (listener) => `\`${String(listener.name)}\` (${String(listener.protocol)} ${String(listener.port)})`,
      );
      const crossNamespace =
        gateway.namespace !== undefined && namespace !== undefined && gateway.namespace !== namespace;
      return {
        ...value(
          gateway.name!,
          range,
          `Gateway ${where(gateway)} · ${className}${isLattice ? ' (VPC Lattice)' : ''}`,
          `Listeners: ${listeners.join(', ') || 'none'}.${crossNamespace ? `\n\nIn another namespace: also set \`namespace: ${gateway.namespace}\`, and the listener must allow routes from this namespace.` : ''}`,
          rank(gateway),
          index,
        ),
      };
    });
  }
  if (matches(path, ['spec', 'parentRefs', '#', 'sectionName'])) {
    const name = sibling(place.node, 'name');
    const gateway = view()
      .latticeGateways.concat(view().otherGateways)
      .find((candidate) => candidate.name === name);
    if (!gateway) return [];
    return listenersOf(gateway.value).flatMap((listener, index) =>
      listener.name
        ? [
            value(
              listener.name,
              range,
              `${String(listener.protocol)} port ${String(listener.port)} · takes ${listenerRouteKinds(listener).join(', ') || 'no route kind'}`,
              undefined,
              listenerRouteKinds(listener).includes(doc.resource!.kind) ? 0 : 1,
              index,
            ),
          ]
        : [],
    );
  }
  if (matches(path, ['spec', 'parentRefs', '#', 'kind']))
    return [value('Gateway', range, 'the only parent kind Lattice reads', undefined, 0)];
  if (matches(path, ['spec', 'rules', '#', 'backendRefs', '#', 'kind'])) {
    return [
      value('Service', range, 'a Service of this cluster (the default)', undefined, 0, 0),
      value(
        'ServiceImport',
        range,
        'a Service exported by another cluster (application-networking.k8s.aws)',
        undefined,
        0,
        1,
      ),
    ];
  }
  const backendKind = sibling(place.node, 'kind') ?? 'Service';
  if (matches(path, ['spec', 'rules', '#', 'backendRefs', '#', 'name'])) {
    const targets = context
      .workspace()
      .objects()
      .filter(
        (object) =>
          object.kind === backendKind &&
          object.name &&
          (backendKind !== 'Service' || object.apiVersion === 'v1'),
      );
    return targets.map((target, index) => {
      const ports =
        backendKind === 'Service' ? servicePorts(target.value).map((port) => String(port.port)) : [];
      return value(
        target.name!,
        range,
        `${backendKind} ${where(target)}${ports.length > 0 ? ` · ports ${ports.join(', ')}` : ''}`,
        undefined,
        rank(target),
        index,
      );
    });
  }
  if (matches(path, ['spec', 'rules', '#', 'backendRefs', '#', 'port']) && backendKind === 'Service') {
    const name = sibling(place.node, 'name');
    const backendNamespace = sibling(place.node, 'namespace') ?? namespace;
    const service = context
      .workspace()
      .objects()
      .find(
        (object) =>
          object.kind === 'Service' &&
          object.name === name &&
          (object.namespace === undefined ||
            backendNamespace === undefined ||
            object.namespace === backendNamespace),
      );
    if (!service) return [];
    return servicePorts(service.value).flatMap((port, index) =>
      typeof port.port === 'number'
        ? [
            value(
              String(port.port),
              range,
              `Service port${port.name ? ` "${port.name}"` : ''} → targetPort ${String(port.targetPort ?? port.port)}`,
              'The Service port, not the container port: the Lattice target group registers the endpoints of the Service port with this number.',
              0,
              index,
            ),
          ]
        : [],
    );
  }
  return undefined;
}

function policyCandidates(
  kind: Parameters<typeof isPolicyKind>[0] & keyof typeof POLICY_TARGETS,
  path: Path,
  place: CursorPlace,
  objects: () => readonly WorkspaceObject[],
  rank: (object: WorkspaceObject) => number,
): CompletionCandidate[] | undefined {
  const range = place.replace;
  const targets = POLICY_TARGETS[kind];
  if (matches(path, ['spec', 'targetRef', 'kind'])) {
    return targets.map((target, index) =>
      value(target.kind, range, `group "${target.group}" · ${target.effect}`, undefined, 0, index),
    );
  }
  if (matches(path, ['spec', 'targetRef', 'group'])) {
    const targetKind = sibling(place.node, 'kind');
    const groups = [
      ...new Set(targets.filter((t) => !targetKind || t.kind === targetKind).map((t) => t.group)),
    ];
    return groups.map((group, index) =>
      value(
        group === '' ? '""' : group,
        range,
        group === '' ? 'the core group (Service): an empty string' : 'API group',
        undefined,
        0,
        index,
      ),
    );
  }
  if (matches(path, ['spec', 'targetRef', 'name'])) {
    const targetKind = sibling(place.node, 'kind');
    const allowed = targets
      .filter((target) => !targetKind || target.kind === targetKind)
      .map((target) => target.kind);
    return objects()
      .filter((object) => allowed.includes(object.kind) && object.name)
      .map((object, index) =>
        value(object.name!, range, `${object.kind} ${where(object)}`, undefined, rank(object), index),
      );
  }
  return undefined;
}
