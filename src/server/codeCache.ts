// The hook between the server and its loader (loader.ts): when the loader may save V8's code cache,
// it leaves a function under this key, and the server calls it once its first diagnostics are out.

export const SAVE_CODE_CACHE = Symbol.for('eks-networking.saveCodeCache');

/** Saves the code cache if the loader asked for it (at most once; a no-op otherwise). */
export function saveCodeCache(): void {
  const save = (globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE];
  if (typeof save === 'function') setImmediate(() => (save as () => void)());
}
