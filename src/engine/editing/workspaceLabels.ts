// Labels used by the workspace's other manifests (pod templates, Pods, Namespaces, ServiceAccounts),
// so completion inside a selector's `matchLabels` offers labels that real objects carry, ranked by
// how many objects carry them. Text is read through the engine's guarded parse (depth, duplicate
// keys, alias expansion), and what is kept is bounded by what Kubernetes itself accepts.

import { readObjects } from '../workspace/readObjects';
import { asList, asRecord, valueAt } from '../util/values';
import type { Path } from '../types';
import { podTemplatePath } from '../model/workloads';

export type LabelTarget = 'pods' | 'namespaces' | 'serviceAccounts';

/** How many objects carry a label (or a port name), and the first few of them (`Deployment shop/web`). */
export interface LabelUse {
  count: number;
  places: string[];
}

/** One label key: how many objects carry it, and each of its values. */
export interface KeyUse {
  count: number;
  values: Map<string, LabelUse>;
}

export type LabelMap = Map<string, KeyUse>;

/** Places remembered per label value, for the completion detail. */
export const MAX_PLACES = 5;
/** Longer keys, values and port names are invalid in Kubernetes (253 + `/` + 63, 63, 15): no pod has them. */
const MAX_KEY_LENGTH = 317;
const MAX_VALUE_LENGTH = 63;
const MAX_PORT_NAME_LENGTH = 63;
/** Object names are at most 253 characters; a longer one is cut in the place description. */
const MAX_PLACE_LENGTH = 300;

export class WorkspaceLabels {
  readonly pods: LabelMap = new Map();
  readonly namespaces: LabelMap = new Map();
  readonly serviceAccounts: LabelMap = new Map();
  /** Named container ports: name → `8080/TCP on Deployment shop/web` descriptions. */
  readonly portNames = new Map<string, LabelUse>();

  of(target: LabelTarget): LabelMap {
    return this[target];
  }

  add(target: LabelTarget, labels: unknown, where: string): void {
    for (const [key, value] of Object.entries(asRecord(labels))) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const text = String(value);
      if (key.length > MAX_KEY_LENGTH || text.length > MAX_VALUE_LENGTH) continue;
      const map = this[target];
      let use = map.get(key);
      if (!use) map.set(key, (use = { count: 0, values: new Map() }));
      use.count++;
      addUse(use.values, text, where);
    }
  }

  addPorts(podSpec: unknown, where: string): void {
    for (const container of [
      ...asList(asRecord(podSpec).containers),
      ...asList(asRecord(podSpec).initContainers),
    ]) {
      for (const raw of asList(asRecord(container).ports)) {
        const port = asRecord(raw);
        if (typeof port.name !== 'string' || port.name === '' || port.name.length > MAX_PORT_NAME_LENGTH)
          continue;
        const protocol = typeof port.protocol === 'string' ? port.protocol.slice(0, 10) : 'TCP';
        addUse(
          this.portNames,
          port.name,
          `${String(port.containerPort).slice(0, 10)}/${protocol} on ${where}`,
        );
      }
    }
  }
}

function addUse(map: Map<string, LabelUse>, name: string, place: string): void {
  let use = map.get(name);
  if (!use) map.set(name, (use = { count: 0, places: [] }));
  use.count++;
  if (use.places.length < MAX_PLACES && !use.places.includes(place)) use.places.push(place);
}

/** Larger texts are generated dumps, not where workload labels live; they are not read for labels. */
export const MAX_LABEL_SOURCE_CHARS = 2 * 1024 * 1024;

/** Adds the labels found in one file's text. Cheap to call on files that hold none. */
export function collectLabels(text: string, into: WorkspaceLabels): void {
  if (text.length > MAX_LABEL_SOURCE_CHARS || !text.includes('kind')) return;
  addObjectLabels(readObjects(text), into);
}

/** Adds the labels that these objects (of any kind, List items included) carry or select by. */
export function addObjectLabels(
  objects: Iterable<{ kind: string; value: Record<string, unknown> }>,
  into: WorkspaceLabels,
): void {
  for (const { kind, value } of objects) {
    const metadata = asRecord(value.metadata);
    const name = typeof metadata.name === 'string' ? metadata.name : '?';
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
    const where = `${kind} ${namespace ? `${namespace}/` : ''}${name}`.slice(0, MAX_PLACE_LENGTH);
    if (namespace) into.add('namespaces', { 'kubernetes.io/metadata.name': namespace }, where);
    const template = podTemplatePath(kind);
    if (template) {
      into.add('pods', valueAt(value, [...template, 'metadata', 'labels']), where);
      into.addPorts(valueAt(value, [...template, 'spec']), where);
    }
    if (kind === 'Namespace') {
      into.add('namespaces', metadata.labels, where);
      into.add('namespaces', { 'kubernetes.io/metadata.name': name }, where);
    }
    if (kind === 'ServiceAccount') into.add('serviceAccounts', metadata.labels, where);
  }
}

/** Which objects a selector at `path` selects, judged by the selector's key. */
export function selectorTarget(path: Path): LabelTarget | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (segment === 'namespaceSelector') return 'namespaces';
    if (segment === 'serviceAccountSelector') return 'serviceAccounts';
    if (segment === 'podSelector') return 'pods';
  }
  return undefined;
}
