// The engine's public surface, used by the language server, the CLI and the tests.

export * from './types';
export * from './settings';
export { ManifestFile, type FileResource, type FileUnreadable } from './service/manifestFile';
export { LineIndex } from './parse/lineIndex';
export { RULES, ruleByCode, ruleDocsUrl } from './rules';
export type { AnyRule as Rule, RuleCategory } from './rules/types';
export { isSemanticRule, ruleApplies } from './rules/types';
export { RESOURCE_TYPES } from './route/resourceTypes';
export { Workspace } from './workspace/workspace';
export type { FileObject, ManifestObject, WorkspaceObject } from './workspace/objects';

import { ManifestFile } from './service/manifestFile';
import { Workspace } from './workspace/workspace';
import { withDefaults, type EngineSettings } from './settings';
import type { Diagnostic } from './types';

/**
 * Validates the files of one run together (what `eksnet lint` does): the cross-resource checks see
 * every file's objects. Results are in the order of `files`.
 */
export function lintTexts(
  files: readonly { name: string; text: string }[],
  settings?: Partial<EngineSettings>,
): Diagnostic[][] {
  return checkRun(files, settings).map((checked) => checked.diagnostics);
}

/** One run as `lintTexts`, keeping each file's state for the features that read it (explain). */
export function checkRun(
  files: readonly { name: string; text: string }[],
  settings?: Partial<EngineSettings>,
): { name: string; manifest: ManifestFile; diagnostics: Diagnostic[]; workspace: Workspace }[] {
  const engineSettings = withDefaults(settings);
  const workspace = new Workspace();
  const manifests = files.map(({ name, text }) => {
    const manifest = new ManifestFile(engineSettings);
    manifest.update(text);
    workspace.setFile(name, manifest.getObjects());
    return manifest;
  });
  return manifests.map((manifest, index) => ({
    name: files[index].name,
    manifest,
    diagnostics: manifest.diagnosticsIn(workspace, files[index].name),
    workspace,
  }));
}

/** Validates one file on its own: the cross-resource checks see only its own objects. */
export function lintText(text: string, settings?: Partial<EngineSettings>): Diagnostic[] {
  const file = new ManifestFile(withDefaults(settings));
  file.update(text);
  return file.diagnosticsIn(new Workspace(), 'file');
}
