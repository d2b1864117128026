// Drives Debian's Chromium with playwright-core from the tools cache. playwright-core is not a project
// dependency (it is installed by ensure-tools.mjs), so the few calls we use are typed here.

import { mkdirSync } from 'node:fs';
import type { ToolPaths } from './tools';

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { hasText?: string | RegExp }): Locator;
  locator(selector: string): Locator;
  waitFor(options?: {
    state?: 'attached' | 'detached' | 'visible' | 'hidden';
    timeout?: number;
  }): Promise<void>;
  click(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  count(): Promise<number>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  allTextContents(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  press(key: string, options?: { timeout?: number }): Promise<void>;
  focus(options?: { timeout?: number }): Promise<void>;
  screenshot(options?: { path?: string }): Promise<unknown>;
}

export interface Frame {
  url(): string;
  locator(selector: string): Locator;
  childFrames(): Frame[];
  evaluate<T>(fn: string): Promise<T>;
}

export interface Page {
  goto(
    url: string,
    options?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' },
  ): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  locator(selector: string): Locator;
  frames(): Frame[];
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
    insertText(text: string): Promise<void>;
  };
  mouse: { move(x: number, y: number): Promise<void> };
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<unknown>;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  waitForFunction(
    fn: string,
    arg?: unknown,
    options?: { timeout?: number; polling?: number },
  ): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
}

export interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

interface PlaywrightModule {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: {
        executablePath: string;
        headless: boolean;
        args: string[];
        viewport?: { width: number; height: number };
        env?: NodeJS.ProcessEnv;
      },
    ): Promise<BrowserContext>;
  };
}

/** Headless Chromium with its own profile folder; `launch()` would reject a --user-data-dir argument. */
export async function launchChromium(tools: ToolPaths, profileDir: string): Promise<BrowserContext> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const playwright = require(tools.playwrightCoreDir) as PlaywrightModule;
  mkdirSync(profileDir, { recursive: true });
  return playwright.chromium.launchPersistentContext(profileDir, {
    executablePath: tools.chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    env: { ...process.env, ...tools.env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
