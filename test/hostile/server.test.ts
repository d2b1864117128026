// Hostile and broken YAML through the real language server over stdio: each file is opened, gets
// its diagnostics quickly, and hover, completion and the outline still answer on it; afterwards an
// ordinary file is served as usual, and the server's peak memory stays bounded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { LineIndex } from '../../src/engine';
import { LspTestClient } from '../support/lspClient';
import { HOSTILE_INPUTS, POLICY_WITH_ONE_MISTAKE, SUPER_LINEAR_INPUTS, type HostileInput } from './inputs';

/** Opening and validating one hostile file, 50 MB ones included. */
const PUBLISH_TIMEOUT_MS = 30_000;
/** Peak resident memory of the server process over the whole run. */
const PEAK_MEMORY_MB = 1536;

const ONE_DIAGNOSTIC: Record<string, string> = {
  'alias bomb (billion laughs)': 'YAML001',
  '10,000-deep block sequences': 'YAML001',
  '10,000-deep block mappings': 'YAML001',
  '10,000-deep flow sequences': 'YAML001',
  '10,000-deep flow mappings': 'YAML001',
  '10,000 unclosed flow brackets': 'YAML001',
  'alias amplification (150 aliases of 1,000 ipBlocks)': 'YAML001',
  'alias amplification (700 aliases of 1,000 ipBlocks)': 'YAML001',
  '50 MB file': 'YAML002',
};

function peakMemoryMB(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kilobytes ? Number(kilobytes) / 1024 : undefined;
  } catch {
    return undefined; // not Linux: the memory bound is checked where /proc exists
  }
}

async function serveHostileFiles(
  inputs: readonly HostileInput[],
  settings?: Record<string, unknown>,
): Promise<void> {
  const client = new LspTestClient(settings ? { settings: { eksNetworking: settings } } : {});
  try {
    await client.initialize();
    for (const [index, input] of inputs.entries()) {
      const uri = `file:///work/hostile/${index}.yaml`;
      const text = input.build();
      const started = Date.now();
      await client.open(uri, text);
      const diagnostics = await client.waitForDiagnostics(uri, () => true, PUBLISH_TIMEOUT_MS);
      const elapsed = Date.now() - started;
      assert.ok(diagnostics.length <= 10, `${input.name}: ${diagnostics.length} diagnostics`);
      const expected = ONE_DIAGNOSTIC[input.name];
      if (expected) {
        assert.deepEqual(
          diagnostics.map((d) => d.code),
          [expected],
          `${input.name}: ${JSON.stringify(diagnostics)}`,
        );
      }
      const lastLine = text.split('\n').length - 2;
      for (const position of [
        { line: 0, character: 3 },
        { line: 5, character: 4 },
        { line: Math.max(0, lastLine), character: 1 },
      ]) {
        const params = { textDocument: { uri }, position };
        await client.request('textDocument/hover', params);
        await client.request('textDocument/completion', params);
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.close(uri);
      assert.ok(elapsed < PUBLISH_TIMEOUT_MS, `${input.name}: ${elapsed} ms`);
    }

    // The server is still itself: an ordinary policy gets its one real mistake reported.
    const uri = 'file:///work/hostile/after.yaml';
    await client.open(uri, POLICY_WITH_ONE_MISTAKE);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.ok(
      diagnostics.some((d) => d.code === 'SCH003' && d.range.start.line === 8),
      JSON.stringify(diagnostics),
    );
    const peak = peakMemoryMB(client.process.pid);
    if (peak !== undefined) assert.ok(peak < PEAK_MEMORY_MB, `server peak memory ${Math.round(peak)} MB`);
    assert.equal(client.process.exitCode, null);
    assert.equal(client.stderr, '', 'nothing on the server stderr');
  } finally {
    await client.shutdown();
  }
}

test(
  'the language server answers every hostile file with bounded time and memory and keeps serving',
  { timeout: 300_000 },
  async () => {
    await serveHostileFiles(HOSTILE_INPUTS.filter((input) => !input.settings));
  },
);

test(
  'with a raised size limit, 10,000-deep block nesting gets one "too deep" diagnostic from the server',
  { timeout: 120_000 },
  async () => {
    const raised = HOSTILE_INPUTS.filter((input) => input.settings);
    assert.ok(raised.length > 0);
    await serveHostileFiles(raised, raised[0].settings);
  },
);

/** CPU time the server process has used, in ms (Linux; undefined elsewhere). */
function serverCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of the whole line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function parseCpuMs(text: string): number {
  const started = process.cpuUsage();
  parseAllDocuments(text, { uniqueKeys: false });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Opens `text`, types one character at `offset`, and asks for completion and hover there. */
async function editOnce(client: LspTestClient, uri: string, text: string, offset: number): Promise<void> {
  const lines = new LineIndex(text);
  const position = lines.positionAt(offset);
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, () => true, 120_000);
  const version = await client.change(uri, [{ range: { start: position, end: position }, text: 'x' }]);
  await client.waitForDiagnostics(uri, (params) => params.version === version, 120_000);
  const after = { line: position.line, character: position.character + 1 };
  await client.request('textDocument/completion', { textDocument: { uri }, position: after });
  await client.request('textDocument/hover', { textDocument: { uri }, position: after });
  await client.close(uri);
}

test(
  'the inputs that were quadratic cost the server a bounded multiple of their parse time',
  { timeout: 600_000 },
  async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      await editOnce(client, 'file:///work/hostile/warm-up.yaml', POLICY_WITH_ONE_MISTAKE, 10);
      const slow: string[] = [];
      for (const [index, input] of SUPER_LINEAR_INPUTS.entries()) {
        const text = input.build();
        // The same amount of text that is none of ours: what reading and sending it costs.
        const plain = '# x\n'.repeat(Math.ceil(text.length / 4)).slice(0, text.length);
        const before = serverCpuMs(client.process.pid);
        if (before === undefined) return; // not Linux
        await editOnce(client, `file:///work/hostile/plain-${index}.yaml`, plain, plain.length);
        const baseline = serverCpuMs(client.process.pid)! - before;
        await editOnce(client, `file:///work/hostile/input-${index}.yaml`, text, input.cursor(text));
        const used = serverCpuMs(client.process.pid)! - before - baseline;
        const bound = baseline + 40 * parseCpuMs(text) + 100;
        if (used > bound) slow.push(`${input.name}: ${used} ms of server CPU, bound ${Math.round(bound)} ms`);
      }
      assert.deepEqual(slow, []);
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.shutdown();
    }
  },
);
