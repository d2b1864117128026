// Validation runs in the background, so it never holds up a request. The units an open or an edit
// left unvalidated are queued; this thread validates them a slice at a time, handling every message
// that arrived in between (hover, completion, the next keystroke) before the next slice, and when
// there is much work, or a unit too large for one slice, worker threads take batches of it too.
// Features that need the results (diagnostics, code actions, symbols) wait for them without
// blocking the thread; hover and completion read the unit under the cursor and never wait.

import type { ManifestFile } from '../engine';
import type { ValidationJob } from '../engine/validate/validateJob';
import type { ChunkResult } from '../engine/validate/validateChunk';
import type { ValidationPool } from '../engine/service/validationPool';
import type { ServerState } from './state';

/** How long one slice of validation may hold the thread. */
const SLICE_MS = 2;
/** Workers are used once this many units are waiting… */
const POOL_MIN_UNITS = 32;
/**
 * …if there are at least this many: with one worker (a two-core machine) a file of many small units
 * validates faster on this thread alone, as the messages cost this thread about what the worker
 * saves it, and the worker's thread competes with it for the cores (measured by `npm run bench`).
 */
const POOL_MIN_WORKERS = 2;
/** …and always for a unit this large, which could hold the thread for longer than a slice. */
const LARGE_UNIT_CHARS = 32 * 1024;
/** A batch for a worker: enough units to make the message worth it, few enough to share the work. */
const BATCH_UNITS = 48;
const BATCH_CHARS = 128 * 1024;
/** Units an edit leaves that are validated right away, without waiting for a slice. */
const QUICK_UNITS = 2;
/** A unit whose worker died this many times is given up (it is reported as not checked). */
const MAX_ATTEMPTS = 2;
/**
 * Event-loop turns a message takes from its bytes to its handler (over stdio the LSP library reads,
 * decodes and then dispatches it, one turn each). Slices wait that long after input arrives, so a
 * request is answered after at most the slice that was running, not after one slice per turn.
 */
const MESSAGE_TURNS = 3;

export class ValidationScheduler {
  /** Documents with work left, by URI, and who waits for them. */
  private readonly waiting = new Map<string, Array<(file: ManifestFile | undefined) => void>>();
  /** Units in a worker now, by key: the settings generation they were sent with. */
  private readonly inWorker = new Map<string, number>();
  private readonly attempts = new Map<string, number>();
  private scheduled: NodeJS.Immediate | undefined;
  /** Turns left before the next slice may run (see MESSAGE_TURNS). */
  private turnsForInput = 0;

  constructor(
    private readonly state: ServerState,
    private readonly pool?: ValidationPool,
  ) {}

  /**
   * The document's file validated at the document's current text: at once when nothing is pending,
   * else once the background work is done (undefined if the document was closed meanwhile).
   */
  validated(uri: string): Promise<ManifestFile | undefined> {
    const document = this.state.documents.get(uri);
    if (!document) return Promise.resolve(undefined);
    const file = this.state.fileFor(document);
    // A keystroke leaves a unit or two to check: done at once, no slice needed.
    if (!file.validated && file.pendingCount <= QUICK_UNITS && this.allSmall(file)) file.validatePending();
    if (file.validated) return Promise.resolve(file);
    return new Promise((resolve) => {
      const waiters = this.waiting.get(uri);
      if (waiters) waiters.push(resolve);
      else this.waiting.set(uri, [resolve]);
      this.schedule();
    });
  }

  /** Input from the client is arriving: its message reaches its handler before validation goes on. */
  inputArrived(): void {
    this.turnsForInput = MESSAGE_TURNS;
  }

