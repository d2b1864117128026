// The language server process (dist/serverMain.js, which `node dist/server.js --stdio` runs through
// loader.ts; VS Code's client passes the transport flag).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

process.on('uncaughtException', (error) => {
  // Keep serving: one bad request must not take the editor's diagnostics down with it.
  process.stderr.write(`eks-networking server: uncaught exception: ${error.stack ?? String(error)}\n`);
});

/** Calls `listener` as input from the client arrives, on the transport VS Code (or a client) chose. */
function onInput(listener: () => void): void {
  if (process.argv.includes('--stdio')) process.stdin.on('data', listener);
  else if (process.argv.some((arg) => arg.startsWith('--node-ipc'))) process.on('message', listener);
}

startServer(createConnection(ProposedFeatures.all), onInput);
