// The JSON Schemas in `schemas/`: they compile with the options the engine uses, accept real
// manifests, reject broken ones at the expected path and keyword, and document every property.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { RE2JS } from '@bufbuild/re2';
import { createAjv, SCHEMAS } from '../../src/engine/schema/schemaSet';
import { linearRegExp } from '../../src/engine/schema/linearRegExp';

const PROJECT_ROOT = path.join(__dirname, '../../..');
const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schemas');
const FIXTURE_DIR = path.join(PROJECT_ROOT, 'test/fixtures/schemas');
const SCHEMA_BASE = 'https://eks-networking.github.io/schemas/';

/** Which schema judges a document, keyed by its apiVersion (so a miscased `kind` still reaches its schema). */
const SCHEMA_BY_API_VERSION: Record<string, string> = {
  'networking.k8s.io/v1': `${SCHEMA_BASE}networkpolicy-networking.k8s.io-v1.json`,
  'vpcresources.k8s.aws/v1beta1': `${SCHEMA_BASE}securitygrouppolicy-vpcresources.k8s.aws-v1beta1.json`,
  'crd.k8s.amazonaws.com/v1alpha1': `${SCHEMA_BASE}eniconfig-crd.k8s.amazonaws.com-v1alpha1.json`,
};

/** Gateway API and Lattice controller groups hold several kinds: their schema is named by kind, group and version. */
const KIND_NAMED_GROUPS = new Set(['gateway.networking.k8s.io', 'application-networking.k8s.aws']);

function schemaIdFor(apiVersion: unknown, kind: unknown): string | undefined {
  if (typeof apiVersion !== 'string') return undefined;
  if (apiVersion in SCHEMA_BY_API_VERSION) return SCHEMA_BY_API_VERSION[apiVersion];
  const [group, version] = apiVersion.split('/');
  if (!group || !version || !KIND_NAMED_GROUPS.has(group) || typeof kind !== 'string') return undefined;
  const file = `${kind.toLowerCase()}-${group}-${version}.json`;
  return schemas.has(file) ? `${SCHEMA_BASE}${file}` : undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaObject = Record<string, unknown>;

function loadSchemas(): Map<string, SchemaObject> {
  const schemas = new Map<string, SchemaObject>();
  for (const file of fs.readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.json'))) {
    schemas.set(file, JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as SchemaObject);
  }
  return schemas;
}

const schemas = loadSchemas();
// The engine's own schema list and ajv options (src/engine/schema/schemaSet.ts).
const ajv = createAjv();
/** Every schema of a kind (the ones with a `kind` property), not the shared definitions. */
const KIND_SCHEMA_IDS = [...schemas.values()]
  .filter((schema) => (schema.properties as SchemaObject | undefined)?.kind)
  .map((schema) => String(schema.$id));

function validatorFor(apiVersion: unknown, kind?: unknown): ValidateFunction {
  const id = schemaIdFor(apiVersion, kind);
  assert.ok(id, `no schema for apiVersion ${String(apiVersion)} kind ${String(kind)}`);
  const validate = ajv.getSchema(id);
  assert.ok(validate, `schema ${id} did not compile`);
  return validate;
}

/** The API server treats `field: null` as an unset field; the engine drops nulls the same way before validating. */
function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = withoutNulls(child);
    return out;
  }
  return value;
}

/** Our resources in a YAML file, one per `---` document, with each `kind: List` item on its own. */
function resourcesIn(file: string): Record<string, Json>[] {
  const resources: Record<string, Json>[] = [];
  for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
    assert.deepEqual(document.errors, [], `${file} is not valid YAML`);
    const value = withoutNulls(document.toJS() as Json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    const items = value.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) {
      if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.apiVersion === 'string') {
        if (schemaIdFor(item.apiVersion, item.kind)) resources.push(item);
      }
    }
  }
  return resources;
}

function fixtures(kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(FIXTURE_DIR, kind);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => path.join(dir, name));
}

