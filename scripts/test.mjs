// The whole check that `npm test` runs: build, type-check, lint, format check, then every node:test file.
// Usage: node scripts/test.mjs [substring-filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function step(title, command, args) {
  console.log(`\n# ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findTests(full));
    else if (name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

step('dependencies', 'node', ['scripts/ensure-deps.mjs']);
step('bundle', 'node', ['scripts/build.mjs']);
rmSync(join(root, 'out'), { recursive: true, force: true });
step('type-check (tsc)', 'npx', ['tsc', '-p', '.']);
step('lint (eslint)', 'npx', ['eslint', '.']);
step('format (prettier --check)', 'npx', ['prettier', '--check', '.']);
const files = findTests(join(root, 'out', 'test')).filter(
  (file) => filters.length === 0 || filters.some((f) => file.includes(f)),
);
step('tests (node:test)', 'node', ['--test', '--test-concurrency=2', ...files]);
