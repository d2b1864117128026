// The quick fixes of the Lattice rules: applied to the rule's bad example, each removes the
// finding it was offered for and leaves a document that still parses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, RULES, type Diagnostic, type TextEdit } from '../../../src/engine';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.start - a.start)
    .reduce((out, edit) => out.slice(0, edit.start) + edit.newText + out.slice(edit.end), text);
}

const WITH_FIXES = RULES.filter((rule) => rule.code.startsWith('LAT') && rule.fix);

test('the Lattice rules with quick fixes', () => {
  assert.deepEqual(
    WITH_FIXES.map((rule) => rule.code),
    ['LAT001', 'LAT101', 'LAT203', 'LAT301', 'LAT402', 'LAT403', 'LAT410', 'LAT411', 'LAT501'],
  );
});

for (const rule of WITH_FIXES) {
  test(`${rule.code}: the fix on the bad example clears the finding`, () => {
    const found = lintText(rule.badExample, rule.exampleSettings).filter((d) => d.code === rule.code);
    const withFix = found.find((diagnostic: Diagnostic) => diagnostic.fixes?.length);
    assert.ok(withFix, `${rule.code} offers no fix on its bad example`);
    const fixed = apply(rule.badExample, withFix.fixes![0].edits);
    const after = lintText(fixed, rule.exampleSettings);
    assert.deepEqual(
      after
        .filter((d) => d.code === rule.code || d.severity === 'error')
        .map((d) => `${d.code} ${d.message}`),
      [],
      fixed,
    );
  });
}

test('LAT301 splits a rule with three matches into three rules with the same backends', () => {
  const rule = RULES.find((candidate) => candidate.code === 'LAT301')!;
  const text = rule.badExample.replace(
    '            value: /review\n',
    '            value: /review\n        - path:\n            type: Exact\n            value: /about\n',
  );
  const [finding] = lintText(text).filter((d) => d.code === 'LAT301');
  const fixed = apply(text, finding.fixes![0].edits);
  assert.equal(fixed.match(/- matches:/g)?.length, 3);
  assert.equal(fixed.match(/- name: rates/g)?.length, 3);
  assert.deepEqual(
    lintText(fixed).map((d) => d.code),
    [],
  );
});

test('LAT501 adds the annotation to existing annotations too', () => {
  const text =
    'apiVersion: application-networking.k8s.aws/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: inventory-ver2\n  namespace: hotel\n  annotations:\n    team: payments\nspec:\n  exportedPorts:\n    - port: 80\n      routeType: HTTP\n';
  const [finding] = lintText(text).filter((d) => d.code === 'LAT501');
  const fixed = apply(text, finding.fixes![0].edits);
  assert.match(
    fixed,
    /annotations:\n {4}application-networking\.k8s\.aws\/federation: "amazon-vpc-lattice"\n {4}team: payments/,
  );
  assert.deepEqual(lintText(fixed), []);
});
