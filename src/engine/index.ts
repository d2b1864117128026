// The engine's public surface, used by the language server, the CLI and the tests.

export * from './types';
export * from './settings';
export { ManifestFile, type FileResource } from './service/manifestFile';
export { LineIndex } from './parse/lineIndex';
export { RULES, ruleByCode, ruleDocsUrl } from './rules';
export type { AnyRule as Rule, RuleCategory } from './rules/types';
export { isSemanticRule, ruleApplies } from './rules/types';
export { RESOURCE_TYPES } from './route/resourceTypes';

import { ManifestFile } from './service/manifestFile';
import { withDefaults, type EngineSettings } from './settings';
import type { Diagnostic } from './types';

/** Validates a whole file once (what the CLI does for each file). */
export function lintText(text: string, settings?: Partial<EngineSettings>): Diagnostic[] {
  return new ManifestFile(withDefaults(settings)).update(text);
}
