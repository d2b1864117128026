// The JSON Schemas the engine validates against and the ajv options it compiles them with, in one
// place for the run-time registry, the build-time generator (scripts/gen-validators.mjs) and the
// schema tests. A new schema file is added here and nowhere else.

import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { createHash } from 'node:crypto';
import commonSchema from '../../../schemas/k8s-common.json';
import networkPolicySchema from '../../../schemas/networkpolicy-networking.k8s.io-v1.json';
import securityGroupPolicySchema from '../../../schemas/securitygrouppolicy-vpcresources.k8s.aws-v1beta1.json';
import eniConfigSchema from '../../../schemas/eniconfig-crd.k8s.amazonaws.com-v1alpha1.json';
import { LATTICE_SCHEMAS } from './latticeSchemas';
import { linearRegExp } from './linearRegExp';
import type { SchemaNode } from './schemaRegistry';

/** Every schema in `schemas/`, shared definitions first. */
export const SCHEMAS = [
  commonSchema,
  networkPolicySchema,
  securityGroupPolicySchema,
  eniConfigSchema,
  ...LATTICE_SCHEMAS,
] as SchemaNode[];

/**
 * All errors (not only the first), our `x-docs` keyword allowed, the failing data in each error,
 * and `pattern`s run by RE2 (linear in the text, as the API server's Go regexps are).
 */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  code: { regExp: linearRegExp },
};

/** An ajv instance with every schema added; `extra` adds options such as code generation. */
export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra, code: { ...AJV_OPTIONS.code, ...extra.code } });
  addFormats(ajv);
  for (const schema of SCHEMAS) ajv.addSchema(schema as object);
  return ajv;
}

/** Identifies the schema texts; the generated validators carry the one they were made from. */
export function schemaFingerprint(): string {
  return createHash('sha256').update(JSON.stringify(SCHEMAS)).digest('hex');
}
