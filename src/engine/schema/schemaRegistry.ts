// Compiles the JSON Schemas in `schemas/` once and validates resource values against them.
// Also answers schema questions for hover, completion and "did you mean" (what properties an
// object at a path may have, and their descriptions).

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import commonSchema from '../../../schemas/k8s-common.json';
import networkPolicySchema from '../../../schemas/networkpolicy-networking.k8s.io-v1.json';
import securityGroupPolicySchema from '../../../schemas/securitygrouppolicy-vpcresources.k8s.aws-v1beta1.json';
import eniConfigSchema from '../../../schemas/eniconfig-crd.k8s.amazonaws.com-v1alpha1.json';
import type { Path, PathSegment } from '../types';
import type { ResourceType } from '../route/resourceTypes';
import { parseJsonPointer } from '../parse/yamlPath';

/** A JSON Schema node as we write them (draft-07 plus our `x-docs` link). */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  required?: string[];
  minItems?: number;
  'x-docs'?: string;
  definitions?: Record<string, SchemaNode>;
  $id?: string;
}

export interface SchemaViolation {
  keyword: string;
  /** Path of the offending value (for `required` and `additionalProperties`, the object holding it). */
  path: Path;
  params: Record<string, unknown>;
  /** The schema that owns the failed keyword, with `$ref`s resolved. */
  schema: SchemaNode;
}

const ALL_SCHEMAS = [
  commonSchema,
  networkPolicySchema,
  securityGroupPolicySchema,
  eniConfigSchema,
] as SchemaNode[];

export class SchemaRegistry {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly byId = new Map<string, SchemaNode>();

  constructor() {
    this.ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    addFormats(this.ajv);
    for (const schema of ALL_SCHEMAS) {
      this.ajv.addSchema(schema as object);
      if (schema.$id) this.byId.set(schema.$id, schema);
    }
  }

  rootSchema(resource: ResourceType): SchemaNode {
    const schema = this.byId.get(resource.schemaId);
    if (!schema) throw new Error(`No schema registered for ${resource.apiVersion} ${resource.kind}`);
    return schema;
  }

  validate(resource: ResourceType, value: unknown): SchemaViolation[] {
    let validator = this.validators.get(resource.schemaId);
    if (!validator) {
      validator = this.ajv.getSchema(resource.schemaId);
      if (!validator) throw new Error(`Schema ${resource.schemaId} failed to compile`);
      this.validators.set(resource.schemaId, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map((error) => this.toViolation(error, value));
  }

  private toViolation(error: ErrorObject, value: unknown): SchemaViolation {
    return {
      keyword: error.keyword,
      path: parseJsonPointer(error.instancePath, value),
      params: error.params as Record<string, unknown>,
      schema: this.resolve((error.parentSchema ?? {}) as SchemaNode),
    };
  }

  /** Follows `$ref`s (absolute `$id#/pointer` or local `#/pointer` within `base`). */
  resolve(node: SchemaNode | undefined, base?: SchemaNode): SchemaNode {
    let current: SchemaNode = node ?? {};
    for (let hops = 0; current.$ref && hops < 10; hops++) {
      const [id, pointer = ''] = current.$ref.split('#');
      const document = id ? this.byId.get(id) : base;
      if (!document) return {};
      let target: unknown = document;
      for (const part of pointer.split('/').filter(Boolean)) {
        target = (target as Record<string, unknown> | undefined)?.[part];
      }
      const { $ref: _ignored, ...overrides } = current;
      current = { ...(target as SchemaNode), ...overrides };
    }
    return current;
  }

  /** The schema of the value at `path` in a resource, or undefined when the path leaves the schema. */
  schemaAt(resource: ResourceType, path: Path): SchemaNode | undefined {
    let current: SchemaNode | undefined = this.resolve(this.rootSchema(resource));
    for (const segment of path) {
      if (!current) return undefined;
      current = this.childSchema(current, segment);
    }
    return current;
  }

  childSchema(parent: SchemaNode, segment: PathSegment): SchemaNode | undefined {
    const resolved = this.resolve(parent);
    if (typeof segment === 'number') return resolved.items ? this.resolve(resolved.items) : undefined;
    const property = resolved.properties?.[segment];
    if (property) return this.resolve(property);
    if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object') {
      return this.resolve(resolved.additionalProperties);
    }
    return undefined;
  }

  /** The properties an object schema declares, with `$ref`s resolved. */
  propertiesOf(schema: SchemaNode | undefined): Record<string, SchemaNode> {
    const resolved = this.resolve(schema);
    const out: Record<string, SchemaNode> = {};
    for (const [name, property] of Object.entries(resolved.properties ?? {}))
      out[name] = this.resolve(property);
    return out;
  }
}

let shared: SchemaRegistry | undefined;

/** One registry per process: compiling the schemas is the expensive part. */
export function getSchemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
