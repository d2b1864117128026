// Builds the .vsix exactly as a release does (`npm run package`), but in a private copy of the project,
// so the production build cannot replace dist/ under tests that are running at the same time.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from './tools';

/** Not needed to package: dependencies are linked, build output is rebuilt. */
const NOT_COPIED = new Set([
  'node_modules',
  '.git',
  '.cache',
  'out',
  'dist',
  'test-results',
  'bench-results',
]);

export const VSIX_NAME = 'eks-networking.vsix';

/** Runs `npm run package` in `workDir/project` and returns the path of the .vsix it produced. */
export function packageExtension(workDir: string): string {
  const copy = join(workDir, 'project');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const name of readdirSync(PROJECT_ROOT)) {
    if (NOT_COPIED.has(name) || name.endsWith('.vsix')) continue;
    cpSync(join(PROJECT_ROOT, name), join(copy, name), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'));
  const result = spawnSync('npm', ['run', 'package'], { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
  const vsix = join(copy, VSIX_NAME);
  if (result.status !== 0 || !existsSync(vsix)) {
    throw new Error(`npm run package failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return vsix;
}

/** Lists the files inside a .vsix (it is a zip), e.g. to report what a failing install was missing. */
export function listVsix(vsix: string): string[] {
  const result = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`unzip -Z1 ${basename(vsix)} failed: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}

/** What every stand-in's manifest has: activated like ours, by a YAML file, in any workspace. */
export const STAND_IN_MANIFEST = {
  version: '0.0.0',
  license: 'MIT',
  engines: { vscode: '^1.99.0' },
  main: './extension.js',
  activationEvents: ['onLanguage:yaml'],
  capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: false },
};

/**
 * Packages the small extension in `dir` (a package.json, its code and a README) as `dir/fileName`
 * with vsce: the test and benchmark stand-ins installed beside, or instead of, ours.
 */
export function packageStandIn(dir: string, fileName: string, what: string): string {
  const vsix = join(dir, fileName);
  const vsce = join(PROJECT_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: dir, encoding: 'utf8' },
  );
  if (result.status !== 0 || !existsSync(vsix)) {
    throw new Error(`Packaging ${what} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return vsix;
}