  /** Stops the background work (the session ends). */
  dispose(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pool?.dispose();
    for (const waiters of this.waiting.values()) for (const resolve of waiters) resolve(undefined);
    this.waiting.clear();
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.slice());
  }

  /** One slice: feed idle workers, validate small units here until the slice is used up. */
  private slice(): void {
    this.scheduled = undefined;
    if (this.turnsForInput > 0) {
      this.turnsForInput--;
      this.schedule();
      return;
    }
    const deadline = performance.now() + SLICE_MS;
    const files = this.waitingFiles();
    this.feedWorkers(files);
    for (const { file } of files) {
      if (performance.now() >= deadline) break;
      file.validatePending(deadline, (job) => this.forThisThread(job));
    }
    this.settle(files);
    if ([...this.waitingFiles()].some(({ file }) => this.hasWorkForThisThread(file))) this.schedule();
  }

  /** The files waited for, brought up to date with their documents (closed ones are let go). */
  private waitingFiles(): { uri: string; file: ManifestFile }[] {
    const files: { uri: string; file: ManifestFile }[] = [];
    for (const [uri, waiters] of [...this.waiting]) {
      const document = this.state.documents.get(uri);
      if (document) files.push({ uri, file: this.state.fileFor(document) });
      else this.finish(uri, waiters, undefined);
    }
    return files;
  }

  private allSmall(file: ManifestFile): boolean {
    for (const job of file.pendingJobs())
      if (job.text.length >= LARGE_UNIT_CHARS || this.inWorker.has(job.key)) return false;
    return true;
  }

  private forThisThread(job: ValidationJob): boolean {
    if (this.inWorker.has(job.key)) return false;
    return !this.pool || job.text.length < LARGE_UNIT_CHARS;
  }

  private hasWorkForThisThread(file: ManifestFile): boolean {
    for (const job of file.pendingJobs()) if (this.forThisThread(job)) return true;
    return false;
  }

  /** Sends batches to idle workers when there is enough work, or a unit too large for a slice. */
  private feedWorkers(files: { uri: string; file: ManifestFile }[]): void {
    const pool = this.pool;
    if (!pool || pool.idleCount === 0) return;
    for (const { file } of files) {
      let jobs: ValidationJob[] = [];
      for (const job of file.pendingJobs()) if (!this.inWorker.has(job.key)) jobs.push(job);
      if (jobs.length < POOL_MIN_UNITS || pool.size < POOL_MIN_WORKERS)
        jobs = jobs.filter((job) => job.text.length >= LARGE_UNIT_CHARS);
      while (jobs.length > 0 && pool.idleCount > 0) {
        const batch: ValidationJob[] = [];
        let chars = 0;
        while (jobs.length > 0 && batch.length < BATCH_UNITS && (batch.length === 0 || chars < BATCH_CHARS)) {
          const job = jobs.shift()!;
          batch.push(job);
          chars += job.text.length;
        }
        this.send(pool, batch, file);
      }
      if (pool.idleCount === 0) return;
    }
  }

  private send(pool: ValidationPool, batch: ValidationJob[], file: ManifestFile): void {
    const generation = file.settingsGeneration;
    const settings = file.getSettings();
    for (const job of batch) this.inWorker.set(job.key, generation);
    pool.run(batch, settings).then(
      (results) => {
        batch.forEach((job, index) => this.deliver(job.key, results[index], generation));
        this.afterWorker();
      },
      () => {
        // The worker died with this batch: each unit is tried again, and given up after a second death.
        for (const job of batch) {
          this.inWorker.delete(job.key);
          const attempts = (this.attempts.get(job.key) ?? 0) + 1;
          this.attempts.set(job.key, attempts);
          if (attempts >= MAX_ATTEMPTS) this.deliver(job.key, notChecked(job), generation);
        }
        this.afterWorker();
      },
    );
  }

  /** A result for every open file that waits for it (equal units in several files share it). */
  private deliver(key: string, result: ChunkResult, generation: number): void {
    this.inWorker.delete(key);
    this.attempts.delete(key);
    for (const file of this.state.openFiles()) file.complete(key, result, generation);
  }

  private afterWorker(): void {
    this.settle(this.waitingFiles());
    if (this.waiting.size > 0) this.schedule();
  }

  /** Lets the waiters of finished files go on. */
  private settle(files: { uri: string; file: ManifestFile }[]): void {
    for (const { uri, file } of files) {
      const waiters = this.waiting.get(uri);
      if (waiters && file.validated) this.finish(uri, waiters, file);
    }
  }

  private finish(
    uri: string,
    waiters: Array<(file: ManifestFile | undefined) => void>,
    file: ManifestFile | undefined,
  ): void {
    this.waiting.delete(uri);
    for (const resolve of waiters) resolve(file);
  }
}

/** What is reported for a unit that no worker could validate (it ran out of memory twice). */
function notChecked(job: ValidationJob): ChunkResult {
  return {
    diagnostics: [
      {
        range: { start: 0, end: Math.min(job.text.length, 1) },
        severity: 'warning',
        code: 'ENGINE',
        message:
          'this document was not checked: validating it needed more memory than a validation worker may use; split it into smaller documents',
        path: '',
        documentIndex: 0,
      },
    ],
    objects: [],
  };
}
