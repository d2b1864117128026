// A change goes to the context that was confirmed: the built CLI is driven through its prompt, and
// while it waits for the answer another "terminal" (the real kubectl) switches the current context
// or re-points the context at another server. Two test API servers play staging and prod.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { awsNodeEnv, seedEksCluster, TestApiServer, writeKubeconfig } from '../support/apiserver/cluster';
import { CLUSTER_FIXTURES } from '../support/apiserver/cluster';
import { readFileSync } from 'node:fs';
import { PROJECT_ROOT, realKubectl, startCluster, type TestCluster } from './harness';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');
const STAGING_CLUSTER = 'arn:aws:eks:us-west-2:111122223333:cluster/demo-cluster';
const POLICY = readFileSync(join(CLUSTER_FIXTURES, 'netpol-bad-protocol.yaml'), 'utf8').replace(
  'protocol: tcp',
  'protocol: TCP',
);

interface Prompted {
  /** Resolves once `text` has appeared on stdout or stderr. */
  output(text: string): Promise<void>;
  answer(line: string): void;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts the built CLI with piped stdin, so the test can answer its prompt. */
function startCli(args: string[], env: NodeJS.ProcessEnv | undefined): Prompted {
  const child = spawn('node', [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (!(stdout + stderr).includes(waiter.text)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout.on('data', (part: Buffer) => ((stdout += part.toString()), check()));
  child.stderr.on('data', (part: Buffer) => ((stderr += part.toString()), check()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      for (const waiter of waiters) waiter.resolve();
      resolve({ code, stdout, stderr });
    }),
  );
  return {
    output: (text) =>
      new Promise<void>((resolve) => {
        waiters.push({ text, resolve });
        check();
      }).then(() => {
        if (!(stdout + stderr).includes(text))
          throw new Error(`the CLI ended without printing ${JSON.stringify(text)}:\n${stdout}\n${stderr}`);
      }),
    answer: (line) => child.stdin.end(`${line}\n`),
    done,
  };
}

describe('A change goes to the context that was confirmed (eksnet, real kubectl)', () => {
  let staging: TestCluster;
  let prod: TestApiServer;
  let kubeconfig: string;
  let common: string[];

  before(async () => {
    staging = await startCluster();
    // prod accepts staging's credentials, so a change sent there by mistake would succeed.
    prod = await TestApiServer.start({
      token: staging.server.token,
      certificates: staging.server.certificates,
    });
    seedEksCluster(prod);
  });
  after(async () => {
    await staging.stop();
    await prod.stop();
  });
  beforeEach(() => {
    // A fresh kubeconfig per test: current context "staging", and a "prod" context.
    kubeconfig = writeKubeconfig(staging.server, staging.directory, {
      contextName: 'staging',
      moreContexts: [{ name: 'prod', server: prod }],
    });
    common = ['--kubeconfig', kubeconfig, '--kubectl', realKubectl()];
  });

  const kubectl = (...args: string[]) =>
    execFileSync(realKubectl(), [`--kubeconfig=${kubeconfig}`, ...args], {
      env: staging.settings().env,
      encoding: 'utf8',
    });

  it('eksnet cni enable: "kubectl config use-context prod" during the prompt does not move the change to prod', async () => {
    const prodBefore = awsNodeEnv(prod);
    const cli = startCli(['cni', 'enable', 'pod-eni', ...common], staging.settings().env);
    await cli.output('Change aws-node on context "staging"? [y/N]');
    kubectl('config', 'use-context', 'prod');
    cli.answer('y');
    const result = await cli.done;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Security groups for pods is on for context "staging"/);
    assert.equal(awsNodeEnv(staging.server).get('ENABLE_POD_ENI'), 'true');
    assert.deepEqual(prod.writes(), [], 'nothing may be sent to prod');
    assert.deepEqual(awsNodeEnv(prod), prodBefore);
  });

  it('eksnet apply FILE: switching the current context during the prompt does not move the apply to prod', async () => {
    const file = join(staging.directory, 'policy.yaml');
    writeFileSync(file, POLICY);
    const cli = startCli(['apply', file, ...common], staging.settings().env);
    await cli.output('to context "staging"');
    kubectl('config', 'use-context', 'prod');
    cli.answer('y');
    const result = await cli.done;
    assert.equal(result.code, 0, result.stderr);
    assert.ok(staging.server.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'));
    assert.equal(prod.get('networking.k8s.io/v1', 'NetworkPolicy', 'allow-web', 'default'), undefined);
    assert.deepEqual(prod.writes(), []);
  });

  it('a context re-pointed at another server during the prompt is refused, and nothing is written anywhere', async () => {
    const stagingWrites = staging.server.writes().length;
    const cli = startCli(['cni', 'enable', 'prefix-delegation', ...common], staging.settings().env);
    await cli.output('Change aws-node on context "staging"? [y/N]');
    kubectl('config', 'set-cluster', STAGING_CLUSTER, `--server=${prod.url}`);
    cli.answer('y');
    const result = await cli.done;
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stderr,
      new RegExp(
        `context "staging" now points at ${prod.url.replace(/\./g, '\\.')}, not ${staging.server.url.replace(/\./g, '\\.')} as when the plan was made; nothing was changed`,
      ),
    );
    assert.deepEqual(prod.writes(), []);
    assert.equal(staging.server.writes().length, stagingWrites);
  });
});
