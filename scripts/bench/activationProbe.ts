// Measures extension activation outside VS Code: loads dist/extension.js with a stand-in `vscode`
// module and calls activate(). The stand-in answers every API with a harmless no-op, so what is
// timed is our bundle's own work: loading the code and starting the language client, which
// really starts dist/server.js and waits for its initialize answer.
// Usage: node activationProbe.js EXTENSION_JS VSCODE_D_TS   (prints one JSON line)

import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Any property, call or `new` gives back another stand-in; `then` is absent so it is not a promise. */
function standIn(name: string): unknown {
  const target = function () {
    /* stand-in */
  };
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => name;
      if (property === Symbol.iterator) return function* () {};
      if (property === 'length') return 0;
      return standIn(`${name}.${String(property)}`);
    },
    // Assignments (a status bar item's `name`, `text`…) are taken and forgotten.
    set: () => true,
    apply: () => standIn(`${name}()`),
    construct: () => standIn(`new ${name}`) as object,
  });
}

/** A plain object (bundlers copy its own keys) with every top-level name the API typings declare. */
export function fakeVscode(typingsPath: string): Record<string, unknown> {
  const disposable = { dispose: () => undefined };
  const event = () => disposable;
  const names = readFileSync(typingsPath, 'utf8').matchAll(
    /^\s{0,4}export (?:class|namespace|enum|const|let|function) ([A-Za-z]+)/gm,
  );
  const api: Record<string, unknown> = {};
  for (const [, name] of names) api[name] = overrides(name) ?? standIn(name);
  return api;

  function overrides(property: string): unknown {
    {
      switch (property) {
        case 'version':
          return '1.99.0';
        case 'env':
          return { appName: 'bench', language: 'en', machineId: 'bench', sessionId: 'bench', uiKind: 1 };
        case 'workspace':
          return new Proxy(standIn('workspace') as object, {
            get(inner, key) {
              if (key === 'workspaceFolders') return undefined;
              if (key === 'textDocuments') return [];
              if (key === 'isTrusted') return true;
              if (key === 'getConfiguration')
                return () => ({ get: () => undefined, has: () => false, inspect: () => undefined });
              if (typeof key === 'string' && key.startsWith('onDid')) return event;
              return Reflect.get(inner, key);
            },
          });
        case 'window':
          return new Proxy(standIn('window') as object, {
            get(inner, key) {
              if (key === 'visibleTextEditors') return [];
              if (key === 'activeTextEditor') return undefined;
              if (typeof key === 'string' && key.startsWith('onDid')) return event;
              return Reflect.get(inner, key);
            },
          });
        case 'Disposable':
          return class {
            static from(): typeof disposable {
              return disposable;
            }
            dispose(): void {}
          };
        default:
          return undefined;
      }
    }
  }
}

/** Makes `require('vscode')` give the stand-in in this process. */
export function installFakeVscode(typingsPath: string): void {
  const vscode = fakeVscode(typingsPath);
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;
  loader._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? vscode : originalLoad(request, ...rest);
}

async function main(): Promise<void> {
  const [extensionPath, typingsPath] = process.argv.slice(2);
  installFakeVscode(typingsPath);

  const loadStarted = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(extensionPath) as {
    activate(context: unknown): Promise<void>;
    deactivate(): Promise<void>;
  };
  const loadMs = performance.now() - loadStarted;

  const root = dirname(dirname(extensionPath));
  const context = {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    asAbsolutePath: (relative: string) => join(root, relative),
    extensionPath: root,
    extensionUri: standIn('extensionUri'),
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    environmentVariableCollection: standIn('environmentVariableCollection'),
    logUri: standIn('logUri'),
    storageUri: undefined,
    globalStorageUri: standIn('globalStorageUri'),
    extensionMode: 1,
  };
  const callStarted = performance.now();
  const activation = extension.activate(context);
  const activateCallMs = performance.now() - callStarted;
  const result: Record<string, unknown> = { loadMs, activateCallMs };
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
  try {
    const settled = await Promise.race([activation.then(() => 'done' as const), timeout]);
    if (settled === 'done') result.activateResolvedMs = performance.now() - callStarted;
    else result.note = 'activate() did not settle within 15 s with the stand-in vscode module';
  } catch (error) {
    result.note = `activate() rejected with the stand-in vscode module: ${(error as Error).message}`;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  try {
    await Promise.race([extension.deactivate(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  } catch {
    // The stand-in may not support every shutdown call; the numbers are already printed.
  }
  process.exit(0);
}

if (require.main === module) void main();
