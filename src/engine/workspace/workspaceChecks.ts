// Applies the cross-resource checks to one file's diagnostics: drops findings that the rest of the
// workspace makes moot (`holdsInWorkspace`) and adds the findings of the `checkWorkspace` rules on
// this file's objects. Chunk results stay cached by their text; only this cheap pass depends on
// other files.

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
  /** Where a path inside one of the file's objects is, in file offsets (to place findings on it). */
  rangeOf(object: FileObject, path: Path, target: 'key' | 'value'): OffsetRange;
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
  const ofKinds = objectsByKind(objects);
  for (const rule of WORKSPACE_RULES) {
    if (!ruleApplies(rule, settings) || settings.rules[rule.code] === 'off') continue;
    const checked = ofKinds(rule.kinds);
    if (checked.length === 0) continue;
    runWorkspaceRule(rule, checked, workspace, settings, (object, finding) => {
      if (object.file !== input.file) return;
      const path = [...object.pathPrefix, ...finding.path];
      const range = input.rangeOf(object, finding.path, finding.target ?? 'value');
      found.push({
        ...findingDiagnostic(rule, finding, path, range, settings),
        documentIndex: object.documentIndex,
      });
    });
  }
  return found;
}

/**
 * The objects a rule checks: those of its kinds, in file order. Grouped once per pass, so that each
 * of the rules does not go through every object of a large file on every keystroke.
 */
function objectsByKind(
  objects: readonly WorkspaceObject[],
): (kinds: AnyRule['kinds']) => readonly WorkspaceObject[] {
  const groups = new Map<string, WorkspaceObject[]>();
  const add = (kind: string, object: WorkspaceObject): void => {
    const group = groups.get(kind);
    if (group) group.push(object);
    else groups.set(kind, [object]);
  };
  for (const object of objects) {
    add(object.kind, object);
    if (object.resource && object.resource.kind !== object.kind) add(object.resource.kind, object);
  }
  return (kinds) => {
    if (kinds === 'any') return objects;
    const present = kinds.filter((kind) => groups.has(kind));
    if (present.length <= 1) return present.length === 0 ? [] : groups.get(present[0])!;
    const wanted = new Set(present.flatMap((kind) => groups.get(kind)!));
    return objects.filter((object) => wanted.has(object));
  };
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
