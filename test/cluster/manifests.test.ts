// Dry-run, diff and apply of the open file: the text travels on stdin, server errors point at the
// field they are about, and the diff compares the live object with the server's dry-run result.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  applyManifest,
  createClusterTools,
  diffManifest,
  dryRunManifest,
  liveAndMerged,
} from '../../src/cluster';
import { CLUSTER_FIXTURES } from '../support/apiserver/cluster';
import { RecordingLog, startCluster, type TestCluster } from './harness';

const BAD = readFileSync(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml'), 'utf8');
const GOOD = BAD.replace('protocol: tcp', 'protocol: TCP');

describe('Manifest dry-run, diff and apply', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  it('a server dry run that fails points at the rejected field and creates nothing', async () => {
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    const result = await dryRunManifest(tools.kubectl, BAD);
    assert.equal(result.ok, false);
    assert.equal(result.problems.length, 1);
    const [problem] = result.problems;
    assert.match(problem.message, /spec\.ingress\[0\]\.ports\[0\]\.protocol: Unsupported value: "tcp"/);
    assert.equal(BAD.slice(problem.start, problem.end), 'tcp');
    assert.equal(
      cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'),
      undefined,
    );
    assert.equal(cluster.server.writes().at(-1)?.query.get('dryRun'), 'All');
  });

  it('a server dry run that passes reports ok and creates nothing', async () => {
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    const result = await dryRunManifest(tools.kubectl, GOOD);
    assert.equal(result.ok, true);
    assert.match(result.output, /networkpolicy\.networking\.k8s\.io\/allow-web created \(server dry run\)/);
    assert.equal(
      cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'),
      undefined,
    );
  });

  it('apply creates the object; diff then shows a changed port', async () => {
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    assert.match(await applyManifest(tools.kubectl, GOOD), /allow-web created/);
    assert.ok(cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'));
    assert.deepEqual(await diffManifest(tools.kubectl, GOOD), { changed: false, diff: '' });
    const changed = await diffManifest(tools.kubectl, GOOD.replace('port: 80', 'port: 8080'));
    assert.equal(changed.changed, true);
    assert.match(changed.diff, /^-\s+- port: 80$/m);
    assert.match(changed.diff, /^\+\s+- port: 8080$/m);
  });

  it('live and merged views differ only where the file changes the object', async () => {
    const tools = createClusterTools(cluster.settings(), new RecordingLog());
    const { live, merged } = await liveAndMerged(tools.kubectl, GOOD.replace('port: 80', 'port: 8080'));
    assert.match(live, /port: 80\n/);
    assert.match(merged, /port: 8080\n/);
    assert.doesNotMatch(live + merged, /resourceVersion:/);
  });
});
