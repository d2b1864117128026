// Validation in worker threads must be invisible: the results a worker sends back are exactly what
// validating on this thread gives, and a worker that dies fails only its batch and is replaced.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestFile, withDefaults } from '../../src/engine';
import { splitDocuments } from '../../src/engine/parse/splitDocuments';
import { validateJob, type ValidationJob } from '../../src/engine/validate/validateJob';
import { ValidationPool, WorkerDiedError } from '../../src/engine/service/validationPool';
import { generateNetworkPolicies } from '../../scripts/bench/generateManifests';
import { generateKubectlList } from '../../scripts/bench/generateList';
import { FIXTURES } from '../support/paths';

const SETTINGS = withDefaults(undefined);

function fixtureTexts(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return fixtureTexts(full);
    return entry.name.endsWith('.yaml') ? [readFileSync(full, 'utf8')] : [];
  });
}

/** The jobs a file model hands out for these texts: documents, and the items of Lists. */
function jobsOf(texts: string[]): ValidationJob[] {
  return texts.flatMap((text) => {
    const file = new ManifestFile(SETTINGS);
    file.sync(text);
    return [...file.pendingJobs()].map(({ key, text: unitText, list }) => ({ key, text: unitText, list }));
  });
}

test('a worker validates every unit exactly as this thread does', async () => {
  const jobs = jobsOf([
    ...fixtureTexts(FIXTURES),
    generateNetworkPolicies({ documents: 60, seed: 3, mistakeRate: 0.5 }).text,
    generateKubectlList({ items: 40, seed: 3, mistakeRate: 0.5 }).text,
  ]);
  assert.ok(jobs.some((job) => job.list) && jobs.length > 300);
  const pool = new ValidationPool({ size: 2 });
  try {
    for (let from = 0; from < jobs.length; from += 50) {
      const batch = jobs.slice(from, from + 50);
      const results = await pool.run(batch, SETTINGS);
      batch.forEach((job, index) =>
        assert.deepEqual(results[index], validateJob(job, SETTINGS), job.text.slice(0, 200)),
      );
    }
  } finally {
    pool.dispose();
  }
});

test('a file validated by workers reports what a file validated on this thread reports', async () => {
  const text = `${generateNetworkPolicies({ documents: 80, seed: 8, mistakeRate: 0.3 }).text}---\n${generateKubectlList({ items: 30, seed: 8, mistakeRate: 0.3 }).text}`;
  const pool = new ValidationPool({ size: 2 });
  try {
    const file = new ManifestFile(SETTINGS);
    file.sync(text);
    const jobs = [...file.pendingJobs()];
    const results = await pool.run(jobs, SETTINGS);
    jobs.forEach((job, index) => file.complete(job.key, results[index]));
    assert.ok(file.validated);
    const local = new ManifestFile(SETTINGS);
    local.update(text);
    assert.deepEqual(file.getDiagnostics(), local.getDiagnostics());
    assert.deepEqual(file.getObjects(), local.getObjects());
    // Resource types are the engine's own objects again, not copies.
    assert.ok(
      file
        .getResources()
        .every((resource, index) => resource.resource === local.getResources()[index].resource),
    );
  } finally {
    pool.dispose();
  }
});

test('results computed under earlier settings are refused', () => {
  const text = generateNetworkPolicies({ documents: 3, seed: 1, mistakeRate: 1 }).text;
  const file = new ManifestFile(SETTINGS);
  file.sync(text);
  const [job] = [...file.pendingJobs()];
  const stale = validateJob(job, SETTINGS);
  const generation = file.settingsGeneration;
  file.setSettings(withDefaults({ rules: { SCH003: 'off', SCH001: 'off', NP110: 'off' } }));
  file.complete(job.key, stale, generation);
  assert.equal(file.pendingCount, 3);
});

test('a worker that dies fails its batch, and the next batch gets a new worker', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'eksnet-pool-'));
  const marker = join(directory, 'died-once');
  const script = join(directory, 'worker.js');
  // Dies on its first batch ever (a marker file remembers it across workers), then works as usual.
  writeFileSync(
    script,
    `const { existsSync, writeFileSync } = require('node:fs');
     if (!existsSync(${JSON.stringify(marker)})) {
       require('node:worker_threads').parentPort.once('message', () => {
         writeFileSync(${JSON.stringify(marker)}, '');
         process.exit(3);
       });
     } else {
       require(${JSON.stringify(join(__dirname, '../../src/engine/service/validationWorker.js'))});
     }`,
  );
  const pool = new ValidationPool({ size: 1, script });
  try {
    const jobs = jobsOf([generateNetworkPolicies({ documents: 2, seed: 2 }).text]);
    await assert.rejects(pool.run(jobs, SETTINGS), WorkerDiedError);
    assert.equal(pool.idleCount, 1);
    const results = await pool.run(jobs, SETTINGS);
    assert.deepEqual(
      results,
      jobs.map((job) => validateJob(job, SETTINGS)),
    );
  } finally {
    pool.dispose();
    rmSync(directory, { recursive: true, force: true });
  }
});

test('a worker over its memory limit fails its batch instead of the process', async () => {
  const pool = new ValidationPool({ size: 1, maxHeapMb: 16 });
  try {
    // One document far larger than 16 MB of heap allows to parse.
    const huge =
      generateNetworkPolicies({ documents: 1, seed: 4 }).text +
      `  annotations:\n${Array.from({ length: 200_000 }, (_, i) => `    k${i}: v${i}\n`).join('')}`;
    const chunk = splitDocuments(huge)[0].text;
    await assert.rejects(pool.run([{ key: chunk, text: chunk }], SETTINGS), WorkerDiedError);
  } finally {
    pool.dispose();
  }
});
