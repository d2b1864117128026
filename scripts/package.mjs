// `npm run package`: the production bundles, then eks-networking.vsix. The .vsix gets the README made
// for the extension page (scripts/package-readme.mjs); vsce's own link rewriting is off because it
// would point the pictures at the repository instead of shipping them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedReadme } from './package-readme.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/build.mjs', '--production']);
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// vsce takes the README path relative to the project, as one of the files it packages.
const readme = 'dist/package/README.md';
mkdirSync(join(root, 'dist', 'package'), { recursive: true });
writeFileSync(
  join(root, readme),
  packagedReadme(readFileSync(join(root, 'README.md'), 'utf8'), root, manifest.repository.url),
);
run(process.execPath, [
  join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--no-rewrite-relative-links',
  '--readme-path',
  readme,
  '--out',
  'eks-networking.vsix',
]);
