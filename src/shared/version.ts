// The product version, read from package.json: the one place it is written. The bundles in dist/,
// the compiled tests in out/ and the installed extension all have package.json above them.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'eks-networking';

let cached: string | undefined;

/** The version in our package.json, or "unknown" when it cannot be found. */
export function productVersion(): string {
  cached ??= findVersion(__dirname);
  return cached;
}

function findVersion(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        // Another package.json (a folder the code was copied into) is not ours: keep looking up.
        if (parsed.name === PACKAGE_NAME && typeof parsed.version === 'string') return parsed.version;
      } catch {
        // Unreadable: keep looking up.
      }
    }
    if (dirname(directory) === directory) return 'unknown';
  }
}
