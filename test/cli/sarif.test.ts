// `eksnet lint --format sarif` as a code-scanning upload step runs it: the built CLI in a child process.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl } from '../../src/engine';
import { DIST, PROJECT_ROOT } from '../support/paths';

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
    logicalLocations?: Array<{ fullyQualifiedName: string }>;
  }>;
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    results: SarifResult[];
  }>;
}

function lintSarif(args: string[]): { status: number | null; log: SarifLog } {
  const result = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'lint', '--format', 'sarif', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  assert.equal(result.stderr, '');
  return { status: result.status, log: JSON.parse(result.stdout) as SarifLog };
}

test('writes a SARIF 2.1.0 log whose rule list is the whole registry with docs links', () => {
  const { log } = lintSarif([join('test', 'fixtures', 'rules', 'NP209-good.yaml')]);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'eksnet');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(
    driver.rules.map((rule) => rule.id),
    RULES.map((rule) => rule.code),
  );
  for (const [index, rule] of driver.rules.entries()) {
    assert.equal(rule.helpUri, ruleDocsUrl(RULES[index]));
    assert.equal(rule.name, RULES[index].slug);
    assert.ok(rule.shortDescription.text.length > 0);
  }
  assert.equal(driver.rules.find((rule) => rule.id === 'NP209')?.defaultConfiguration.level, 'note');
  assert.deepEqual(log.runs[0].results, []);
});

test('each finding becomes a result with its rule, level, region and field path; errors exit 1', () => {
  const file = join('test', 'fixtures', 'rules', 'NP111-bad.yaml');
  const { status, log } = lintSarif([file]);
  assert.equal(status, 1);
  const { results, tool } = log.runs[0];
  assert.equal(results.length, 3);
  for (const result of results) {
    assert.equal(result.ruleId, 'NP111');
    assert.equal(result.level, 'error');
    assert.equal(tool.driver.rules[result.ruleIndex ?? -1].id, 'NP111');
    const [location] = result.locations;
    assert.equal(location.physicalLocation.artifactLocation.uri, 'test/fixtures/rules/NP111-bad.yaml');
    assert.match(
      location.logicalLocations?.[0].fullyQualifiedName ?? '',
      /^spec\.ingress\[0\]\.from\[0\]\.ipBlock\.except\[\d\]$/,
    );
  }
  assert.deepEqual(
    results.map((result) => result.locations[0].physicalLocation.region),
    [
      { startLine: 15, startColumn: 17, endLine: 15, endColumn: 31 },
      { startLine: 16, startColumn: 17, endLine: 16, endColumn: 28 },
      { startLine: 17, startColumn: 17, endLine: 17, endColumn: 27 },
    ],
  );
  assert.match(results[0].message.text, /must be a strict subset of `cidr`/);
});

test('absolute paths become file: URIs', () => {
  const file = join(PROJECT_ROOT, 'test', 'fixtures', 'rules', 'NP209-bad.yaml');
  const { log } = lintSarif([file]);
  const [result] = log.runs[0].results;
  assert.equal(result.ruleId, 'NP209');
  assert.equal(result.level, 'note');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(file).href);
});
