// The JSON Schema condition handed to Red Hat YAML matches exactly the documents routeResource()
// sends to our checks, so that tool steps aside for ours and keeps validating everything else.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { RESOURCE_TYPES, routeResource } from '../../src/engine/route/resourceTypes';
import { ourDocumentCondition } from '../../src/engine/route/routeCondition';

const OURS = new Set(['resource', 'wrongApiVersion', 'wrongKind']);

const API_VERSIONS: unknown[] = [
  undefined,
  '',
  '  ',
  3,
  'v1',
  'apps/v1',
  'projectcalico.org/v3',
  'extensions/v1beta1',
  'networking.k8s.io/v1beta1',
  ' networking.k8s.io/v1 ',
  'vpcresources.k8s.aws/v1',
  'networking.k8s.io/v1/extra',
  'networking.k8s.iox/v1',
  ...RESOURCE_TYPES.map((type) => type.apiVersion),
];

const KINDS: unknown[] = [
  undefined,
  7,
  'List',
  'Deployment',
  'networkpolicy',
  'NETWORKPOLICY',
  'NetworkPolicyList',
  'eniconfig',
  ...RESOURCE_TYPES.map((type) => type.kind),
];

test('the condition matches a document exactly when routeResource() routes it to our checks', () => {
  const validate = new Ajv({ strict: false }).compile(ourDocumentCondition());
  let ours = 0;
  for (const apiVersion of API_VERSIONS) {
    for (const kind of KINDS) {
      const document: Record<string, unknown> = { metadata: { name: 'x' } };
      if (apiVersion !== undefined) document.apiVersion = apiVersion;
      if (kind !== undefined) document.kind = kind;
      const expected = OURS.has(routeResource(apiVersion, kind).type);
      if (expected) ours++;
      assert.equal(validate(document), expected, `${JSON.stringify(document)}`);
    }
  }
  assert.ok(ours > RESOURCE_TYPES.length, 'the table holds documents of ours');
});

test('a document that is not a mapping is never ours', () => {
  const validate = new Ajv({ strict: false }).compile(ourDocumentCondition());
  for (const document of ['kind: NetworkPolicy', 42, null, ['NetworkPolicy']]) {
    assert.equal(validate(document), false, JSON.stringify(document));
  }
});
