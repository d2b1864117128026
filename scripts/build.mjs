// Bundles the three processes (extension client, language server, CLI) into dist/ with esbuild.
// Usage: node scripts/build.mjs [--production]
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const production = process.argv.includes('--production');
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// The schema validators are generated code (ajv standalone), written before bundling.
await import('./gen-validators.mjs');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
};

await Promise.all([
  // The extension's `main` runs the client's bundle, dist/extensionMain.js, with V8's code cache.
  build({
    ...common,
    entryPoints: ['src/client/loader.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  }),
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extensionMain.js',
    external: ['vscode'],
  }),
  // The cluster commands' code, loaded by the extension on first use (src/client/cluster/index.ts).
  build({
    ...common,
    entryPoints: ['src/client/cluster/features.ts'],
    outfile: 'dist/clusterCommands.js',
    external: ['vscode'],
  }),
  // `node dist/server.js` runs the server's bundle, dist/serverMain.js, with V8's code cache.
  build({ ...common, entryPoints: ['src/server/loader.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/serverMain.js' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // Validation worker threads of the server (and the CLI), started from dist/ by validationPool.ts.
  build({
    ...common,
    entryPoints: ['src/engine/service/validationWorker.ts'],
    outfile: 'dist/validationWorker.js',
  }),
  // The connectivity view runs in a webview (a browser page): its own script and stylesheet.
  build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    entryPoints: ['src/client/connectivity/webview/main.ts'],
    outfile: 'dist/connectivityView.js',
  }),
  build({
    ...common,
    entryPoints: ['src/client/connectivity/webview/view.css'],
    outfile: 'dist/connectivityView.css',
  }),
]);
