// The JSON Schema condition handed to Red Hat YAML matches exactly the documents routeResource()
// sends to our checks, so that tool steps aside for ours and keeps validating everything else.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import {
  groupOf,
  OUR_GROUPS,
  RESOURCE_TYPES,
  routeResource,
  type Route,
} from '../../src/engine/route/resourceTypes';
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
  'vpcresources.amazonaws.com/v1beta1',
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
  'NetworkPolicies',
  'SecurityGroupPolicies',
  ...RESOURCE_TYPES.map((type) => type.kind),
];

/**
 * A near miss a JSON Schema pattern cannot express: a kind that differs by more than letter case
 * (a plural, a typo), or a group that is not ours but close to it. Both tools report those.
 */
function isNearMiss(route: Route): boolean {
  if (route.type === 'wrongKind') {
    return (
      route.found.toLowerCase() !== route.resource.kind.toLowerCase() ||
      groupOf(route.apiVersion.trim()) !== route.resource.group
    );
  }
  if (route.type === 'wrongApiVersion') {
    const group = groupOf(route.found?.trim() ?? '');
    return group !== '' && !OUR_GROUPS.has(group);
  }
  return false;
}

test('the condition matches a document exactly when routeResource() routes it to our checks', () => {
  const validate = new Ajv({ strict: false }).compile(ourDocumentCondition());
  let ours = 0;
  for (const apiVersion of API_VERSIONS) {
    for (const kind of KINDS) {
      const document: Record<string, unknown> = { metadata: { name: 'x' } };
      if (apiVersion !== undefined) document.apiVersion = apiVersion;
      if (kind !== undefined) document.kind = kind;
      const route = routeResource(apiVersion, kind);
      const expected = OURS.has(route.type);
      if (expected) ours++;
      const matched = validate(document);
      if (matched || !expected || !isNearMiss(route)) {
        assert.equal(matched, expected, `${JSON.stringify(document)}`);
      }
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
