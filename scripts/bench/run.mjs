// `npm run bench`: builds what it measures, then runs the benchmark (scripts/bench/main.ts).
// The release build and the .vsix are made in a private copy of the project (under .cache/bench),
// so dist/ is not replaced under tests that may be running at the same time.
// Extra arguments go to the benchmark, e.g. `npm run bench -- --sizes 10,100 --no-write`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const work = join(root, '.cache', 'bench');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

function run(title, command, args, cwd) {
  console.log(`# ${title}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const reportOnly = process.argv.includes('--report-only');
run('dependencies', 'node', ['scripts/ensure-deps.mjs'], root);
// The same private-copy packaging the real-VS-Code tests use.
await build({
  ...common,
  entryPoints: [join(root, 'scripts/vscode/vsix.ts')],
  outfile: join(work, 'vsix.cjs'),
});
const { packageExtension, VSIX_NAME } = createRequire(import.meta.url)(join(work, 'vsix.cjs'));
const copy = join(work, 'project');
let vsix = join(copy, VSIX_NAME);
if (!reportOnly) {
  console.log('# release build and .vsix (npm run package)');
  vsix = packageExtension(work);
}

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

// Runs inside VS Code's extension host as the test entry of a development extension (vscodeTimings.ts).
await build({
  ...common,
  entryPoints: [join(root, 'scripts/bench/vscodeProbe.ts')],
  outfile: join(work, 'vscode-probe', 'index.js'),
  external: ['vscode'],
});

const args = [join(work, 'bench.js'), '--root', root, '--build', copy, '--vsix', vsix, '--work', work];
run('benchmark', process.execPath, [...args, ...process.argv.slice(2)], root);
