#!/usr/bin/env node
// Entry point for `npx eksnet`: runs the bundled CLI, or says how to build it.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'eksnet: dist/cli.js is missing; run `npm run build` in the eks-networking folder first.\n',
  );
  process.exit(2);
}
require(cli).run();
