// Installs what the real-VS Code tests and the demo need, into the git-ignored `.cache/` folder:
// code-server (VS Code 1.99 in a browser), playwright-core (drives Chromium) and Debian's Chromium.
// Idempotent: when everything is already there it only checks a marker file and returns.
// Usage: node scripts/vscode/ensure-tools.mjs [--json]
//   --json: print the tool paths and the isolated environment as JSON on stdout (progress goes to stderr).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.99.4';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
// @vscode/ripgrep (a code-server dependency) downloads this exact archive from GitHub unless it is cached.
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RIPGREP_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cacheDir = join(projectRoot, '.cache');
export const toolsDir = join(cacheDir, 'vscode-tools');
export const codeServerBin = join(toolsDir, 'node_modules', '.bin', 'code-server');
export const playwrightCoreDir = join(toolsDir, 'node_modules', 'playwright-core');
export const chromiumPath = '/usr/bin/chromium';
const marker = join(toolsDir, 'installed.json');

/** Variables that keep code-server, npm and Chromium from writing into $HOME (folders are created). */
export function isolatedVariables() {
  const home = join(cacheDir, 'vscode-home');
  const variables = {
    TMPDIR: join(home, 'tmp'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    npm_config_cache: join(cacheDir, 'npm-cache'),
  };
  for (const dir of Object.values(variables)) mkdirSync(dir, { recursive: true });
  return variables;
}

export function isolatedEnv(extra = {}) {
  return { ...process.env, ...isolatedVariables(), ...extra };
}

function run(command, args, options = {}) {
  // stdout stays free for --json; everything the installers print goes to stderr.
  const result = spawnSync(command, args, { stdio: ['ignore', 2, 2], ...options });
  if (result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); see the output above.`,
    );
  }
}

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function missingAptPackages() {
  const wanted = [
    ['chromium', () => existsSync(chromiumPath)],
    ['libkrb5-dev', () => existsSync('/usr/include/gssapi/gssapi.h')],
    ['ripgrep', () => has('rg')],
    ['unzip', () => has('unzip')],
    ['build-essential', () => has('g++') && has('make')],
  ];
  return wanted.filter(([, present]) => !present()).map(([name]) => name);
}

/** Installs the Debian packages the tools need (as root on CI and on these machines, otherwise via sudo). */
function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  console.error(`Installing Debian packages: ${missing.join(' ')}`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) =>
    run(asRoot.length ? 'sudo' : 'apt-get', [...(asRoot.length ? ['apt-get'] : []), ...args], { env });
  apt('update');
  apt('install', '-y', ...missing);
}

function installedVersions() {
  if (!existsSync(marker) || !existsSync(codeServerBin) || !existsSync(playwrightCoreDir)) return undefined;
  try {
    return JSON.parse(readFileSync(marker, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Copies Debian's `rg` into the archive @vscode/ripgrep would otherwise fetch from GitHub. */
function seedRipgrepCache(env) {
  const cache = join(env.TMPDIR, RIPGREP_CACHE_DIR);
  const archive = join(cache, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  const staging = join(cache, 'staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  copyFileSync(rg, join(staging, 'rg'));
  run('tar', ['-czf', archive, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

/** What the TypeScript harness needs to know, so the paths are written down only here. */
export function toolPaths() {
  return {
    projectRoot,
    cacheDir,
    toolsDir,
    codeServerBin,
    playwrightCoreDir,
    chromiumPath,
    env: isolatedVariables(),
  };
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Test files run in parallel and each may find the tools missing on a fresh clone: only one may run
 * apt-get and npm install at a time. mkdir is atomic, so the lock is a folder holding the owner's pid.
 */
function withInstallLock(work) {
  const lock = join(cacheDir, 'vscode-tools.lock');
  const deadline = Date.now() + 15 * 60_000;
  mkdirSync(cacheDir, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner has not written its pid yet, or just released the lock.
      }
      if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
        rmSync(lock, { recursive: true, force: true }); // left behind by a process that died
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`Gave up waiting for ${lock} (held by pid ${owner}).`, { cause: error });
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // poll interval
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function ensureTools(options = {}) {
  return withInstallLock(() => ensureToolsUnlocked(options));
}

function ensureToolsUnlocked({ quiet = false }) {
  ensureAptPackages();
  const wanted = { codeServer: CODE_SERVER_VERSION, playwrightCore: PLAYWRIGHT_CORE_VERSION };
  const installed = installedVersions();
  if (installed?.codeServer === wanted.codeServer && installed?.playwrightCore === wanted.playwrightCore) {
    if (!quiet)
      console.error(`code-server ${CODE_SERVER_VERSION} and playwright-core are ready in ${toolsDir}`);
    return;
  }
  console.error(
    `Installing code-server ${CODE_SERVER_VERSION} and playwright-core into ${toolsDir} (about 2 minutes, once)…`,
  );
  const env = isolatedEnv({
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    // npm 11 skips dependencies' install scripts by default; code-server's postinstall builds its native
    // modules (kerberos, node-pty, argon2, …) with a nested `npm install`, so allow them for this pinned tool.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  seedRipgrepCache(env);
  mkdirSync(toolsDir, { recursive: true });
  writeFileSync(
    join(toolsDir, 'package.json'),
    JSON.stringify(
      { name: 'eks-networking-vscode-tools', private: true, description: 'Test tools; not shipped.' },
      null,
      2,
    ),
  );
  run(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      `code-server@${CODE_SERVER_VERSION}`,
      `playwright-core@${PLAYWRIGHT_CORE_VERSION}`,
    ],
    { cwd: toolsDir, env },
  );
  if (!existsSync(codeServerBin)) throw new Error(`code-server was not installed at ${codeServerBin}.`);
  writeFileSync(marker, JSON.stringify(wanted, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const json = process.argv.includes('--json');
    ensureTools({ quiet: json });
    if (json) console.log(JSON.stringify(toolPaths()));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
