// How the benchmark runs Red Hat's yaml-language-server with our NetworkPolicy schema: a settings
// object as VS Code would send it, pointing at a single-file copy of the schema (ours `$ref` the
// common definitions by URL, which yaml-language-server would try to download).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const COMMON_ID = 'https://eks-networking.github.io/schemas/k8s-common.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Writes the NetworkPolicy schema with the common definitions copied in and every `$ref` made local. */
export function writeSelfContainedSchema(projectRoot: string, directory: string): string {
  const read = (name: string): { [key: string]: Json } =>
    JSON.parse(readFileSync(join(projectRoot, 'schemas', name), 'utf8')) as { [key: string]: Json };
  const policy = read('networkpolicy-networking.k8s.io-v1.json');
  const common = read('k8s-common.json');
  const policyId = policy.$id as string;

  const localRef = (ref: string): string => {
    const [id, pointer = ''] = ref.split('#');
    const name = pointer.replace(/^\/definitions\//, '');
    if (id === COMMON_ID) return `#/definitions/common-${name}`;
    if (id === policyId || id === '') return `#/definitions/${name}`;
    throw new Error(`unexpected $ref ${ref} in the NetworkPolicy schema`);
  };
  const rewrite = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== 'object') return node;
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = key === '$ref' && typeof value === 'string' ? localRef(value) : rewrite(value);
    }
    return out;
  };

  const definitions: { [key: string]: Json } = {};
  for (const [name, definition] of Object.entries((common.definitions ?? {}) as { [key: string]: Json })) {
    definitions[`common-${name}`] = rewrite(definition);
  }
  for (const [name, definition] of Object.entries((policy.definitions ?? {}) as { [key: string]: Json })) {
    definitions[name] = rewrite(definition);
  }
  const { $id: _id, definitions: _definitions, ...rest } = policy;
  const bundled = { ...(rewrite(rest) as { [key: string]: Json }), definitions };

  mkdirSync(directory, { recursive: true });
  const file = join(directory, 'networkpolicy.schema.json');
  writeFileSync(file, JSON.stringify(bundled, null, 2));
  return pathToFileURL(file).href;
}

/** The `yaml` settings section: our schema for every benchmark file, nothing fetched from the network. */
export function yamlSettings(schemaUri: string): Record<string, unknown> {
  return {
    schemas: { [schemaUri]: '*.yaml' },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    maxItemsComputed: 5000,
  };
}
