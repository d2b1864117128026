// Entry of a validation worker thread (bundled as dist/validationWorker.js): validates the units it
// is sent, with the settings sent along, and answers with their results in the same order.

import { parentPort } from 'node:worker_threads';
import { validateJob, type ValidationJob } from '../validate/validateJob';
import type { EngineSettings } from '../settings';

export interface WorkerRequest {
  id: number;
  settings: EngineSettings;
  jobs: ValidationJob[];
}

parentPort?.on('message', ({ id, settings, jobs }: WorkerRequest) => {
  try {
    parentPort?.postMessage({ id, results: jobs.map((job) => validateJob(job, settings)) });
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});