/** `# expect: <instancePath or ""> <keyword> [detail]` lines at the top of an invalid fixture. */
function expectationsIn(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => /^# expect: (\S+) (\S+)(?: (\S+))?$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, instancePath, keyword, detail]) =>
      [instancePath === '""' ? '' : instancePath, keyword, detail].filter((part) => part !== undefined).join(' '),
    );
}

/** The same shape as an expectation line: path, keyword and the detail that names the culprit. */
function describeError(error: ErrorObject, resource: Json): string {
  const params = error.params as Record<string, unknown>;
  let detail: unknown;
  if (error.keyword === 'additionalProperties') detail = params.additionalProperty;
  else if (error.keyword === 'required') detail = params.missingProperty;
  else if (['enum', 'const', 'type'].includes(error.keyword)) detail = valueAtPointer(resource, error.instancePath);
  const shown = detail === undefined || (typeof detail === 'object' && detail !== null) ? undefined : String(detail);
  return [error.instancePath, error.keyword, shown].filter((part) => part !== undefined).join(' ');
}

function valueAtPointer(value: Json, pointer: string): Json | undefined {
  let current: Json | undefined = value;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(key)] : current[key];
  }
  return current;
}

describe('JSON Schemas', () => {
  it('compiles every kind schema with the options the engine uses', () => {
    for (const id of KIND_SCHEMA_IDS) {
      assert.equal(typeof ajv.getSchema(id), 'function', id);
    }
  });

  it('has only patterns RE2 compiles (the engine compiles each on first use, not when it loads)', () => {
    const patterns: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === 'object') {
        const { pattern } = node as { pattern?: unknown };
        if (typeof pattern === 'string') patterns.push(pattern);
        Object.values(node).forEach(walk);
      }
    };
    walk(SCHEMAS);
    assert.ok(patterns.length > 10, `found ${patterns.length} patterns`);
    for (const pattern of patterns) assert.doesNotThrow(() => RE2JS.compile(pattern), pattern);
    // ajv keys the patterns it makes by their text: two patterns must not look alike to it.
    const keys = new Set(patterns.map((pattern) => linearRegExp(pattern, 'u').toString()));
    assert.equal(keys.size, new Set(patterns).size);
  });

  it('names each schema file after its $id', () => {
    for (const [file, schema] of schemas) assert.equal(schema.$id, `${SCHEMA_BASE}${file}`);
  });

  it('the engine validates with exactly the schema files in schemas/, as they are on disk', () => {
    assert.deepEqual(
      SCHEMAS.map((schema) => schema.$id).sort(),
      [...schemas.values()].map((schema) => schema.$id).sort(),
    );
    for (const schema of SCHEMAS) {
      const onDisk = [...schemas.values()].find((candidate) => candidate.$id === schema.$id);
      assert.deepEqual(schema, onDisk, String(schema.$id));
    }
  });

  for (const file of fixtures('valid')) {
    it(`accepts the real-world manifest ${path.basename(file)}`, () => {
      const resources = resourcesIn(file);
      assert.ok(resources.length > 0, 'the fixture holds none of our resources');
      for (const resource of resources) {
        const validate = validatorFor(resource.apiVersion, resource.kind);
        assert.equal(validate(resource), true, JSON.stringify(validate.errors, null, 2));
      }
    });
  }

  for (const file of fixtures('invalid')) {
    const expected = expectationsIn(file);
    it(`rejects ${path.basename(file)} with exactly: ${expected.join('; ')}`, () => {
      assert.ok(expected.length > 0, 'the fixture has no "# expect:" line');
      const [resource, ...others] = resourcesIn(file);
      assert.ok(resource, 'the fixture holds none of our resources');
      assert.equal(others.length, 0, 'an invalid fixture holds one resource');
      const validate = validatorFor(resource.apiVersion, resource.kind);
      assert.equal(validate(resource), false);
      const actual = (validate.errors ?? []).map((error) => describeError(error, resource));
      assert.deepEqual([...actual].sort(), [...expected].sort());
    });
  }

  it('keeps the ENIConfig root open but its spec strict, as the CRD does', () => {
    const validate = validatorFor('crd.k8s.amazonaws.com/v1alpha1');
    const base = { apiVersion: 'crd.k8s.amazonaws.com/v1alpha1', kind: 'ENIConfig', metadata: { name: 'a' } };
    assert.equal(validate({ ...base, extra: true, spec: { subnet: 'subnet-1' } }), true);
    assert.equal(validate({ ...base, spec: { subnet: 'subnet-1', extra: true } }), false);
  });

  it('allows any number of security groups in a SecurityGroupPolicy and requires no field', () => {
    const validate = validatorFor('vpcresources.k8s.aws/v1beta1');
    const groupIds = Array.from({ length: 16 }, (_, index) => `sg-${String(index).padStart(17, '0')}`);
    assert.equal(validate({ spec: { securityGroups: { groupIds } } }), true);
    assert.equal(validate({}), true);
  });

  it('gives every definition a title and every property a description and an x-docs link', () => {
    const problems: string[] = [];
    for (const [file, schema] of schemas) {
      const definitions = (schema.definitions ?? {}) as Record<string, SchemaObject>;
      for (const [name, definition] of Object.entries(definitions)) {
        if (typeof definition.title !== 'string' || definition.title === '') {
          problems.push(`${file}#/definitions/${name} has no title`);
        }
      }
      walkSchema(schema, `${file}#`, (node, pointer) => {
        const properties = (node.properties ?? {}) as Record<string, SchemaObject>;
        for (const [name, property] of Object.entries(properties)) {
          const where = `${pointer}/properties/${name}`;
          if (!isShortDescription(property.description)) problems.push(`${where}: description missing or too long`);
          if (typeof property['x-docs'] !== 'string' || !/^https:\/\/\S+$/.test(property['x-docs'])) {
            problems.push(`${where}: x-docs link missing`);
          }
        }
      });
    }
    assert.deepEqual(problems, []);
  });

  it('describes each kind and the controller that acts on it at the root', () => {
    for (const id of KIND_SCHEMA_IDS) {
      const schema = [...schemas.values()].find((candidate) => candidate.$id === id);
      assert.ok(schema && isShortDescription(schema.description), id);
      assert.match(String(schema.description), /controller|CNI/i, id);
    }
  });

  it('holds the Gateway API and Lattice schemas exactly as scripts/gen-lattice-schemas.mjs makes them from the CRDs', () => {
    // Throws (exit 1, naming the stale files) when a schema was edited by hand or the CRDs changed.
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'gen-lattice-schemas.mjs'), '--check'], {
      stdio: 'pipe',
    });
  });

  it('uses absolute $refs only, so the engine can resolve them without knowing the referring file', () => {
    const relative: string[] = [];
    for (const [file, schema] of schemas) {
      walkSchema(schema, `${file}#`, (node, pointer) => {
        if (typeof node.$ref === 'string' && !node.$ref.startsWith(SCHEMA_BASE)) relative.push(`${pointer}: ${node.$ref}`);
      });
    }
    assert.deepEqual(relative, []);
  });
});

function isShortDescription(text: unknown): boolean {
  return typeof text === 'string' && text.trim().length > 0 && text.length <= 400;
}

/** Visits every schema node: the root, definitions, properties, items and additionalProperties. */
function walkSchema(node: SchemaObject, pointer: string, visit: (node: SchemaObject, pointer: string) => void): void {
  visit(node, pointer);
  for (const key of ['definitions', 'properties'] as const) {
    const children = (node[key] ?? {}) as Record<string, SchemaObject>;
    for (const [name, child] of Object.entries(children)) walkSchema(child, `${pointer}/${key}/${name}`, visit);
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const child = node[key];
    if (child && typeof child === 'object') walkSchema(child as SchemaObject, `${pointer}/${key}`, visit);
  }
}
