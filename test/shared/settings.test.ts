// The one settings parser of the editor and the CLI: a bad value is named in one warning and
// ignored; good values come through typed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../src/engine';
import { parseSettings } from '../../src/shared/settings';

test('good values come through, with no warning', () => {
  const parsed = parseSettings({
    validate: { enable: false },
    rules: { NP209: 'off', np203: 'error' },
    target: 'generic',
    clusterIpFamily: 'ipv6',
    maxFileSizeMB: 2.5,
    connectivity: { workspaceChecks: false },
  });
  assert.deepEqual(parsed, {
    validateEnabled: false,
    engine: {
      rules: { NP209: 'off', NP203: 'error' },
      target: 'generic',
      clusterIpFamily: 'ipv6',
      maxFileSizeMB: 2.5,
      workspaceChecks: false,
      lattice: DEFAULT_SETTINGS.lattice,
    },
    warnings: [],
  });
});

test('Lattice settings: class names, quotas; bad values named and ignored one by one', () => {
  const good = parseSettings({
    lattice: {
      gatewayClasses: ['lattice', 'lattice', 'team-b.lattice'],
      listenersPerService: 4,
      rulesPerListener: 10,
    },
  });
  assert.deepEqual(good.engine.lattice, {
    gatewayClasses: ['lattice', 'team-b.lattice'],
    listenersPerService: 4,
    rulesPerListener: 10,
  });
  assert.deepEqual(good.warnings, []);
  const bad = parseSettings({ lattice: { gatewayClasses: ['ok', 'Not_A_Name', 3], rulesPerListener: 2.5 } });
  assert.deepEqual(bad.engine.lattice, { ...DEFAULT_SETTINGS.lattice, gatewayClasses: ['ok'] });
  assert.deepEqual(bad.warnings, [
    'eksNetworking.lattice.gatewayClasses is "Not_A_Name", which is not a GatewayClass name; ignored, so it is not treated as a Lattice class.',
    'eksNetworking.lattice.gatewayClasses is 3, which is not a GatewayClass name; ignored, so it is not treated as a Lattice class.',
    'eksNetworking.lattice.rulesPerListener is 2.5, which is not a whole number from 1 to 1000; ignored, so the default quota 5 is used.',
  ]);
  const cli = parseSettings({ lattice: { gatewayClasses: ['a', 'b'], listenersPerService: '3' } }, 'cli');
  assert.deepEqual(cli.engine.lattice, {
    ...DEFAULT_SETTINGS.lattice,
    gatewayClasses: ['a', 'b'],
    listenersPerService: 3,
  });
  assert.deepEqual(parseSettings({ lattice: { rulesPerListener: 'x' } }, 'cli').warnings, [
    '--lattice-rules-per-listener is "x", which is not a whole number from 1 to 1000; ignored, so the default quota 5 is used.',
  ]);
});

test('nothing set gives the defaults', () => {
  for (const raw of [undefined, null, {}, 'eks', []]) {
    assert.deepEqual(parseSettings(raw), { validateEnabled: true, engine: DEFAULT_SETTINGS, warnings: [] });
  }
});

test('an unknown level is named by its setting and ignored; the other rules still apply', () => {
  const parsed = parseSettings({ rules: { NP209: 'warn', NP203: 'error' } });
  assert.deepEqual(parsed.engine.rules, { NP203: 'error' });
  assert.deepEqual(parsed.warnings, [
    'eksNetworking.rules.NP209 is "warn", which is not a level (off, info, warning or error); ignored, so NP209 keeps its default level.',
  ]);
});

test('each kind of bad value gives exactly one warning naming its setting', () => {
  const parsed = parseSettings({
    validate: { enable: 'no' },
    rules: { NP999: 'off', SCH003: 3 },
    target: 'aks',
    clusterIpFamily: 'dual',
    maxFileSizeMB: -1,
    connectivity: { workspaceChecks: 'off' },
  });
  assert.deepEqual(parsed.engine, DEFAULT_SETTINGS);
  assert.equal(parsed.validateEnabled, true);
  assert.deepEqual(parsed.warnings, [
    'eksNetworking.rules.NP999 names no rule (the codes are listed in docs/rules.md); ignored.',
    'eksNetworking.rules.SCH003 is 3, which is not a level (off, info, warning or error); ignored, so SCH003 keeps its default level.',
    'eksNetworking.target is "aks", which is not eks or generic; ignored, so eks is used.',
    'eksNetworking.clusterIpFamily is "dual", which is not ipv4 or ipv6; ignored, so ipv4 is used.',
    'eksNetworking.maxFileSizeMB is -1, which is not a positive number of megabytes; ignored, so 10 is used.',
    'eksNetworking.connectivity.workspaceChecks is "off", which is not true or false; ignored, so the workspace checks stay on.',
    'eksNetworking.validate.enable is "no", which is not true or false; ignored, so validation stays on.',
  ]);
});

test('rules that are not an object are one warning', () => {
  const parsed = parseSettings({ rules: ['NP209'] });
  assert.deepEqual(parsed.engine.rules, {});
  assert.deepEqual(parsed.warnings, [
    'eksNetworking.rules is ["NP209"], which is not an object of rule codes and levels; ignored, so every rule keeps its level.',
  ]);
});

test('from the command line, warnings name the flag and numbers may be text', () => {
  const parsed = parseSettings({ rules: { NP209: 'warn' }, target: 'aks', maxFileSizeMB: '5' }, 'cli');
  assert.equal(parsed.engine.maxFileSizeMB, 5);
  assert.deepEqual(parsed.warnings, [
    '--rule NP209 is "warn", which is not a level (off, info, warning or error); ignored, so NP209 keeps its default level.',
    '--target is "aks", which is not eks or generic; ignored, so eks is used.',
  ]);
  assert.deepEqual(parseSettings({ maxFileSizeMB: 'ten' }, 'cli').warnings, [
    '--max-file-size-mb is "ten", which is not a positive number of megabytes; ignored, so 10 is used.',
  ]);
  // In settings.json a number must be a number.
  assert.equal(parseSettings({ maxFileSizeMB: '5' }).warnings.length, 1);
});

test('a huge bad value is quoted cut, not in full', () => {
  const [warning] = parseSettings({ target: 'x'.repeat(100_000) }).warnings;
  assert.ok(warning.length < 300, `${warning.length} characters`);
});
