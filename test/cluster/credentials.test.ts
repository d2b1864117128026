// The kubeconfig's bearer token and client key never appear in the log, CLI output or error messages,
// whatever the command and however it ends.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyPlan, createClusterTools, planEnable, readCniStatus, runDoctor } from '../../src/cluster';
import { makeCniCommand } from '../../src/cli/commands/cni';
import { main } from '../../src/cli/main';
import { captureIO, RecordingLog, startCluster, type TestCluster } from './harness';

describe('Credentials stay out of logs and output', () => {
  let cluster: TestCluster;
  before(async () => (cluster = await startCluster()));
  after(() => cluster.stop());

  function assertNoSecrets(text: string, where: string): void {
    for (const secret of cluster.secrets())
      assert.equal(text.includes(secret), false, `${where} contains a credential`);
    assert.doesNotMatch(text, /PRIVATE KEY-----/, `${where} contains a private key`);
  }

  it('the log of a status read, a change and a doctor run has no token or key', async () => {
    const log = new RecordingLog();
    const tools = createClusterTools(cluster.settings(), log);
    await readCniStatus(tools.kubectl);
    await applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'pod-eni'));
    await runDoctor(tools.kubectl, undefined);
    assert.ok(
      log.lines.some((line) => line.startsWith('$ ')),
      'every command is logged',
    );
    assert.ok(log.text().includes('set env'), 'the change command is logged');
    assertNoSecrets(log.text(), 'log');
  });

  it('an error whose server message echoes the token is redacted in the error and the log', async () => {
    cluster.server.injectFailure({
      method: 'PATCH',
      status: 500,
      message: `internal error for Authorization: Bearer ${cluster.server.token}`,
    });
    const log = new RecordingLog();
    try {
      const tools = createClusterTools(cluster.settings(), log);
      await assert.rejects(
        applyPlan(tools.kubectl, await planEnable(tools.kubectl, 'prefix-delegation')),
        (error: Error) => {
          assert.match(error.message, /\[REDACTED\]/);
          assertNoSecrets(error.message, 'error message');
          return true;
        },
      );
    } finally {
      cluster.server.clearFailures();
    }
    assertNoSecrets(log.text(), 'log');
  });

  it('CLI output, --verbose log and errors have no token or key', async () => {
    const runs: Array<[string[], ReturnType<typeof captureIO>]> = [];
    for (const args of [
      [
        'cni',
        'status',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      [
        'cni',
        'status',
        '--format',
        'json',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      [
        'doctor',
        '--verbose',
        '--format',
        'json',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
        '--aws',
        '/nonexistent/aws',
      ],
      [
        'cninodes',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      [
        'cni',
        'status',
        '--verbose',
        '--context',
        'missing',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
    ]) {
      const io = captureIO(cluster.settings().env);
      await main(args, io);
      runs.push([args, io]);
    }
    const io = captureIO(cluster.settings().env);
    await makeCniCommand(async () => true)(
      [
        'enable',
        'custom-networking',
        '--verbose',
        '--kubeconfig',
        cluster.kubeconfig,
        '--kubectl',
        cluster.settings().kubectlPath,
      ],
      io,
    );
    runs.push([['cni', 'enable'], io]);
    for (const [args, output] of runs) {
      assert.ok(output.out.length + output.err.length > 0, `${args.join(' ')} printed something`);
      assertNoSecrets(output.out, `stdout of ${args.join(' ')}`);
      assertNoSecrets(output.err, `stderr of ${args.join(' ')}`);
    }
  });
});
