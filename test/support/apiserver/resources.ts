// The API resources the test API server knows: enough for kubectl discovery and for every resource
// the cluster commands read or change.

import { LATTICE_RESOURCE_TYPES } from './latticeResources';

export interface ResourceType {
  group: string; // '' for the core group
  version: string;
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

export const RESOURCE_TYPES: ResourceType[] = [
  {
    group: '',
    version: 'v1',
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    shortNames: ['cm'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    shortNames: ['po'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    shortNames: ['ds'],
  },
  {
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    kind: 'NetworkPolicy',
    namespaced: true,
    shortNames: ['netpol'],
  },
  {
    group: 'crd.k8s.amazonaws.com',
    version: 'v1alpha1',
    plural: 'eniconfigs',
    singular: 'eniconfig',
    kind: 'ENIConfig',
    namespaced: false,
  },
  {
    group: 'vpcresources.k8s.aws',
    version: 'v1beta1',
    plural: 'securitygrouppolicies',
    singular: 'securitygrouppolicy',
    kind: 'SecurityGroupPolicy',
    namespaced: true,
    shortNames: ['sgp'],
  },
  {
    group: 'vpcresources.k8s.aws',
    version: 'v1alpha1',
    plural: 'cninodes',
    singular: 'cninode',
    kind: 'CNINode',
    namespaced: false,
    shortNames: ['cnd'],
  },
  ...LATTICE_RESOURCE_TYPES,
];

export function groupVersion(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

export function findType(group: string, version: string, plural: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => t.group === group && t.version === version && t.plural === plural);
}

export function findTypeByKind(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((t) => groupVersion(t) === apiVersion && t.kind === kind);
}

const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

/** Legacy discovery documents: /api, /api/v1, /apis, /apis/GROUP/VERSION. */
export function discoveryDocument(path: string): unknown | undefined {
  if (path === '/api') {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
    };
  }
  if (path === '/apis') {
    const groups = new Map<string, string[]>();
    for (const type of RESOURCE_TYPES) {
      if (type.group === '') continue;
      const versions = groups.get(type.group) ?? [];
      if (!versions.includes(type.version)) versions.push(type.version);
      groups.set(type.group, versions);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups].map(([name, versions]) => ({
        name,
        versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
    };
  }
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!match) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3];
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: types.map((t) => ({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: VERBS,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    })),
  };
}

/**
 * OpenAPI v3: kubectl apply/diff download the index and the document of the object's group-version.
 * Each document declares the kinds (so kubectl finds the GVK) and a PATCH operation that accepts
 * `fieldValidation`, which makes kubectl leave validation to the server instead of fetching OpenAPI v2.
 */
export function openApiDocument(path: string): unknown | undefined {
  if (path === '/openapi/v3') {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const type of RESOURCE_TYPES) {
      const key = type.group === '' ? `api/${type.version}` : `apis/${type.group}/${type.version}`;
      paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=test` };
    }
    return { paths };
  }
  const match = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
  if (!match) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3];
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  const fieldValidation = {
    name: 'fieldValidation',
    in: 'query',
    schema: { type: 'string' },
    uniqueItems: true,
  };
  const dryRun = { name: 'dryRun', in: 'query', schema: { type: 'string' }, uniqueItems: true };
  for (const type of types) {
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    schemas[`test.${type.group || 'core'}.${type.version}.${type.kind}`] = {
      type: 'object',
      'x-kubernetes-group-version-kind': [gvk],
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
        spec: { type: 'object' },
        data: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };
    const base = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
    const itemPath = type.namespaced
      ? `${base}/namespaces/{namespace}/${type.plural}/{name}`
      : `${base}/${type.plural}/{name}`;
    const operation = {
      'x-kubernetes-group-version-kind': gvk,
      parameters: [fieldValidation, dryRun],
      responses: {},
    };
    paths[itemPath] = {
      patch: { ...operation, 'x-kubernetes-action': 'patch' },
      put: { ...operation, 'x-kubernetes-action': 'put' },
    };
    const listPath = type.namespaced
      ? `${base}/namespaces/{namespace}/${type.plural}`
      : `${base}/${type.plural}`;
    paths[listPath] = { post: { ...operation, 'x-kubernetes-action': 'post' } };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.3' },
    paths,
    components: { schemas },
  };
}
