// The shape of a rule: metadata that documents it (the rules page, SARIF, hover links are all
// generated from it) plus `check()`, which reports findings on one resource.

import type { Node } from 'yaml';
import type { EngineSettings } from '../settings';
import type { OffsetRange, Path, QuickFix, ResourceKind, Severity } from '../types';
import type { ResourceType, Route } from '../route/resourceTypes';
import type { SchemaRegistry, SchemaViolation } from '../schema/schemaRegistry';
import type { YamlSyntaxError } from '../parse/parseYaml';
import type { NodeLocation } from '../parse/yamlPath';

export interface Finding {
  /** Path inside the resource (`['spec', 'ingress', 0]`). */
  path: Path;
  /** The message after the path, in the API server's wording where it has one. */
  message: string;
  /** Underline the key or the value at `path` (default: value). */
  target?: 'key' | 'value';
  /** An exact range (chunk-relative) when neither key nor value is right, e.g. a YAML syntax error. */
  range?: OffsetRange;
  /** Omit the `path: ` prefix (for messages about the whole document). */
  bare?: boolean;
  data?: Record<string, unknown>;
}

export interface FileFinding {
  range: OffsetRange;
  message: string;
}

export interface RuleContext {
  route: Route;
  /** Set when the document routed to one of our resources (possibly with a wrong apiVersion). */
  resource: ResourceType;
  /** The resource as plain data; `null` mapping values are dropped, as the API server treats them as unset. */
  value: Record<string, unknown>;
  syntaxErrors: readonly YamlSyntaxError[];
  schemaViolations: readonly SchemaViolation[];
  schemas: SchemaRegistry;
  settings: EngineSettings;
  /** The chunk's text; offsets from `locate` and `range` are relative to it. */
  text: string;
  locate(path: Path): NodeLocation | undefined;
  rangeOf(path: Path, target: 'key' | 'value'): OffsetRange;
  report(finding: Finding): void;
}

export interface Rule {
  /** Stable code, e.g. `NP101`; also the start of the rule's file name. */
  code: string;
  /** Short kebab-case name, the rest of the file name. */
  slug: string;
  /** Kinds it checks; `any` runs on every document we recognise, even one with syntax errors. */
  kinds: readonly ResourceKind[] | 'any';
  defaultSeverity: Severity;
  summary: string;
  why: string;
  badExample: string;
  goodExample: string;
  docs: string;
  /** Checks one resource. */
  check?(ctx: RuleContext): void;
  /** Checks a whole file before it is split (for limits such as the file size). */
  checkFile?(text: string, settings: EngineSettings): FileFinding[];
  /** Quick fixes for one of this rule's findings; edits use chunk-relative offsets. */
  fix?(ctx: RuleContext, finding: Finding): QuickFix[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Node };
