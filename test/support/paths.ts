// Locations used by tests. Compiled tests live in out/test/..., so the project root is found by
// walking up to the folder that has package.json.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(start: string): string {
  let current = start;
  while (!existsSync(join(current, 'package.json'))) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`package.json not found above ${start}`);
    current = parent;
  }
  return current;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures');
export const DIST = join(PROJECT_ROOT, 'dist');
