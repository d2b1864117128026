// Generates schemas/*.json for the Gateway API and AWS Gateway API Controller (VPC Lattice) kinds
// from the CRDs kept in test/fixtures/lattice/crds/: the structure, enums, patterns, bounds,
// required fields, defaults and the CRDs' CEL rules (`x-kubernetes-validations`, verbatim) come
// from the CRDs; every description is ours, from scripts/lattice-schemas/descriptions.mjs.
// One file per kind and served version. Fails, naming them, when a property has no description.
// Usage: node scripts/gen-lattice-schemas.mjs [--check]   (--check: fail if a file would change)
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';
import { RE2JS } from '@bufbuild/re2';
import { DESCRIPTIONS, KIND_DOCS } from './lattice-schemas/descriptions.mjs';

const root = new URL('..', import.meta.url);
const CRD_DIR = new URL('test/fixtures/lattice/crds/', root);
const SCHEMA_BASE = 'https://eks-networking.github.io/schemas/';
const COMMON = `${SCHEMA_BASE}k8s-common.json#/definitions/`;
const check = process.argv.includes('--check');

/** Keywords copied from the CRD as they are (values are data, never prose). */
const COPIED = [
  'type',
  'enum',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'default',
  'required',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
];

const missing = new Set();
const used = new Set();

/** Our description for a property: the kind-qualified full path first, then ever shorter suffixes. */
function describe(kind, tokens) {
  const candidates = [`${kind}:${tokens.join('.')}`];
  for (let start = 0; start < tokens.length; start++) candidates.push(tokens.slice(start).join('.'));
  for (const key of candidates) {
    const entry = DESCRIPTIONS[key];
    if (entry === undefined) continue;
    used.add(key);
    const [text, docs] = Array.isArray(entry) ? entry : [entry, undefined];
    return { description: text, 'x-docs': docs ?? KIND_DOCS[kind] };
  }
  missing.add(`${kind}:${tokens.join('.')}`);
  return { description: 'TODO', 'x-docs': KIND_DOCS[kind] };
}

function convert(kind, node, tokens) {
  const out = {};
  for (const keyword of COPIED) if (node[keyword] !== undefined) out[keyword] = node[keyword];
  if (typeof out.pattern === 'string') RE2JS.compile(out.pattern); // throws on a pattern RE2 rejects
  if (node['x-kubernetes-list-type'] === 'set') out.uniqueItems = true;
  if (node['x-kubernetes-validations']) {
    out['x-kubernetes-validations'] = node['x-kubernetes-validations'].map(({ rule, message }) =>
      message === undefined ? { rule } : { rule, message },
    );
  }
  if (node.properties) {
    out.additionalProperties = false;
    out.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      const childTokens = [...tokens, name];
      out.properties[name] = { ...describe(kind, childTokens), ...convertChild(kind, child, childTokens) };
    }
  } else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    out.additionalProperties = convert(kind, node.additionalProperties, [
      ...tokens.slice(0, -1),
      `${tokens.at(-1)}{}`,
    ]);
  }
  if (node.items) {
    const last = tokens.at(-1);
    out.items = convert(kind, node.items, [...tokens.slice(0, -1), `${last}[]`]);
  }
  return out;
}

function convertChild(kind, child, tokens) {
  const converted = convert(kind, child, tokens);
  delete converted.description;
  return converted;
}

/** Moves object subtrees that occur more than once into `definitions`, referenced by `$ref`. */
function factorRepeats(schema, id) {
  const counts = new Map();
  const keyOf = (node) => JSON.stringify(structureOf(node));
  const visit = (node, fn) => {
    for (const child of Object.values(node.properties ?? {})) fn(child);
    if (node.items) fn(node.items);
    if (node.additionalProperties && typeof node.additionalProperties === 'object')
      fn(node.additionalProperties);
  };
  const count = (node) => {
    if (node.properties) {
      const key = keyOf(node);
      if (key.length > 600) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    visit(node, count);
  };
  visit(schema, count);
  const definitions = {};
  const names = new Map();
  const replace = (holder, slot, name) => {
    const node = holder[slot];
    const key = node.properties ? keyOf(node) : undefined;
    if (key && (counts.get(key) ?? 0) > 1) {
      let definition = names.get(key);
      if (!definition) {
        definition = uniqueName(definitions, name);
        definitions[definition] = { title: titleOf(definition), ...structureOf(node) };
        names.set(key, definition);
        walk(definitions[definition], name);
      }
      holder[slot] = {
        $ref: `${id}#/definitions/${definition}`,
        description: node.description,
        'x-docs': node['x-docs'],
      };
      if (node.description === undefined) delete holder[slot].description;
      if (node['x-docs'] === undefined) delete holder[slot]['x-docs'];
      return;
    }
    walk(node, name);
  };
  const walk = (node, name = 'item') => {
    for (const child of Object.keys(node.properties ?? {})) replace(node.properties, child, child);
    if (node.items) replace(node, 'items', singular(name));
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      replace(node, 'additionalProperties', `${name}Entry`);
    }
  };
  walk(schema);
  return definitions;
}

