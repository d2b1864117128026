// `npm run bench`: builds what it measures, then runs the benchmark (scripts/bench/main.ts).
// The release build and the .vsix are made in a private copy of the project (under .cache/bench),
// so dist/ is not replaced under tests that may be running at the same time.
// Extra arguments go to the benchmark, e.g. `npm run bench -- --sizes 10,100 --no-write`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const work = join(root, '.cache', 'bench');
const copy = join(work, 'project');
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  '.cache',
  'out',
  'dist',
  'test-results',
  'bench-results',
]);

function run(title, command, args, cwd) {
  console.log(`# ${title}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const reportOnly = process.argv.includes('--report-only');
const vsix = join(copy, 'eks-networking.vsix');
run('dependencies', 'node', ['scripts/ensure-deps.mjs'], root);
if (!reportOnly) {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const name of readdirSync(root)) {
    if (!NOT_COPIED.has(name) && !name.endsWith('.vsix'))
      cpSync(join(root, name), join(copy, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  run('release build and .vsix (npm run package)', 'npm', ['run', '--silent', 'package'], copy);
  if (!existsSync(vsix)) {
    console.error('npm run package did not produce eks-networking.vsix');
    process.exit(1);
  }
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };
await build({
  ...common,
  entryPoints: [join(root, 'scripts/bench/main.ts')],
  outfile: join(work, 'bench.js'),
});
await build({
  ...common,
  entryPoints: [join(root, 'scripts/bench/activationProbe.ts')],
  outfile: join(work, 'activationProbe.js'),
});

const args = [join(work, 'bench.js'), '--root', root, '--build', copy, '--vsix', vsix, '--work', work];
run('benchmark', process.execPath, [...args, ...process.argv.slice(2)], root);
