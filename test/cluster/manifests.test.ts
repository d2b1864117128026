// Dry-run, diff and apply of the open file: the text travels on stdin, server errors point at the
// field they are about, and the diff compares the live object with the server's dry-run result.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
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
import { makeApplyCommand } from '../../src/cli/commands/apply';
import { main } from '../../src/cli/main';
import { captureIO, RecordingLog, startCluster, type TestCluster } from './harness';

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
    const target = await tools.kubectl.resolveTarget();
    const applied = await applyManifest(tools.kubectl, target, GOOD);
    assert.match(applied.output, /allow-web created/);
    assert.equal(applied.interrupted, undefined);
    assert.ok(cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'));
    const same = await diffManifest(tools.kubectl, GOOD);
    assert.deepEqual([same.changed, same.diff], [false, '']);
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

  it('eksnet apply --dry-run reports the rejected field with its line, and creates nothing', async () => {
    const io = captureIO(cluster.settings().env);
    const file = join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml');
    const common = ['--kubeconfig', cluster.kubeconfig, '--kubectl', cluster.settings().kubectlPath];
    cluster.server.remove('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default');
    assert.equal(await main(['apply', file, '--dry-run', ...common], io), 1, io.err);
    assert.equal(
      io.out,
      `${file}:12: spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"\n`,
    );
    assert.equal(
      cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'),
      undefined,
    );
  });

  it('eksnet apply needs confirmation; eksnet diff shows the change first', async () => {
    const common = ['--kubeconfig', cluster.kubeconfig, '--kubectl', cluster.settings().kubectlPath];
    const io = captureIO(cluster.settings().env);
    io.readStdin = async () => GOOD;
    assert.equal(await main(['diff', '-', ...common], io), 1, io.err);
    assert.match(io.out, /^\+\s+name: allow-web$/m);
    const file = join(cluster.directory, 'allow-web.yaml');
    writeFileSync(file, GOOD);
    const refused = captureIO(cluster.settings().env);
    assert.equal(await makeApplyCommand(async () => undefined)([file, ...common], refused), 1);
    assert.match(refused.err, /nothing changed \(no --yes given and no answer on standard input\)/);
    const declined = captureIO(cluster.settings().env);
    assert.equal(await makeApplyCommand(async () => false)([file, ...common], declined), 1);
    assert.match(declined.err, /nothing changed \(not confirmed\)/);
    // The manifest on stdin leaves nothing to read an answer from: --yes is required.
    const fromStdin = captureIO(cluster.settings().env);
    fromStdin.readStdin = async () => GOOD;
    assert.equal(await main(['apply', '-', ...common], fromStdin), 2);
    assert.match(
      fromStdin.err,
      /the manifest comes on standard input, so no answer can be read there; add --yes/,
    );
    assert.equal(
      cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'),
      undefined,
    );
    const confirmed = captureIO(cluster.settings().env);
    const questions: string[] = [];
    assert.equal(
      await makeApplyCommand(async (q) => (questions.push(q), true))([file, ...common], confirmed),
      0,
      confirmed.err,
    );
    assert.match(
      questions[0],
      /^Apply \S+allow-web\.yaml to context "test-context" \(cluster arn:aws:eks:us-west-2:111122223333:cluster\/demo-cluster at https:\/\/127\.0\.0\.1:\d+\)\? \[y\/N\] $/,
    );
    assert.ok(cluster.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'));
    const piped = captureIO(cluster.settings().env);
    piped.readStdin = async () => GOOD.replace('port: 80', 'port: 8080');
    assert.equal(await main(['apply', '-', '--yes', ...common], piped), 0, piped.err);
    assert.match(piped.out, /allow-web configured/);
  });
});
