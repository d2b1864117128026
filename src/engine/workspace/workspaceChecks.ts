// Applies the cross-resource checks to one file's diagnostics: drops findings that the rest of the
// workspace makes moot (`holdsInWorkspace`) and adds the findings of the `checkWorkspace` rules on
// this file's objects. Chunk results stay cached by their text; only this cheap pass depends on
// other files.

import { parseYaml } from '../parse/parseYaml';
import { rangeForPath } from '../parse/yamlPath';
import { RULES } from '../rules';
import { ruleApplies, type AnyRule, type WorkspaceFinding } from '../rules/types';
import type { EngineSettings } from '../settings';
import type { Diagnostic, OffsetRange, Path } from '../types';
import { findingDiagnostic } from '../validate/validateChunk';
import type { FileObject, WorkspaceObject } from './objects';
import type { Workspace } from './workspace';

const VETO_RULES = RULES.filter((rule) => rule.holdsInWorkspace);
const WORKSPACE_RULES = RULES.filter((rule) => rule.checkWorkspace);

export interface FileForChecks {
  /** The file's key in the workspace. */
  file: string;
  /** Its diagnostics in file offsets, before suppression comments are applied. */
  diagnostics: readonly Diagnostic[];
  /** Text and start of the `---` chunk with this index (to place findings on its objects). */
  chunk(documentIndex: number): { start: number; text: string } | undefined;
}

export function applyWorkspaceChecks(
  input: FileForChecks,
  workspace: Workspace,
  settings: EngineSettings,
): Diagnostic[] {
  const objects = workspace.objectsOf(input.file);
  const kept = withoutMootFindings(input.diagnostics, objects, workspace, settings);
  const added = workspaceFindings(input, objects, workspace, settings);
  if (added.length === 0) return kept;
  return [...kept, ...added].sort((a, b) => a.range.start - b.range.start);
}

function withoutMootFindings(
  diagnostics: readonly Diagnostic[],
  objects: readonly WorkspaceObject[],
  workspace: Workspace,
  settings: EngineSettings,
): Diagnostic[] {
  const vetoes = new Map(
    VETO_RULES.filter((rule) => ruleApplies(rule, settings)).map((rule) => [rule.code, rule]),
  );
  if (vetoes.size === 0 || !diagnostics.some((diagnostic) => vetoes.has(diagnostic.code)))
    return [...diagnostics];
  const verdicts = new Map<string, boolean>();
  return diagnostics.filter((diagnostic) => {
    const rule = vetoes.get(diagnostic.code);
    if (!rule) return true;
    const index = objects.findIndex((object) => contains(object, diagnostic));
    if (index === -1) return true;
    const key = `${rule.code}#${index}`;
    let holds = verdicts.get(key);
    if (holds === undefined) {
      holds = rule.holdsInWorkspace!(objects[index], workspace, settings);
      verdicts.set(key, holds);
    }
    return holds;
  });
}

function contains(object: FileObject, diagnostic: Diagnostic): boolean {
  if (object.documentIndex !== diagnostic.documentIndex) return false;
  const start = object.chunkStart + object.range.start;
  const end = object.chunkStart + object.range.end;
  return diagnostic.range.start >= start && diagnostic.range.start < end;
}

function workspaceFindings(
  input: FileForChecks,
  objects: readonly WorkspaceObject[],
  workspace: Workspace,
  settings: EngineSettings,
): Diagnostic[] {
  if (objects.length === 0) return [];
  const found: Diagnostic[] = [];
  const locator = new ChunkLocator(input);
  for (const rule of WORKSPACE_RULES) {
    if (!ruleApplies(rule, settings) || settings.rules[rule.code] === 'off') continue;
    runWorkspaceRule(rule, objects, workspace, settings, (object, finding) => {
      if (object.file !== input.file) return;
      const path = [...object.pathPrefix, ...finding.path];
      const range = locator.rangeOf(object, path, finding.target ?? 'value');
      found.push({
        ...findingDiagnostic(rule, finding, path, range, settings),
        documentIndex: object.documentIndex,
      });
    });
  }
  return found;
}

function runWorkspaceRule(
  rule: AnyRule,
  objects: readonly WorkspaceObject[],
  workspace: Workspace,
  settings: EngineSettings,
  report: (object: WorkspaceObject, finding: WorkspaceFinding<unknown>) => void,
): void {
  try {
    rule.checkWorkspace!({ workspace, settings, objects, report });
  } catch {
    // A cross-resource check that fails must not take the file's other diagnostics with it.
  }
}

/** Places findings on objects by parsing their chunk again (rare: only chunks with such findings). */
class ChunkLocator {
  private readonly parsed = new Map<number, ReturnType<typeof parseYaml>>();

  constructor(private readonly input: FileForChecks) {}

  rangeOf(object: FileObject, path: Path, target: 'key' | 'value'): OffsetRange {
    const chunk = this.input.chunk(object.documentIndex);
    const fallback = {
      start: object.chunkStart + object.range.start,
      end: object.chunkStart + object.range.start + 1,
    };
    if (!chunk) return fallback;
    let documents = this.parsed.get(object.documentIndex);
    if (!documents) {
      documents = parseYaml(chunk.text);
      this.parsed.set(object.documentIndex, documents);
    }
    const document = documents.find(({ document }) => {
      const range = document.range;
      return range[0] <= object.range.start && object.range.start <= range[2];
    })?.document;
    if (!document) return fallback;
    const range = rangeForPath(document.contents, path, target);
    return { start: range.start + chunk.start, end: range.end + chunk.start };
  }
}