/** A schema node without its prose, which may differ between places that share a structure. */
function structureOf(node) {
  const structure = { ...node };
  delete structure.description;
  delete structure['x-docs'];
  return structure;
}

function uniqueName(definitions, base) {
  let name = base;
  for (let n = 2; definitions[name]; n++) name = `${base}${n}`;
  return name;
}

/** `filters` → `filter`, `matches` → `match`, `addresses` → `address`; anything else → `…Item`. */
function singular(name) {
  if (/(ch|ss|x)es$/.test(name)) return name.slice(0, -2);
  if (name.endsWith('s')) return name.slice(0, -1);
  return `${name}Item`;
}

function titleOf(name) {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function schemaFor(crd, version) {
  const kind = crd.spec.names.kind;
  const group = crd.spec.group;
  const apiVersion = `${group}/${version.name}`;
  const file = `${kind.toLowerCase()}-${group}-${version.name}.json`;
  const id = `${SCHEMA_BASE}${file}`;
  const source = version.schema.openAPIV3Schema;
  const cluster = crd.spec.scope === 'Cluster';
  const rootDescription = DESCRIPTIONS[`${kind}:`];
  if (!rootDescription) missing.add(`${kind}:`);
  used.add(`${kind}:`);
  let spec = source.properties.spec
    ? { ...describe(kind, ['spec']), ...convertChild(kind, source.properties.spec, ['spec']) }
    : undefined;
  // A version whose spec is the same as an earlier version's refers to it (v1beta1 → v1).
  const same = spec && specs.get(`${kind} ${JSON.stringify(spec)}`);
  if (same)
    spec = { $ref: `${same}#/properties/spec`, description: spec.description, 'x-docs': spec['x-docs'] };
  else if (spec) specs.set(`${kind} ${JSON.stringify(spec)}`, id);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: id,
    title: `${kind} (${apiVersion})`,
    description: rootDescription ?? 'TODO',
    'x-docs': KIND_DOCS[kind],
    type: 'object',
    ...(source.required ? { required: source.required } : {}),
    additionalProperties: false,
    properties: {
      apiVersion: {
        type: 'string',
        const: apiVersion,
        description: `API group and version of this resource; must be exactly \`${apiVersion}\`.`,
        'x-docs': KIND_DOCS[kind],
      },
      kind: {
        type: 'string',
        const: kind,
        description: `Kind of this resource; must be exactly \`${kind}\` (case-sensitive).`,
        'x-docs': KIND_DOCS[kind],
      },
      metadata: {
        $ref: `${COMMON}${cluster ? 'clusterObjectMeta' : 'objectMeta'}`,
        ...describe(kind, ['metadata']),
      },
      ...(spec ? { spec } : {}),
      status: {
        type: 'object',
        ...describe(kind, ['status']),
      },
    },
  };
  const definitions = factorRepeats(schema, id);
  if (Object.keys(definitions).length > 0) schema.definitions = definitions;
  return { file, schema };
}

/** `Kind spec-JSON` → the $id of the first schema with that spec. */
const specs = new Map();
const outputs = [];
for (const name of readdirSync(CRD_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const crd = parse(readFileSync(new URL(name, CRD_DIR), 'utf8'));
  const served = crd.spec.versions.filter((version) => version.served);
  // `v1` before `v1beta1`, so the older version is the one that refers to the newer.
  served.sort((a, b) => a.name.localeCompare(b.name));
  for (const version of served) outputs.push(schemaFor(crd, version));
}

if (missing.size > 0) {
  console.error(`No description for:\n  ${[...missing].sort().join('\n  ')}`);
  process.exit(1);
}
const unused = Object.keys(DESCRIPTIONS).filter((key) => !used.has(key));
if (unused.length > 0) {
  console.error(`Descriptions no property uses:\n  ${unused.join('\n  ')}`);
  process.exit(1);
}

let stale = 0;
for (const { file, schema } of outputs) {
  const target = new URL(`schemas/${file}`, root);
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error(`schemas/${file} is out of date; run node scripts/gen-lattice-schemas.mjs`);
      stale++;
    }
  } else writeFileSync(target, text);
}
if (stale > 0) process.exit(1);
if (!check) console.log(outputs.map(({ file }) => file).join('\n'));
