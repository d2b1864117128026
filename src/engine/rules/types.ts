// The shape of a rule: metadata that documents it (the rules page, SARIF, hover links and the
// runner's filters are all read from it) plus `check()`, which reports findings on one resource.
// `Data` is what a finding carries for its fix; the same type is handed back to `fix()`.

import type { Node } from 'yaml';
import type { EngineSettings } from '../settings';
import type { OffsetRange, Path, PathSegment, QuickFix, ResourceKind, Severity, TextSource } from '../types';
import type { ResourceType, Route } from '../route/resourceTypes';
import type { SchemaRegistry, SchemaViolation } from '../schema/schemaRegistry';
import type { YamlSyntaxError } from '../parse/parseYaml';
import type { NodeLocation } from '../parse/yamlPath';
import type { WorkspaceObject } from '../workspace/objects';
import type { Workspace } from '../workspace/workspace';

/**
 * What kind of mistake a rule finds. The rules page groups rules by it, SARIF tags them with it,
 * and Explain renders the findings of the semantic categories as its notes.
 */
export type RuleCategory =
  /** Not valid YAML, or a file the engine will not read. */
  | 'yaml'
  /** Wrong apiVersion/kind, or not the shape of the resource's schema. */
  | 'schema'
  /** Placeholders and templates that are not manifests yet. */
  | 'template'
  /** The API server rejects the object (its own wording). */
  | 'api-server'
  /** Accepted, but it does not do what it looks like. */
  | 'semantics'
  /** The EKS network policy agent enforces it differently from upstream Kubernetes. */
  | 'eks-agent'
  /** Accepted by the API server, but a value AWS cannot use (an ID of the wrong shape). */
  | 'aws-format'
  /** Accepted by the API server, then ignored or refused by an AWS controller. */
  | 'controller'
  /** An AWS service limit. */
  | 'aws-limit';

/** Findings of these categories say what a resource means; Explain lists them as its notes. */
export const SEMANTIC_CATEGORIES: ReadonlySet<RuleCategory> = new Set([
  'semantics',
  'eks-agent',
  'controller',
  'aws-limit',
]);

/** The cluster a manifest is written for (`eksNetworking.target`). */
export type Target = EngineSettings['target'];

export interface Finding<Data = undefined> {
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
  /** What the rule's `fix()` needs to build its edit. */
  data?: Data;
}

export interface FileFinding {
  range: OffsetRange;
  message: string;
}

export interface RuleContext<Data = undefined> {
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
  /** The `yaml` nodes at `path`, for fixes that edit around them (slower: the nodes are built on demand). */
  locate(path: Path): NodeLocation | undefined;
  /** The range of the value at `path` (start to end of the value), when it exists. */
  nodeRangeAt(path: Path): OffsetRange | undefined;
  rangeOf(path: Path, target: 'key' | 'value'): OffsetRange;
  report(finding: Finding<Data>): void;
}

/**
 * What a cross-resource check sees: the whole workspace, and the objects whose findings are wanted
 * (one file's in the editor, every file's in an `eksnet lint` run).
 */
export interface WorkspaceRuleContext<Data = undefined> {
  workspace: Workspace;
  settings: EngineSettings;
  objects: readonly WorkspaceObject[];
  /** A finding on `object`; its path is inside the object, as for `RuleContext.report`. */
  report(object: WorkspaceObject, finding: WorkspaceFinding<Data>): void;
}

/** A cross-resource finding: placed by its path (there is no chunk text to give a range in). */
export type WorkspaceFinding<Data = undefined> = Omit<Finding<Data>, 'range'>;

/**
 * A schema violation that a rule reports itself (in the API server's words), so the schema rules
 * leave it alone: the violation's keyword, the end of its path (`'#'` matches any list index,
 * `'*'` any key or index) and, optionally, a condition on the whole resource.
 */
export interface OwnedViolation {
  keyword: string;
  pathEnd: readonly (PathSegment | '#' | '*')[];
  /** Only when the whole path has exactly `pathEnd.length` segments. */
  exact?: boolean;
  when?(value: Record<string, unknown>): boolean;
}

export interface Rule<Data = undefined> {
  /** Stable code, e.g. `NP101`; also the start of the rule's file name. */
  code: string;
  /** Short kebab-case name, the rest of the file name. */
  slug: string;
  /** Kinds it checks; `any` runs on every document we recognise, even one with syntax errors. */
  kinds: readonly ResourceKind[] | 'any';
  category: RuleCategory;
  /** Targets it runs for (default: every target). NP3xx run only for `eks`. */
  targets?: readonly Target[];
  defaultSeverity: Severity;
  summary: string;
  why: string;
  /** A whole file that gives exactly this rule's code (a test lints it). */
  badExample: string;
  /** The same file corrected: no diagnostics at all. */
  goodExample: string;
  /** Settings the examples are linted with, when the rule needs non-default ones. */
  exampleSettings?: Partial<EngineSettings>;
  docs: string;
  /** Schema violations this rule words itself; the schema rules skip them. */
  ownsViolations?: readonly OwnedViolation[];
  /** Checks one resource. */
  check?(ctx: RuleContext<Data>): void;
  /**
   * For findings that the rest of the workspace can make moot: this rule's findings on `object`
   * stand only when this returns true (another policy may already allow what this one lacks).
   */
  holdsInWorkspace?(object: WorkspaceObject, workspace: Workspace, settings: EngineSettings): boolean;
  /** Checks that need several objects (duplicate names, selectors that match no workload). */
  checkWorkspace?(ctx: WorkspaceRuleContext<Data>): void;
  /**
   * Checks a whole file before it is split (for limits such as the file size). It runs on every
   * edit: read `text` whole (`String(text)`) only to describe a finding.
   */
  checkFile?(text: TextSource, settings: EngineSettings): FileFinding[];
  /** Quick fixes for one of this rule's findings; edits use chunk-relative offsets. */
  fix?(ctx: RuleContext<Data>, finding: Finding<Data>): QuickFix[];
}

/**
 * A rule with its data type checked end to end: what `check()` reports in `data` is what `fix()`
 * receives. `defineRule<{ add: string }>({ … })`.
 */
export function defineRule<Data = undefined>(rule: Rule<Data>): Rule<Data> {
  return rule;
}

/** A rule of any data type, as the registry, the runner and the docs see it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

/** Whether `rule` runs with these settings (its targets include the configured one). */
export function ruleApplies(rule: AnyRule, settings: EngineSettings): boolean {
  return !rule.targets || rule.targets.includes(settings.target);
}

export function isSemanticRule(rule: AnyRule): boolean {
  return SEMANTIC_CATEGORIES.has(rule.category);
}

export type { Node };
