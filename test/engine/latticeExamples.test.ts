// examples/lattice/: the correct manifests pass the schemas and the CRDs' CEL rules and resolve in
// the Lattice model. typical-mistakes.yaml is checked through the rules (lattice/examples.test.ts).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { getSchemaRegistry } from '../../src/engine/schema/schemaRegistry';
import type { ResourceType } from '../../src/engine/route/resourceTypes';
import { celValidateById } from '../../src/engine/schema/cel/celValidation';
import { latticeParents, type GatewayApiObject, type LatticeContext } from '../../src/engine/model/lattice';
import { resolveBackends } from '../../src/engine/model/latticeBackends';
import { PROJECT_ROOT } from '../support/paths';

const DIR = join(PROJECT_ROOT, 'examples', 'lattice');
const SCHEMA_BASE = 'https://eks-networking.github.io/schemas/';

function objects(file: string): GatewayApiObject[] {
  return parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map(
    (document) => document.toJS() as GatewayApiObject,
  );
}

function schemaId(object: GatewayApiObject): string | undefined {
  const [group, version] = String(object.apiVersion).split('/');
  if (group !== 'gateway.networking.k8s.io' && group !== 'application-networking.k8s.aws') return undefined;
  return `${SCHEMA_BASE}${String(object.kind).toLowerCase()}-${group}-${version}.json`;
}

const correctFiles = readdirSync(DIR).filter(
  (file) => file.endsWith('.yaml') && file !== 'typical-mistakes.yaml',
);
const correct = correctFiles.flatMap(objects);
const context: LatticeContext = {
  gatewayClasses: correct.filter((object) => object.kind === 'GatewayClass'),
  gateways: correct.filter((object) => object.kind === 'Gateway'),
};
const backends = {
  services: correct.filter((object) => object.kind === 'Service'),
  serviceImports: correct.filter((object) => object.kind === 'ServiceImport'),
};

describe('examples/lattice', () => {
  it('holds every kind of the issue in the correct files', () => {
    const kinds = new Set(correct.map((object) => object.kind));
    for (const kind of [
      'GatewayClass',
      'Gateway',
      'HTTPRoute',
      'GRPCRoute',
      'TLSRoute',
      'TargetGroupPolicy',
      'IAMAuthPolicy',
      'VpcAssociationPolicy',
      'AccessLogPolicy',
      'ServiceExport',
      'ServiceImport',
      'ServiceNetwork',
    ]) {
      assert.ok(kinds.has(kind), kind);
    }
  });

  it('passes the schemas and the CEL rules', () => {
    const registry = getSchemaRegistry();
    for (const object of correct) {
      const id = schemaId(object);
      if (!id) continue;
      assert.deepEqual(
        registry.validate({ schemaId: id } as ResourceType, object),
        [],
        `${String(object.kind)} ${String(object.metadata?.name)}`,
      );
      assert.deepEqual(
        celValidateById(id, object).violations,
        [],
        `${String(object.kind)} ${String(object.metadata?.name)}`,
      );
    }
  });

  it('resolves every route to a Lattice listener and every Service backend to a Service port', () => {
    for (const route of correct.filter((object) => /Route$/.test(String(object.kind)))) {
      const [parent, ...others] = latticeParents(route, context);
      assert.equal(others.length, 0);
      assert.equal(parent?.problem, undefined, String(route.metadata?.name));
      for (const backend of resolveBackends(route, backends)) {
        assert.ok(backend.target, `${String(route.metadata?.name)} → ${String(backend.ref.name)}`);
        if (backend.kind === 'Service') assert.ok(backend.servicePort, String(backend.ref.name));
      }
    }
  });
});
