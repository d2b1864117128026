// IAMAuthPolicy documents are JSON inside a YAML string: problems in them point at the character
// inside the JSON, whichever way the YAML scalar is written (block, single or double quotes, plain).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, LineIndex } from '../../../src/engine';
import { checkAuthPolicy } from '../../../src/engine/model/latticeAuthPolicy';

function iap(policy: string): string {
  return [
    'apiVersion: application-networking.k8s.aws/v1alpha1',
    'kind: IAMAuthPolicy',
    'metadata:',
    '  name: rates-auth',
    '  namespace: hotel',
    'spec:',
    '  targetRef:',
    '    group: gateway.networking.k8s.io',
    '    kind: HTTPRoute',
    '    name: rates',
    `  policy: ${policy}`,
    '',
  ].join('\n');
}

/** Each finding as `code line:column underlined-text`. */
function findings(text: string): string[] {
  const lines = new LineIndex(text);
  return lintText(text).map((diagnostic) => {
    const { line, character } = lines.positionAt(diagnostic.range.start);
    return `${diagnostic.code} ${line + 1}:${character + 1} ${text.slice(diagnostic.range.start, diagnostic.range.end)}`;
  });
}

/** Where `needle` is written in the text: `line:column` (1-based) of its first occurrence. */
function at(text: string, needle: string): string {
  const { line, character } = new LineIndex(text).positionAt(text.indexOf(needle));
  return `${line + 1}:${character + 1}`;
}

const STATEMENT = '{"Effect":"Allow","Principal":"*","Action":"vpc-lattice:Invoke","Resource":"*"}';
const ACTION = '"vpc-lattice:Invoke"';

test('block scalar: the action is underlined on its own line and column', () => {
  const text = iap(
    '|\n    {\n      "Version": "2012-10-17",\n      "Statement": [\n        {"Effect": "Allow", "Principal": "*",\n         "Action": "vpc-lattice:Invoke", "Resource": "*"}\n      ]\n    }',
  );
  assert.equal(at(text, ACTION), '16:20');
  assert.deepEqual(findings(text), [`LAT407 16:20 ${ACTION}`]);
});

test('block scalar with a keep indicator and trailing blank lines still maps', () => {
  const text = iap(`|+\n    {"Version": "2012-10-17", "Statement": ${STATEMENT}}\n\n`);
  assert.deepEqual(findings(text), [`LAT407 ${at(text, ACTION)} ${ACTION}`]);
});

test("single-quoted scalar, with '' for a quote", () => {
  const statement = STATEMENT.replace('"*","Action"', `"*","Sid":"it''s","Action"`);
  const text = iap(`'{"Version":"2012-10-17","Statement":[${statement}]}'`);
  assert.deepEqual(findings(text), [`LAT407 ${at(text, ACTION)} ${ACTION}`]);
});

test('double-quoted scalar with escapes: the whole escaped token is underlined', () => {
  const json = `{"Version":"2012-10-17","Statement":[${STATEMENT}]}`;
  const text = iap(`"${json.replace(/"/g, '\\"')}"`);
  const escaped = '\\"vpc-lattice:Invoke\\"';
  assert.deepEqual(findings(text), [`LAT407 ${at(text, escaped)} ${escaped}`]);
});

test('double-quoted scalar folded over lines: a line break reads as a space', () => {
  const text = iap(
    `"{\\"Version\\": \\"2012-10-17\\",\n    \\"Statement\\": {\\"Effect\\": \\"allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"vpc-lattice-svcs:Invoke\\"}}"`,
  );
  assert.deepEqual(findings(text), [`LAT406 ${at(text, '\\"allow')} \\"allow\\"`]);
});

test('a plain scalar that is not JSON is placed at its first character', () => {
  const text = iap('allow-everyone');
  assert.deepEqual(findings(text), [`LAT406 ${at(text, 'allow-everyone')} a`]);
});

test('a folded (>) scalar cannot be mapped: the whole value is underlined', () => {
  const text = iap(`>\n    {"Version": "2012-10-17",\n    "Statement": ${STATEMENT}}`);
  const [finding] = findings(text);
  assert.match(finding, /^LAT407 11:11 >/);
});

test('documents over 10 KB, missing elements and wrong types are refused', () => {
  const big = `{"Version":"2012-10-17","Statement":[${Array.from({ length: 200 }, () => STATEMENT.replace('vpc-lattice:', 'vpc-lattice-svcs:')).join(',')}]}`;
  assert.match(
    checkAuthPolicy(big).invalid[0].message,
    /is 17,\d{3} bytes; VPC Lattice accepts auth policies up to 10,240 bytes/,
  );
  assert.deepEqual(
    checkAuthPolicy(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"*"},"x"],"Extra":1}',
    ).invalid.map((problem) => problem.message),
    [
      '"Extra" is not an element of an IAM policy (Version, Id, Statement)',
      'Effect must be "Allow" or "Deny" (this exact case)',
      'the statement has no "Principal" (an auth policy is a resource policy: say who, e.g. "*" or {"AWS": "<role ARN>"})',
      'each statement must be a JSON object',
    ],
  );
  assert.deepEqual(
    checkAuthPolicy('[]').invalid.map((problem) => problem.message),
    ['an IAM policy is a JSON object with "Version" and "Statement"'],
  );
});

test('condition keys under vpc-lattice: never hold; vpc-lattice-svcs: keys are fine', () => {
  const report = checkAuthPolicy(
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"vpc-lattice-svcs:Invoke","Condition":{"StringEquals":{"vpc-lattice:SourceVpc":"vpc-1","vpc-lattice-svcs:Port":"80"}}}}',
  );
  assert.deepEqual(
    report.neverMatches.map((problem) => problem.message.slice(0, 50)),
    ['condition key "vpc-lattice:SourceVpc" does not exi'],
  );
});

test('deeply nested or huge text is bounded', () => {
  assert.match(checkAuthPolicy('['.repeat(10_000)).invalid[0].message, /nested too deeply/);
  const huge = checkAuthPolicy(`{"x":"${'a'.repeat(1_000_000)}"}`);
  assert.equal(huge.invalid.length, 1);
  assert.match(huge.invalid[0].message, /bytes; VPC Lattice accepts/);
});
