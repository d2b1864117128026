// What the connectivity analysis reads from manifest files: the objects the engine recorded when it
// validated each file (one parse, the same one the diagnostics come from), the NP3xx findings that
// mark where the EKS agent differs, and the documents that could not be read (their objects are
// left out and named, since an answer without them may be wrong).

import { ManifestFile } from '../service/manifestFile';
import type { Path } from '../types';
import { withDefaults, type EngineSettings } from '../settings';
import type { FileObject, WorkspaceObject } from '../workspace/objects';
import type { ObjectLike } from '../model/workloads';
import type { ConnectivityAnalysis } from './analysis';
import { isNetworkPolicy } from './build';
import { EKS_FLOW_CODES, eksFindings, type EksFinding } from './eks';
import type { ConnectivityPolicy } from './types';
import { appendAll } from '../util/arrays';

/** A file by its key (a path in the CLI, a URI in the editor) and its validation state. */
export interface ManifestInput {
  name: string;
  manifest: ManifestFile;
}

export interface SourceProblem {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export interface ConnectivitySources {
  /** Every object of every readable document, in file order. */
  objects: WorkspaceObject[];
  /** The NP3xx findings of each NetworkPolicy, by the policy object's value. */
  eks: Map<Record<string, unknown>, EksFinding[]>;
  /** The documents that were left out. */
  problems: SourceProblem[];
}

export function readSources(inputs: readonly ManifestInput[]): ConnectivitySources {
  const sources: ConnectivitySources = { objects: [], eks: new Map(), problems: [] };
  for (const { name, manifest } of inputs) {
    const unreadable = manifest.getUnreadable();
    for (const document of unreadable) {
      sources.problems.push({ file: name, line: document.line + 1, message: document.message });
    }
    const objects = manifest
      .getObjects()
      .filter(
        (object) =>
          !unreadable.some(
            (document) =>
              document.documentIndex === object.documentIndex &&
              startOf(object) >= document.range.start &&
              startOf(object) <= document.range.end,
          ),
      )
      .map((object): WorkspaceObject => ({ ...object, file: name }));
    appendAll(sources.objects, objects);
    const policies = objects.filter(isNetworkPolicy);
    if (policies.length === 0) continue;
    for (const diagnostic of manifest.getDiagnostics()) {
      if (!(EKS_FLOW_CODES as readonly string[]).includes(diagnostic.code)) continue;
      const policy = policies.find(
        (object) =>
          object.documentIndex === diagnostic.documentIndex &&
          diagnostic.range.start >= startOf(object) &&
          diagnostic.range.start <= object.chunkStart + object.range.end,
      );
      if (!policy) continue;
      const found = eksFindings([diagnostic], policy.pathPrefix);
      if (found.length > 0)
        sources.eks.set(policy.value, [...(sources.eks.get(policy.value) ?? []), ...found]);
    }
  }
  return sources;
}

/** Reads texts through the engine with these settings (`target` decides whether NP3xx run). */
export function readTexts(
  files: readonly { name: string; text: string }[],
  settings?: Partial<EngineSettings>,
): ConnectivitySources {
  const engineSettings = withDefaults(settings);
  return readSources(
    files.map(({ name, text }) => {
      const manifest = new ManifestFile(engineSettings);
      manifest.update(text);
      return { name, manifest };
    }),
  );
}

/** The findings by policy, as `eksReport` wants them. */
export function findingsByPolicy<O extends ObjectLike>(
  analysis: ConnectivityAnalysis<O, O>,
  eks: ReadonlyMap<Record<string, unknown>, readonly EksFinding[]>,
): Map<ConnectivityPolicy<O>, readonly EksFinding[]> {
  const byPolicy = new Map<ConnectivityPolicy<O>, readonly EksFinding[]>();
  for (const policy of analysis.input.policies) {
    const found = eks.get(policy.origin.value);
    if (found) byPolicy.set(policy, found);
  }
  return byPolicy;
}

/** One sentence for the user about a document that was left out. */
export function describeProblem(problem: SourceProblem, file = problem.file): string {
  return `${file}:${problem.line}: ${problem.message}; this document is skipped.`;
}

/**
 * The 0-based line of a path inside an object (`['spec', 'ingress', 1]`), for links to a rule; the
 * object's own line when the path is not there (or the file changed since).
 */
export function lineOfPath(manifest: ManifestFile, object: FileObject, path: Path): number {
  const range = manifest.nodeRangeInObject(object, path);
  return range === undefined ? object.line : manifest.getLines().positionAt(range.start).line;
}

function startOf(object: FileObject): number {
  return object.chunkStart + object.range.start;
}
