// Opens the VS Code workbench served by code-server in Chromium: either to run the extension-host test
// suite (the real `vscode` API) or for UI tests that click and type like a user.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeServer } from './codeServer';
import { launchChromium, type BrowserContext, type Page } from './playwright';
import type { ToolPaths } from './tools';

export function workbenchUrl(server: CodeServer, payload?: [string, string][]): string {
  const query = new URLSearchParams({ folder: server.workspace });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

export interface Workbench {
  browser: BrowserContext;
  page: Page;
  /** Page console lines and workbench automation log lines, for failure reports. */
  log: string[];
  close(): Promise<void>;
}

/** Starts Chromium and loads the workbench; `beforeLoad` may expose page functions first. */
export async function openWorkbench(
  tools: ToolPaths,
  profileDir: string,
  url: string,
  beforeLoad?: (page: Page, log: string[]) => Promise<void>,
): Promise<Workbench> {
  const browser = await launchChromium(tools, profileDir);
  const log: string[] = [];
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => log.push(`[console.${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => log.push(`[pageerror] ${error.message}`));
    await beforeLoad?.(page, log);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, page, log, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export interface HostTestResult {
  name: string;
  ok: boolean;
  /** Why a failure does not count yet (the feature is still being built). */
  todo?: string;
  error?: string;
  durationMs: number;
}

export interface HostSuiteRun {
  exitCode: number;
  results: HostTestResult[];
  log: string[];
}

/** The folder loaded as a development extension whose only job is to carry the test suite. */
export function writeSuiteRunnerManifest(suiteDir: string): void {
  const manifest = {
    name: 'vscode-host-suite',
    publisher: 'eks-networking-tests',
    displayName: 'EKS Networking extension-host tests',
    version: '0.0.0',
    private: true,
    engines: { vscode: '^1.99.0' },
    capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true },
  };
  writeFileSync(join(suiteDir, 'package.json'), JSON.stringify(manifest, null, 2));
}

export interface HostSuiteOptions {
  tools: ToolPaths;
  server: CodeServer;
  /** Compiled suite folder holding index.js (out/test/vscode-host). */
  suiteDir: string;
  /** Where the suite writes its results; must be the RESULTS_ENV value code-server was started with. */
  resultsFile: string;
  /** Chromium profile and failure screenshot go here. */
  artifactsDir: string;
  timeoutMs?: number;
  /**
   * Runs once the workbench page has loaded, while the suite runs, to act as a user or read what the
   * workbench shows. (Once the suite exits, VS Code has stopped its extension hosts.)
   */
  whileRunning?: (workbench: Workbench) => Promise<void>;
}

/** Environment variable that tells the suite inside VS Code where to write its results. */
export const RESULTS_ENV = 'EKS_VSCODE_HOST_RESULTS';

/**
 * Loads the workbench with extensionDevelopmentPath/extensionTestsPath in the URL payload. VS Code then
 * calls the suite's run() in the extension host and reports the exit code through codeAutomationExit.
 */
export async function runHostSuite(options: HostSuiteOptions): Promise<HostSuiteRun> {
  const { tools, server, suiteDir, resultsFile, artifactsDir } = options;
  const timeoutMs = options.timeoutMs ?? 300_000;
  mkdirSync(artifactsDir, { recursive: true });
  rmSync(resultsFile, { force: true });
  writeSuiteRunnerManifest(suiteDir);
  const remote = (path: string) => `vscode-remote://${server.host}${path}`;
  const url = workbenchUrl(server, [
    ['extensionDevelopmentPath', remote(suiteDir)],
    ['extensionTestsPath', remote(join(suiteDir, 'index.js'))],
  ]);
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  const workbench = await openWorkbench(
    tools,
    join(artifactsDir, 'chromium-profile'),
    url,
    async (page, log) => {
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        log.push(
          `[${type}] ${(args ?? []).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
        );
      });
      await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    },
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    const acting = options.whileRunning?.(workbench);
    const outcome = await Promise.race([exited, timedOut, ...(acting ? [acting.then(() => exited)] : [])]);
    if (outcome === 'timeout') {
      await workbench.page
        .screenshot({ path: join(artifactsDir, 'host-suite-timeout.png') })
        .catch(() => undefined);
      throw new Error(
        `The extension-host suite did not finish within ${timeoutMs} ms. Screenshot: ${artifactsDir}/host-suite-timeout.png\n` +
          workbench.log.slice(-40).join('\n'),
      );
    }
    const results = existsSync(resultsFile)
      ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as HostTestResult[])
      : [];
    return { exitCode: outcome, results, log: workbench.log };
  } finally {
    clearTimeout(timer);
    // What the workbench and the suite logged, for reading after a failure.
    writeFileSync(join(artifactsDir, 'workbench.log'), workbench.log.join('\n'));
    await workbench.close();
  }
}
