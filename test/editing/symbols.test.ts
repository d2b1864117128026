// The outline: one symbol per resource, with ingress and egress rules as children.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestFile, withDefaults } from '../../src/engine';
import { documentSymbols } from '../../src/engine/editing';
import { FIXTURES } from '../support/paths';

const read = (name: string): string => readFileSync(join(FIXTURES, 'explain', name), 'utf8');

test('one symbol per document with its rules as children', () => {
  const text = `${read('01-eks-docs-example.yaml')}---\n${read('17-sgp-pod-labels.yaml')}---\n${read('19-eniconfig.yaml')}`;
  const file = new ManifestFile(withDefaults({}));
  file.update(text);
  const symbols = documentSymbols(file);
  assert.deepEqual(
    symbols.map((symbol) => symbol.name),
    [
      'NetworkPolicy default/test-network-policy',
      'SecurityGroupPolicy my-namespace/my-security-group-policy',
      'ENIConfig us-west-2a',
    ],
  );
  const [policy] = symbols;
  assert.deepEqual(
    policy.children.map((child) => child.name),
    ['Ingress rule 1', 'Egress rule 1'],
  );
  assert.equal(policy.children[1].detail, 'TCP port 5978 to IP addresses in 10.0.0.0/24');
  assert.equal(text.slice(policy.selectionRange.start, policy.selectionRange.end), 'test-network-policy');
  for (const child of policy.children) {
    assert.ok(child.range.start >= policy.range.start && child.range.end <= policy.range.end);
  }
  assert.ok(text.slice(policy.children[0].range.start).startsWith('from:'));
  assert.ok(symbols[1].range.start > policy.range.end);
});
