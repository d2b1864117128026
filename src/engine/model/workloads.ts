// Workloads and namespaces as NetworkPolicies see them: every workload (Deployment, StatefulSet,
// DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, bare Pod, and the items of a `List` or
// `PodList`/`DeploymentList`/…) stands for its pods: their labels, namespace (`default` when
// unset), container ports and hostNetwork. A Pod owned by a controller (ownerReferences with
// `controller: true`) is shown as that owner, so a dump of live Pods reads like the manifests that
// made them. Namespaces carry their labels plus `kubernetes.io/metadata.name`, which the API server
// always sets; a namespace with no Namespace object still exists with only that label.
// Pure functions over the objects the engine records (`ManifestObject`), or any object like them.

import type { Path } from '../types';
import { asList, asRecord, valueAt } from '../util/values';
import type { ManifestObject } from '../workspace/objects';
import { labelsOf } from './labelSelector';
import { appendAll } from '../util/arrays';

export const DEFAULT_NAMESPACE = 'default';
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

interface WorkloadKind {
  /** API groups the kind is read from ('' is the core group); other groups hold unrelated CRDs. */
  groups: readonly string[];
  /** Path of the pod template (the object with `metadata` and `spec`); `[]` for a Pod itself. */
  template: Path;
}

/** Where each workload kind keeps its pod template. The one table; editing/workspaceLabels reads it too. */
export const WORKLOAD_KINDS: Readonly<Record<string, WorkloadKind>> = {
  Pod: { groups: [''], template: [] },
  Deployment: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  StatefulSet: { groups: ['apps'], template: ['spec', 'template'] },
  DaemonSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  ReplicaSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'] },
  ReplicationController: { groups: [''], template: ['spec', 'template'] },
  Job: { groups: ['batch'], template: ['spec', 'template'] },
  CronJob: { groups: ['batch'], template: ['spec', 'jobTemplate', 'spec', 'template'] },
};

/** Path of the pod template of a workload kind, or undefined for other kinds. */
export function podTemplatePath(kind: string): Path | undefined {
  return Object.prototype.hasOwnProperty.call(WORKLOAD_KINDS, kind)
    ? WORKLOAD_KINDS[kind].template
    : undefined;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  /** `TCP` when the manifest leaves it out. */
  protocol: string;
}

/**
 * What the model reads of an object: its kind, apiVersion and value as the engine records them
 * (`ManifestObject`: Lists are already opened and typed-list items carry the list's kind). Any
 * object with these fields will do, such as the items `kubectl get` returns.
 */
export type ObjectLike = Pick<ManifestObject, 'kind' | 'apiVersion' | 'value'>;

export interface Workload<O = unknown> {
  /** The workload's kind, or the owner's kind for an owned Pod (`ReplicaSet`). */
  kind: string;
  name: string;
  namespace: string;
  /** Labels of its pods. */
  labels: Record<string, string>;
  /** Ports of the pods' (non-init) containers, which is where named ports are resolved. */
  ports: ContainerPort[];
  hostNetwork: boolean;
  /** The objects it was read from: one manifest, or every Pod of an owner. */
  sources: O[];
}

export interface NamespaceInfo<O = unknown> {
  name: string;
  labels: Record<string, string>;
  /** Read from a Namespace object; false for a namespace only referenced by other objects. */
  declared: boolean;
  source?: O;
}

export interface WorkloadOptions {
  /**
   * Objects read from a live cluster: Pods that are not scheduled or have no IP yet are left out, as
   * they take part in no traffic. Manifests are taken as they are.
   */
  live?: boolean;
}

export interface WorkloadSet<O = unknown> {
  /** In input order (first appearance of each workload). */
  workloads: Workload<O>[];
  /** Declared Namespace objects, by name. */
  namespaces: Map<string, NamespaceInfo<O>>;
  /** One sentence per problem that changed the result (a duplicate workload, pods that disagree). */
  warnings: string[];
}

/** `shop/web[Deployment]`: how a workload is named in every output. */
export function workloadName(workload: Pick<Workload, 'namespace' | 'name' | 'kind'>): string {
  return `${workload.namespace}/${workload.name}[${workload.kind}]`;
}

/** The Namespace object's view of a namespace: its labels with the name label the API server sets. */
export function namespaceLabels(name: string, labels: unknown = undefined): Record<string, string> {
  return { ...labelsOf(labels), [NAMESPACE_NAME_LABEL]: name };
}

/** Reads workloads and Namespace objects from the objects of manifests (or of a live cluster). */
export function findWorkloads<O extends ObjectLike>(
  objects: readonly O[],
  options: WorkloadOptions = {},
): WorkloadSet<O> {
  const result: WorkloadSet<O> = { workloads: [], namespaces: new Map(), warnings: [] };
  const byName = new Map<string, { workload: Workload<O>; fromPods: boolean }>();
  for (const object of objects) {
    if (object.kind === 'Namespace' && groupOf(object.apiVersion) === '') {
      addNamespace(result, object);
      continue;
    }
    const workload = readWorkload(object, options);
    if (workload) addWorkload(result, byName, workload, object.kind === 'Pod');
  }
  return result;
}

