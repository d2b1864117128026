// `npm run fuzz [-- --cases N --seed S --workers W]`: bundles the fuzzer (scripts/fuzz/run.ts and the
// engine it checks) with esbuild, then runs it. See scripts/fuzz/run.ts for the options.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const outfile = `${root}.cache/fuzz/run.js`;
await build({
  entryPoints: [`${root}scripts/fuzz/run.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
