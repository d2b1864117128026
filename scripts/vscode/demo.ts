// `npm run demo`: VS Code 1.99 (code-server) with the extension installed from a freshly built .vsix,
// opened on a fresh copy of examples/ in .cache/demo/ (code-server saves edits as you make them, so
// trying a quick fix must not change the tracked examples). Prints the URL and runs until Ctrl+C,
// then stops code-server's process group. Started by demo.mjs, which installs what is missing and
// bundles this file.

import { join } from 'node:path';
import { freePort } from './codeServer';
import { buildVsix, startSession } from './session';
import { PROJECT_ROOT } from './tools';

const PREFERRED_PORT = 8080;

async function portToUse(): Promise<number> {
  const requested = Number(process.env.PORT);
  if (Number.isInteger(requested) && requested > 0) return requested;
  const { createServer } = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(PREFERRED_PORT, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? PREFERRED_PORT : freePort();
}

/** Where the demo keeps its state; EKS_DEMO_DIR lets the demo's own test run it beside a user's demo. */
function demoStateDir(): string {
  return process.env.EKS_DEMO_DIR || join(PROJECT_ROOT, '.cache', 'demo');
}

export async function runDemo(): Promise<void> {
  const stateDir = demoStateDir();
  console.log('Building and packaging the extension (npm run package)…');
  const { vsix } = buildVsix('demo', join(stateDir, 'package'));
  console.log('Installing it into code-server and starting VS Code…');
  const session = await startSession({
    name: 'demo',
    dir: join(stateDir, 'vscode'),
    // startSession empties its folder and copies examples/ into it: a fresh copy on every run.
    workspaceSource: join(PROJECT_ROOT, 'examples'),
    trustWorkspace: true,
    vsix,
    port: await portToUse(),
  });
  const url = `${session.server.url}/?folder=${encodeURIComponent(session.server.workspace)}`;
  console.log(`
EKS Networking demo is running. Open this URL in a browser on this machine:

    ${url}

It opens a fresh copy of examples/ (${session.server.workspace}): edit freely, the next run starts
from the examples again and examples/ itself is never changed.
Try: open typical-mistakes.yaml (squiggles and the Problems view), press Ctrl+. on a squiggle for the
quick fix, hover a field, or run "EKS Networking: Explain Resource" (F1) in network-policy-redis.yaml.
code-server log: ${session.server.logFile}
Press Ctrl+C to stop.`);

  // On Ctrl+C the harness (processGroups.ts) stops code-server's whole process group and exits.
  process.prependListener('SIGINT', () => console.log('\nStopping code-server…'));
  await new Promise<never>(() => undefined); // keep running until a signal arrives
}
