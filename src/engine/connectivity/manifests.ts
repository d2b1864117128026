// Reads the documents of a manifest file for the connectivity analysis, keeping where each came
// from, so a policy rule or a workload can be shown as `file:line`.

import { LineIndex } from '../parse/lineIndex';
import { parseYaml } from '../parse/parseYaml';
import { findNodeAtPath, nodeRange } from '../parse/yamlPath';
import type { Path } from '../types';
import { isRecord } from '../util/values';
import type { ManifestObject, Source } from '../model/workloads';

export interface DocumentOrigin {
  file: string;
  /** Index of the `---` document in the file, from 0. */
  document: number;
  /** The 1-based line of a path inside the document (the document's first line when not found). */
  lineOf(path: Path): number;
}

export interface ReadManifests {
  objects: ManifestObject<DocumentOrigin>[];
  /** One sentence per document that could not be read. */
  problems: string[];
}

export function readManifests(text: string, file: string): ReadManifests {
  const result: ReadManifests = { objects: [], problems: [] };
  if (!/\bkind\s*:|"kind"\s*:/.test(text)) return result;
  let lines: LineIndex | undefined;
  parseYaml(text).forEach((parsed, index) => {
    const { document, errors, tooDeep } = parsed;
    if (errors.length > 0 || tooDeep) {
      lines ??= new LineIndex(text);
      const line = lines.positionAt(errors[0]?.range.start ?? 0).line + 1;
      result.problems.push(
        `${file}:${line}: ${errors[0]?.message ?? 'cannot be read'}; this document is skipped.`,
      );
      return;
    }
    const { value, problem } = parsed.toValue();
    if (problem) {
      result.problems.push(`${file}: document ${index + 1}: ${problem.message}; it is skipped.`);
      return;
    }
    if (!isRecord(value)) return;
    const start = document.range?.[0] ?? 0;
    const origin: DocumentOrigin = {
      file,
      document: index,
      lineOf(path) {
        lines ??= new LineIndex(text);
        const offset = nodeRange(findNodeAtPath(document.contents, path)?.value)?.start ?? start;
        return lines.positionAt(offset).line + 1;
      },
    };
    result.objects.push({ value, origin });
  });
  return result;
}

/** `deploy/web.yaml:12`, for a source and an optional path below it. */
export function sourceLocation(source: Source<DocumentOrigin>, below: Path = []): string {
  return `${source.origin.file}:${source.origin.lineOf([...source.path, ...below])}`;
}
