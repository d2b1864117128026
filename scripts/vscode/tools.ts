// Where the VS Code test tools live, installing them first when missing (see ensure-tools.mjs,
// which is the one place that knows the versions and paths).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ToolPaths {
  projectRoot: string;
  cacheDir: string;
  toolsDir: string;
  codeServerBin: string;
  playwrightCoreDir: string;
  chromiumPath: string;
  /** TMPDIR and XDG_* pointing into .cache/, so nothing is written into $HOME. */
  env: Record<string, string>;
}

function findProjectRoot(start: string): string {
  let current = start;
  while (!existsSync(join(current, 'scripts', 'vscode', 'ensure-tools.mjs'))) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`scripts/vscode/ensure-tools.mjs not found above ${start}`);
    current = parent;
  }
  return current;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);

let cached: ToolPaths | undefined;

/** Installs code-server, playwright-core and Chromium when missing (once per process) and returns their paths. */
export function ensureVsCodeTools(): ToolPaths {
  if (cached) return cached;
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'scripts/vscode/ensure-tools.mjs'), '--json'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `Installing the VS Code test tools failed (exit ${result.status}); see the output above.`,
    );
  }
  cached = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as ToolPaths;
  return cached;
}

/** process.env plus the isolated TMPDIR/XDG_* folders. */
export function toolEnv(tools: ToolPaths, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...tools.env, ...extra };
}
