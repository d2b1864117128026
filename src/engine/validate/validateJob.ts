// One unit of validation work, as the file model hands it out and worker threads receive it: a
// `---` document's text, or a List item's text with what it takes from its List.

import type { EngineSettings } from '../settings';
import type { ListContext } from '../workspace/objects';
import { validateChunk, validateListItem, type ChunkResult } from './validateChunk';

export interface ValidationJob {
  /** The unit's cache key: equal keys give equal results. */
  key: string;
  text: string;
  list?: ListContext;
}

export function validateJob(job: ValidationJob, settings: EngineSettings): ChunkResult {
  return job.list ? validateListItem(job.text, job.list, settings) : validateChunk(job.text, settings);
}
