// Writes docs/rules.md from the rule metadata (src/engine/rules). Usage: node scripts/gen-rules-doc.mjs
// The renderer is TypeScript, so it is bundled on the fly with esbuild and run here.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const result = await build({
  entryPoints: [new URL('../src/engine/rules/rulesDoc.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
const require = createRequire(import.meta.url);
new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
mkdirSync(new URL('../docs', import.meta.url), { recursive: true });
writeFileSync(new URL('../docs/rules.md', import.meta.url), module.exports.renderRulesDoc());
console.log('wrote docs/rules.md');
