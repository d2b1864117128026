// `npm run demo`: installs what is missing (npm dependencies, code-server, Chromium's libraries,
// playwright-core), then starts the demo in scripts/vscode/demo.ts (bundled on the fly with esbuild,
// so it does not depend on a full TypeScript build).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function step(title, args) {
  console.log(`# ${title}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step('npm dependencies', ['scripts/ensure-deps.mjs']);
step('VS Code tools (code-server, Chromium, playwright-core)', ['scripts/vscode/ensure-tools.mjs']);

const { build } = await import('esbuild');
const outfile = `${root}.cache/demo/demo.cjs`;
mkdirSync(`${root}.cache/demo`, { recursive: true });
await build({
  entryPoints: [`${root}scripts/vscode/demo.ts`],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
const { runDemo } = createRequire(import.meta.url)(outfile);
await runDemo();