/** The API group of an apiVersion; undefined when the object does not say (any group will do). */
function groupOf(apiVersion: string): string | undefined {
  if (apiVersion === '') return undefined;
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

function addNamespace<O extends ObjectLike>(result: WorkloadSet<O>, source: O): void {
  const metadata = asRecord(source.value.metadata);
  if (typeof metadata.name !== 'string' || metadata.name === '') return;
  if (result.namespaces.has(metadata.name)) {
    result.warnings.push(
      `Namespace ${metadata.name} is defined more than once; the first definition is used.`,
    );
    return;
  }
  result.namespaces.set(metadata.name, {
    name: metadata.name,
    labels: namespaceLabels(metadata.name, metadata.labels),
    declared: true,
    source,
  });
}

function readWorkload<O extends ObjectLike>(source: O, options: WorkloadOptions): Workload<O> | undefined {
  const { kind, value: item } = source;
  const template = podTemplatePath(kind);
  const group = groupOf(source.apiVersion);
  if (!template || (group !== undefined && !WORKLOAD_KINDS[kind].groups.includes(group))) return undefined;
  const metadata = asRecord(item.metadata);
  if (typeof metadata.name !== 'string' || metadata.name === '') return undefined;
  if (kind === 'Pod' && options.live && !isRunning(item)) return undefined;
  const namespace =
    typeof metadata.namespace === 'string' && metadata.namespace !== ''
      ? metadata.namespace
      : DEFAULT_NAMESPACE;
  const pod = asRecord(valueAt(item, template));
  const spec = asRecord(pod.spec);
  const owner = kind === 'Pod' ? controllerOf(metadata) : undefined;
  return {
    kind: owner?.kind ?? kind,
    name: owner?.name ?? metadata.name,
    namespace,
    labels: labelsOf(asRecord(pod.metadata).labels),
    ports: containerPorts(spec),
    hostNetwork: spec.hostNetwork === true,
    sources: [source],
  };
}

/** The controlling owner of a Pod; a Node owns static (mirror) Pods, which stay Pods. */
function controllerOf(metadata: Record<string, unknown>): { kind: string; name: string } | undefined {
  for (const reference of asList(metadata.ownerReferences).map(asRecord)) {
    if (reference.controller !== true) continue;
    if (typeof reference.kind !== 'string' || typeof reference.name !== 'string' || reference.kind === 'Node')
      return undefined;
    return { kind: reference.kind, name: reference.name };
  }
  return undefined;
}

/** A live Pod takes part in traffic once it is on a node and has an IP. */
function isRunning(pod: Record<string, unknown>): boolean {
  const status = asRecord(pod.status);
  const hasIp = asList(status.podIPs).length > 0 || (typeof status.podIP === 'string' && status.podIP !== '');
  return typeof status.hostIP === 'string' && status.hostIP !== '' && hasIp;
}

function containerPorts(spec: Record<string, unknown>): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const container of asList(spec.containers).map(asRecord)) {
    for (const raw of asList(container.ports).map(asRecord)) {
      const number = raw.containerPort;
      if (typeof number !== 'number' || !Number.isInteger(number)) continue;
      const port: ContainerPort = {
        containerPort: number,
        protocol: typeof raw.protocol === 'string' && raw.protocol !== '' ? raw.protocol : 'TCP',
      };
      if (typeof raw.name === 'string' && raw.name !== '') port.name = raw.name;
      ports.push(port);
    }
  }
  return ports;
}

function addWorkload<O>(
  result: WorkloadSet<O>,
  byName: Map<string, { workload: Workload<O>; fromPods: boolean }>,
  workload: Workload<O>,
  fromPod: boolean,
): void {
  const key = workloadName(workload);
  const entry = byName.get(key);
  const ownedPod = fromPod && workload.kind !== 'Pod';
  if (!entry) {
    byName.set(key, { workload, fromPods: ownedPod });
    result.workloads.push(workload);
    return;
  }
  if (!ownedPod || !entry.fromPods) {
    result.warnings.push(`${key} is defined more than once; the first definition is used.`);
    return;
  }
  const known = entry.workload;
  // Another Pod of the same owner: one workload, with the first Pod's labels.
  appendAll(known.sources, workload.sources);
  known.hostNetwork ||= workload.hostNetwork;
  for (const port of workload.ports) {
    if (
      !known.ports.some(
        (p) => p.name === port.name && p.containerPort === port.containerPort && p.protocol === port.protocol,
      )
    )
      known.ports.push(port);
  }
  if (!sameLabels(known.labels, workload.labels)) {
    result.warnings.push(`The Pods of ${key} have different labels; the first Pod's labels are used.`);
  }
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

/**
 * The namespaces of the given names: the declared ones with their labels, the others with only the
 * name label (they exist, with no Namespace object in the input).
 */
export function resolveNamespaces<O>(
  declared: ReadonlyMap<string, NamespaceInfo<O>>,
  names: Iterable<string>,
): Map<string, NamespaceInfo<O>> {
  const resolved = new Map(declared);
  for (const name of names) {
    if (!resolved.has(name)) resolved.set(name, { name, labels: namespaceLabels(name), declared: false });
  }
  return resolved;
}
