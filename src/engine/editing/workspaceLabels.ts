// Labels used by the workspace's other manifests (pod templates, Pods, Namespaces, ServiceAccounts),
// so completion inside a selector's `matchLabels` offers labels that real objects carry.

import { parseAllDocuments } from 'yaml';
import { asList, asRecord, valueAt } from '../util/values';
import type { Path } from '../types';
import { podTemplatePath } from '../model/workloads';

export type LabelTarget = 'pods' | 'namespaces' | 'serviceAccounts';

/** label key → value → where it was seen (`Deployment shop/web`). */
export type LabelMap = Map<string, Map<string, Set<string>>>;

export class WorkspaceLabels {
  readonly pods: LabelMap = new Map();
  readonly namespaces: LabelMap = new Map();
  readonly serviceAccounts: LabelMap = new Map();

  of(target: LabelTarget): LabelMap {
    return this[target];
  }

  add(target: LabelTarget, labels: unknown, where: string): void {
    for (const [key, value] of Object.entries(asRecord(labels))) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      const map = this[target];
      let values = map.get(key);
      if (!values) map.set(key, (values = new Map()));
      let places = values.get(String(value));
      if (!places) values.set(String(value), (places = new Set()));
      if (places.size < 5) places.add(where);
    }
  }

  /** Named container ports: name → `8080/TCP on Deployment shop/web` descriptions. */
  readonly portNames = new Map<string, Set<string>>();

  addPorts(podSpec: unknown, where: string): void {
    for (const container of [
      ...asList(asRecord(podSpec).containers),
      ...asList(asRecord(podSpec).initContainers),
    ]) {
      for (const raw of asList(asRecord(container).ports)) {
        const port = asRecord(raw);
        if (typeof port.name !== 'string' || port.name === '') continue;
        let places = this.portNames.get(port.name);
        if (!places) this.portNames.set(port.name, (places = new Set()));
        const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
        if (places.size < 5) places.add(`${String(port.containerPort)}/${protocol} on ${where}`);
      }
    }
  }

  merge(other: WorkspaceLabels): void {
    for (const [name, places] of other.portNames) {
      let mine = this.portNames.get(name);
      if (!mine) this.portNames.set(name, (mine = new Set()));
      for (const place of places) if (mine.size < 5) mine.add(place);
    }
    for (const target of ['pods', 'namespaces', 'serviceAccounts'] as const) {
      for (const [key, values] of other[target]) {
        for (const [value, places] of values) {
          for (const place of places) this.add(target, { [key]: value }, place);
        }
      }
    }
  }
}

/** Adds the labels found in one file's text. Cheap to call on files that hold none. */
export function collectLabels(text: string, into: WorkspaceLabels): void {
  if (!/\bkind:/.test(text) || text.length > 1_000_000) return;
  let documents;
  try {
    documents = parseAllDocuments(text, { logLevel: 'silent' });
  } catch {
    return;
  }
  if (!Array.isArray(documents)) return;
  for (const document of documents) {
    let value: Record<string, unknown>;
    try {
      value = asRecord(document.toJS({ maxAliasCount: 50 }));
    } catch {
      continue;
    }
    const kind = typeof value.kind === 'string' ? value.kind : '';
    const metadata = asRecord(value.metadata);
    const name = typeof metadata.name === 'string' ? metadata.name : '?';
    const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
    const where = `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
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
