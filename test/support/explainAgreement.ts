// `eksnet explain --format json` against `eksnet lint --format json`: the notes of every explained
// resource must be exactly the semantic findings lint reports on its lines with the same options.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExplainRecord } from '../../src/cli/commands/explain';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { isSemanticRule, ruleByCode } from '../../src/engine';

interface LintRecord {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

function captureIO(cwd: string, stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readStdin: async () => stdin,
    cwd,
    env: {},
  };
  return io;
}

export async function runCli(
  args: string[],
  cwd: string,
): Promise<{ code: number; out: string; err: string }> {
  const io = captureIO(cwd);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** Writes files into a fresh directory; returns it. */
export function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eksnet-explain-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/**
 * Runs `eksnet explain --format json` and `eksnet lint --format json` with the same options and
 * files, and checks that every resource's notes are exactly lint's semantic findings on its lines
 * (and that no semantic finding falls outside every resource). Returns the records.
 */
export async function assertNotesAreLintFindings(
  cwd: string,
  files: readonly string[],
  options: readonly string[] = [],
): Promise<ExplainRecord[]> {
  const explained = await runCli(['explain', '--format', 'json', ...options, ...files], cwd);
  assert.notEqual(explained.code, 2, explained.err);
  const records = explained.code === 0 ? (JSON.parse(explained.out) as ExplainRecord[]) : [];
  const linted = JSON.parse(
    (await runCli(['lint', '--format', 'json', ...options, ...files], cwd)).out,
  ) as LintRecord[];
  const semantic = linted.filter((record) => {
    const rule = ruleByCode(record.code);
    return rule !== undefined && isSemanticRule(rule);
  });
  const placed = new Set<LintRecord>();
  for (const record of records) {
    const expected = semantic.filter(
      (finding) =>
        finding.file === record.file && finding.line >= record.line && finding.line <= record.endLine,
    );
    for (const finding of expected) placed.add(finding);
    assert.deepEqual(
      record.notes,
      expected.map(({ code, severity, message }) => ({ code, severity, message })),
      `${record.file}:${record.line} ${record.kind} ${record.name ?? ''}`,
    );
  }
  assert.deepEqual(
    semantic.filter((finding) => !placed.has(finding)),
    [],
    'semantic findings outside every explained resource',
  );
  return records;
}
