// Hostile values in context names, kubeconfig paths, profiles and cluster names reach kubectl and aws
// as exact, single argv entries (no shell ever sees them), or are refused before anything runs.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  createClusterTools,
  defaultSettings,
  isClusterError,
  readCniStatus,
  readNodePrefixes,
} from '../../src/cluster';
import { main } from '../../src/cli/main';
import { captureIO, recordingExecutable, RecordingLog } from './harness';

const HOSTILE = [
  '; rm -rf "$HOME"',
  '$(touch PWNED)',
  '`touch PWNED`',
  '--kubeconfig=/tmp/evil-kubeconfig',
  '-n default',
  'quote\' "double" \\backslash',
  '| cat /etc/passwd > PWNED',
];

describe('Hostile values never reach a shell', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'eksnet-injection-'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  for (const value of HOSTILE) {
    it(`passes the context name ${JSON.stringify(value)} to kubectl as one exact argument`, async () => {
      const kubectl = recordingExecutable(directory, `kubectl-${HOSTILE.indexOf(value)}`, { exitCode: 1 });
      const settings = defaultSettings({
        kubectlPath: kubectl.path,
        context: value,
        kubeconfig: `${directory}/${value}`,
        env: { PATH: '/usr/bin:/bin' },
      });
      // The kubeconfig file exists under that hostile name, so kubectl is really asked.
      mkdirSync(dirname(`${directory}/${value}`), { recursive: true });
      writeFileSync(`${directory}/${value}`, '{}');
      await assert.rejects(readCniStatus(createClusterTools(settings, new RecordingLog()).kubectl));
      const [call] = kubectl.calls();
      assert.deepEqual(call, [
        `--kubeconfig=${directory}/${value}`,
        `--context=${value}`,
        'config',
        'view',
        '--minify',
        '--output=json',
      ]);
      assert.equal(existsSync(join(process.cwd(), 'PWNED')), false);
      assert.equal(existsSync(join(directory, 'PWNED')), false);
    });
  }

  it('runs a kubectl path with spaces and shell characters as that exact file', async () => {
    const kubectl = recordingExecutable(directory, 'kube ctl;$(x)`y`', { exitCode: 1 });
    await assert.rejects(
      readCniStatus(
        createClusterTools(defaultSettings({ kubectlPath: kubectl.path, env: {} }), new RecordingLog())
          .kubectl,
      ),
    );
    assert.equal(kubectl.calls().length, 1);
  });

  it('refuses a context name with a line break before running anything', async () => {
    const kubectl = recordingExecutable(directory, 'kubectl-newline');
    const settings = defaultSettings({
      kubectlPath: kubectl.path,
      context: 'prod\n--kubeconfig=/tmp/evil',
      env: {},
    });
    await assert.rejects(
      readCniStatus(createClusterTools(settings, new RecordingLog()).kubectl),
      (error: unknown) => {
        assert.ok(isClusterError(error, 'invalid-input'));
        assert.match(error.message, /context name contains a line break .*eksNetworking\.context/);
        return true;
      },
    );
    assert.deepEqual(kubectl.calls(), []);
  });

  it('passes a hostile AWS profile as one --profile= argument and the cluster filter unchanged', async () => {
    const aws = recordingExecutable(directory, 'aws-profile', {
      stdoutFile: '/dev/null',
      exitCode: 1,
      stderr: 'boom',
    });
    const profile = '$(touch PWNED); --region=evil';
    const settings = defaultSettings({
      awsPath: aws.path,
      awsProfile: profile,
      clusterName: 'demo-cluster',
      awsRegion: 'eu-west-1',
      env: {},
    });
    await assert.rejects(readNodePrefixes(createClusterTools(settings, new RecordingLog()).aws, undefined));
    assert.deepEqual(aws.calls(), [
      [
        'ec2',
        'describe-instances',
        '--filters',
        'Name=tag:eks:cluster-name,Values=demo-cluster',
        'Name=instance-state-name,Values=running',
        '--output',
        'json',
        `--profile=${profile}`,
        '--region=eu-west-1',
      ],
    ]);
  });

  for (const [index, clusterName] of [
    'demo,other',
    'demo Name=tag-key',
    '$(id)',
    '-demo',
    'demo\nx',
  ].entries()) {
    it(`refuses the cluster name ${JSON.stringify(clusterName)} before running aws`, async () => {
      const aws = recordingExecutable(directory, `aws-name-${index}`);
      const settings = defaultSettings({ awsPath: aws.path, clusterName, env: {} });
      await assert.rejects(
        readNodePrefixes(createClusterTools(settings, new RecordingLog()).aws, undefined),
        /is not a valid EKS cluster name.*eksNetworking\.clusterName/,
      );
      assert.deepEqual(aws.calls(), []);
    });
  }

  it('refuses a region that is not a region name', async () => {
    const aws = recordingExecutable(directory, 'aws-region');
    const settings = defaultSettings({
      awsPath: aws.path,
      clusterName: 'demo',
      awsRegion: 'us-west-2 --debug',
      env: {},
    });
    await assert.rejects(
      readNodePrefixes(createClusterTools(settings, new RecordingLog()).aws, undefined),
      /AWS region "us-west-2 --debug" is not a region name/,
    );
    assert.deepEqual(aws.calls(), []);
  });

  it('the CLI passes --context and --kubeconfig values through exactly', async () => {
    const kubectl = recordingExecutable(directory, 'kubectl-cli', { exitCode: 1, stderr: 'error: boom' });
    const io = captureIO({ PATH: '/usr/bin:/bin' });
    const code = await main(
      [
        'cni',
        'status',
        '--context',
        '$(touch PWNED)',
        '--kubeconfig=--kubeconfig=/x',
        '--kubectl',
        kubectl.path,
      ],
      io,
    );
    assert.equal(code, 1);
    assert.deepEqual(kubectl.calls()[0].slice(0, 2), [
      '--kubeconfig=--kubeconfig=/x',
      '--context=$(touch PWNED)',
    ]);
  });
});
