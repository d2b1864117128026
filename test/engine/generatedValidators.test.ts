// The schema validators generated at build time (scripts/gen-validators.mjs) must judge exactly as
// validators compiled from schemas/ at run time would, and must be the ones in use.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { getSchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import { createAjv } from '../../src/engine/schema/schemaSet';
import { FIXTURES } from '../support/paths';

function yamlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? yamlFiles(join(directory, entry.name))
      : entry.name.endsWith('.yaml')
        ? [join(directory, entry.name)]
        : [],
  );
}

test('the build made the schema validators and the registry uses them', () => {
  assert.equal(getSchemaRegistry().precompiled, true, 'run `node scripts/build.mjs` to generate them');
});

test('generated validators report the same errors as run-time compiled ones on every fixture', () => {
  const ajv = createAjv();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const generated = require('../../src/engine/schema/generated/validators') as {
    VALIDATORS_BY_ID: Record<string, (value: unknown) => boolean>;
  };
  let compared = 0;
  for (const file of yamlFiles(FIXTURES)) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'), { logLevel: 'silent' })) {
      let value: unknown;
      try {
        value = document.toJS({ maxAliasCount: 50 });
      } catch {
        continue;
      }
      // Every fixture document against every kind's schema: also the wrong ones, for more errors.
      for (const schemaId of Object.keys(generated.VALIDATORS_BY_ID)) {
        const runtime = ajv.getSchema(schemaId);
        const built = generated.VALIDATORS_BY_ID[schemaId] as ((value: unknown) => boolean) & {
          errors?: unknown;
        };
        assert.ok(runtime && built, schemaId);
        const expected = runtime(value);
        assert.equal(built(value), expected, `${file}: ${schemaId}`);
        assert.deepEqual(built.errors ?? null, runtime.errors ?? null, `${file}: ${schemaId}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 300, `compared ${compared} document/schema pairs`);
});
