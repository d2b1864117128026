// Worker threads that validate units, for work that would hold the language server's thread (or
// the CLI) for long: opening a large file, or one very large document. A worker runs the same
// `validateJob` as this thread, so results are the same either way. Each worker has a memory limit;
// a worker that dies (out of memory, a crash) fails the batch it held and is started again on
// the next batch.

import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EngineSettings } from '../settings';
import { RESOURCE_TYPES } from '../route/resourceTypes';
import type { ChunkResult } from '../validate/validateChunk';
import type { ValidationJob } from '../validate/validateJob';
import type { WorkerRequest } from './validationWorker';

export interface PoolOptions {
  /** The worker script; by default `validationWorker.js` next to this module (or bundle). */
  script?: string;
  /** Worker count; by default one less than the cores (at least one, at most four). */
  size?: number;
  /** Heap limit of each worker, in MB. */
  maxHeapMb?: number;
}

/** A batch failed because its worker died (out of memory or crashed). */
export class WorkerDiedError extends Error {}

const DEFAULT_MAX_HEAP_MB = 768;

export class ValidationPool {
  private readonly slots: Slot[];

  constructor(private readonly options: PoolOptions = {}) {
    const size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.slots = Array.from({ length: size }, () => new Slot(this));
  }

  get size(): number {
    return this.slots.length;
  }

  /** How many workers are free for a batch now. */
  get idleCount(): number {
    return this.slots.filter((slot) => !slot.busy).length;
  }

  /** Validates `jobs` in an idle worker (started if need be); call only when `idleCount > 0`. */
  run(jobs: readonly ValidationJob[], settings: EngineSettings): Promise<ChunkResult[]> {
    const slot = this.slots.find((candidate) => !candidate.busy);
    if (!slot) return Promise.reject(new Error('no idle validation worker'));
    const plain = jobs.map(({ key, text, list }) => (list ? { key, text, list } : { key, text }));
    return slot.run(plain, settings).then((results) => results.map(withOurResourceTypes));
  }

  /** Stops every worker; batches in flight fail. */
  dispose(): void {
    for (const slot of this.slots) slot.stop();
  }

  /** @internal */
  startWorker(): Worker {
    const script = this.options.script ?? join(__dirname, 'validationWorker.js');
    return new Worker(script, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB },
      // The worker's stdout and stderr must not mix into the language server's protocol stream.
      stdout: true,
      stderr: true,
    });
  }
}

class Slot {
  private worker: Worker | undefined;
  private current:
    { id: number; resolve: (results: ChunkResult[]) => void; reject: (error: Error) => void } | undefined;
  private nextId = 0;

  constructor(private readonly pool: ValidationPool) {}

  get busy(): boolean {
    return this.current !== undefined;
  }

  run(jobs: ValidationJob[], settings: EngineSettings): Promise<ChunkResult[]> {
    const worker = (this.worker ??= this.start());
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.current = { id, resolve, reject };
      worker.ref();
      worker.postMessage({ id, settings, jobs } satisfies WorkerRequest);
    });
  }

  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    this.fail(new WorkerDiedError('the validation worker was stopped'));
  }

  private start(): Worker {
    const worker = this.pool.startWorker();
    worker.unref();
    worker.on('message', (message: { id: number; results?: ChunkResult[]; error?: string }) => {
      const current = this.current;
      if (!current || current.id !== message.id) return;
      this.current = undefined;
      worker.unref();
      if (message.results) current.resolve(message.results);
      else current.reject(new Error(message.error ?? 'validation failed in a worker'));
    });
    const died = (reason: string) => {
      if (this.worker === worker) this.worker = undefined;
      this.fail(new WorkerDiedError(reason));
    };
    worker.on('error', (error) => died(`the validation worker failed: ${error.message}`));
    worker.on('exit', (code) => died(`the validation worker exited with code ${code}`));
    return worker;
  }

  private fail(error: Error): void {
    const current = this.current;
    this.current = undefined;
    current?.reject(error);
  }
}

/** Results come back as copies; the resource types they name are put back to the engine's own. */
function withOurResourceTypes(result: ChunkResult): ChunkResult {
  for (const object of result.objects) {
    const copy = object.resource;
    if (!copy) continue;
    object.resource =
      RESOURCE_TYPES.find((type) => type.kind === copy.kind && type.apiVersion === copy.apiVersion) ??
      RESOURCE_TYPES.find((type) => type.kind === copy.kind);
  }
  return result;
}
