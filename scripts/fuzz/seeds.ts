// Where the fuzzer's seed files and its saved findings live, and how findings are written so that
// `test/fuzz/` can replay them byte for byte.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import type { SeedFile } from './mutations';

/** The real-world corpus, shared with the corpus test. */
export const SEED_DIRECTORY = 'test/fixtures/corpus/real-world';
export const REGRESSIONS_DIRECTORY = 'test/fixtures/fuzz-regressions';

function yamlFiles(directory: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory).sort()) {
    const full = join(directory, name);
    if (statSync(full).isDirectory()) found.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) found.push(full);
  }
  return found;
}

export function loadSeeds(projectRoot: string): SeedFile[] {
  const directory = join(projectRoot, SEED_DIRECTORY);
  if (!existsSync(directory)) throw new Error(`no seed files: ${SEED_DIRECTORY} does not exist`);
  return yamlFiles(directory).map((file) => ({
    name: relative(projectRoot, file),
    text: readFileSync(file, 'utf8'),
  }));
}

export interface SavedRegression {
  name: string;
  text: string;
}

/**
 * A finding is saved as `.yaml` when its text survives a UTF-8 round trip, so it reads as the
 * manifest that broke the engine; texts with lone surrogates are saved as `.json` (`{"text": ...}`).
 */
export function saveRegression(projectRoot: string, text: string, description: string): string {
  const directory = join(projectRoot, REGRESSIONS_DIRECTORY);
  mkdirSync(directory, { recursive: true });
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text;
  const name = `${hash}.${roundTrips ? 'yaml' : 'json'}`;
  writeFileSync(join(directory, name), roundTrips ? text : JSON.stringify({ text }) + '\n');
  const index = join(directory, 'FINDINGS.md');
  const line = `- \`${name}\`: ${description.replace(/\s+/g, ' ').slice(0, 400)}\n`;
  const existing = existsSync(index) ? readFileSync(index, 'utf8') : HEADER;
  if (!existing.includes(`\`${name}\``)) writeFileSync(index, existing + line);
  return name;
}

const HEADER =
  '# Crashes and hangs found\n\nEach file here once crashed, hung or returned an out-of-range diagnostic (found by `npm run fuzz` or\n' +
  'while writing the hostile-input tests); `test/fuzz/` replays all of them.\n\n';

export function loadRegressions(projectRoot: string): SavedRegression[] {
  const directory = join(projectRoot, REGRESSIONS_DIRECTORY);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(directory, name), 'utf8');
      return { name, text: name.endsWith('.json') ? (JSON.parse(raw) as { text: string }).text : raw };
    });
}
