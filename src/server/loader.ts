// Entry point of `dist/server.js`: runs the language server's bundle (dist/serverMain.js, from
// main.ts) with V8's code cache (see src/shared/cachedBundle.ts). The cache is saved once the
// server's first diagnostics are out, so that it holds what they needed compiled too.

import { join } from 'node:path';
import { CachedBundle } from '../shared/cachedBundle';
import { SAVE_CODE_CACHE } from './codeCache';

const bundle = new CachedBundle(join(__dirname, 'serverMain.js'), 'server');
(globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = (): void => bundle.save();
bundle.run();
