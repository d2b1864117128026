// The extension starts its first language server process before the language client asks for one
// (src/client/serverProcess.ts; the loader does it as soon as VS Code loads the extension's code).
// Run with a stand-in server script that records how it was started.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverStarter } from '../../src/client/serverProcess';
import { SERVER_NODE_OPTIONS } from '../../src/shared/serverLaunch';
import { childProcessesRunning } from '../support/processes';

/** Writes started-PID.json when it starts and stopped-PID when it is told to stop (SIGTERM). */
const STAND_IN = `
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
process.on('SIGTERM', () => { writeFileSync(join(__dirname, 'stopped-' + process.pid), ''); process.exit(0); });
const record = { execArgv: process.execArgv, argv: process.argv.slice(2), cwd: process.cwd(),
  electronAsNode: process.env.ELECTRON_RUN_AS_NODE };
// Only once it can record its stop: the test stops it as soon as it sees this file.
writeFileSync(join(__dirname, 'started-' + process.pid + '.json'), JSON.stringify(record));
setInterval(() => undefined, 60000);
`;

interface Started {
  pid: number;
  execArgv: string[];
  argv: string[];
  cwd: string;
  electronAsNode?: string;
}

function standIn(t: { after(fn: () => void): void }): { dir: string; script: string } {
  const dir = mkdtempSync(join(tmpdir(), 'eksnet-server-process-'));
  const script = join(dir, 'stand-in-server.js');
  writeFileSync(script, STAND_IN);
  t.after(() => {
    for (const { pid } of childProcessesRunning(process.pid, script)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, script };
}

/** Resolves with the first file in `dir` whose name `matches`, once it is there (and complete). */
function fileIn(dir: string, matches: (name: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const timer = setTimeout(() => finish(new Error(`no ${what} within 30 s`)), 30_000);
    const look = (): void => {
      for (const name of readdirNames(dir)) if (matches(name)) return finish(undefined, name);
    };
    function finish(error?: Error, name?: string): void {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve(join(dir, name!));
    }
    watcher.on('change', look);
    look();
  });
}

/** The files in `dir`; a JSON file only once it parses (the watcher may see it half written). */
function readdirNames(dir: string): string[] {
  return readdirSync(dir).filter((name) => !name.endsWith('.json') || isJson(join(dir, name)));
}

function isJson(file: string): boolean {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

function startedRecord(file: string): Started {
  const pid = Number(/started-(\d+)\.json$/.exec(file)?.[1]);
  return { pid, ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<Started, 'pid'>) };
}

test('the first server process starts before the client asks, with the server options, and is the one it gets', async (t) => {
  const { dir, script } = standIn(t);
  const starter = serverStarter({ module: script, cwd: dir, debug: false });
  t.after(() => starter.dispose());

  // Nobody has called start() yet.
  const first = startedRecord(await fileIn(dir, (name) => name.startsWith('started-'), 'first process'));
  assert.deepEqual(first.execArgv, [...SERVER_NODE_OPTIONS]);
  assert.deepEqual(first.argv, ['--stdio', `--clientProcessId=${process.pid}`]);
  assert.equal(first.cwd, dir);
  assert.equal(first.electronAsNode, '1');

  const handed = await starter.start();
  assert.equal(handed.pid, first.pid, 'the client gets the process already started');

  // A restart (after a crash) starts a new one.
  const second = await starter.start();
  assert.notEqual(second.pid, first.pid);
  await fileIn(dir, (name) => name === `started-${second.pid}.json`, 'second process');
  assert.deepEqual(
    childProcessesRunning(process.pid, script)
      .map((child) => child.pid)
      .sort(),
    [first.pid, second.pid].sort(),
  );

  const exits = [once(handed, 'exit'), once(second, 'exit')];
  starter.dispose();
  await Promise.all(exits);
  assert.ok(existsSync(join(dir, `stopped-${first.pid}`)), 'the first process was asked to stop');
});

test('a process the client never asked for is stopped when the extension is disposed', async (t) => {
  const { dir, script } = standIn(t);
  const starter = serverStarter({ module: script, cwd: undefined, debug: false });
  const { pid } = startedRecord(await fileIn(dir, (name) => name.startsWith('started-'), 'first process'));
  starter.dispose();
  await fileIn(dir, (name) => name === `stopped-${pid}`, 'the stop of the unused process');
  await assert.rejects(starter.start(), /shutting down/);
});

test('disposed before the first process started, none is started', async (t) => {
  const { script } = standIn(t);
  const starter = serverStarter({ module: script, cwd: undefined, debug: false });
  starter.dispose();
  // The first process would be spawned in the microtask after serverStarter(); spawning is
  // synchronous, so by the next turn of the event loop it would be a child of this process.
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(childProcessesRunning(process.pid, script), []);
  await assert.rejects(starter.start(), /shutting down/);
});
