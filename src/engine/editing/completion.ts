// Completion at the cursor: keys from our schemas, enum/boolean values, apiVersion/kind pairs,
// whole-resource snippets in an empty document, rule/peer/port snippets on a new NetworkPolicy list
// item, and label keys/values seen in the workspace inside selectors. Works on one `---` chunk and
// never needs the text to be valid YAML.

import type { OffsetRange, Path, TextEdit } from '../types';
import { groupOf, RESOURCE_TYPES } from '../route/resourceTypes';
import { getSchemaRegistry, type SchemaNode, type SchemaRegistry } from '../schema/schemaRegistry';
import { readCursor, type CursorPlace, type DocumentAtCursor } from './cursor';
import { allowedValues, fieldMarkdown, isArraySchema, isObjectSchema, typeLabel } from './schemaDocs';
import { expandSnippet, itemSnippetPlace, snippetsAt, type SnippetPlace } from './snippets';
import { LabelQuery, labelKeyCandidates, labelValueCandidates, portNameCandidates } from './labelCompletion';
import { selectorTarget, type WorkspaceLabels } from './workspaceLabels';
import { unquote } from './yamlOutline';
import { latticeValueCandidates, type LatticeCompletionContext } from './latticeCompletion';

/** One entry per kind: the version to write (older served versions are not offered). */
const PREFERRED_TYPES = RESOURCE_TYPES.filter((type) => !type.legacy);

export type CompletionKind = 'property' | 'value' | 'enum' | 'snippet' | 'label' | 'module';

export interface CompletionCandidate {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; LSP snippet syntax when `snippet` is true. Indentation is absolute (insert as is). */
  insertText: string;
  snippet: boolean;
  /** The text the candidate replaces (offsets in the text given to `completeAt`). */
  range: OffsetRange;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  additionalEdits?: TextEdit[];
}

export interface CompletionOptions {
  /** Labels seen in the workspace, one set per file; called only when the cursor is in a selector. */
  labels?: () => readonly WorkspaceLabels[];
  /** `text` is one item of a List on its own (see `readCursor`). */
  listItem?: boolean;
  /** The workspace's objects and the settings, for values that name other objects (Gateways, Services). */
  lattice?: LatticeCompletionContext;
}

export interface CompletionResult {
  items: CompletionCandidate[];
  /** More candidates matched than were returned: the editor should ask again as the user types. */
  isIncomplete: boolean;
}

/** Completion candidates for chunk-relative `offset` in one document chunk's `text`. */
export function completeAt(text: string, offset: number, options: CompletionOptions = {}): CompletionResult {
  const labels = new LabelQuery(options.labels);
  const candidates = candidatesAt(text, offset, labels, options);
  // Right after `key:` or a bare `-`, YAML needs a space before the inserted text.
  const items = candidates.map((candidate) =>
    /[:-]/.test(text[candidate.range.start - 1] ?? '')
      ? { ...candidate, insertText: ` ${candidate.insertText}` }
      : candidate,
  );
  return { items, isIncomplete: labels.incomplete };
}

function candidatesAt(
  text: string,
  offset: number,
  labels: LabelQuery,
  options: CompletionOptions,
): CompletionCandidate[] {
  const doc = readCursor(text, offset, options.listItem);
  const place = doc.place;
  if (!place) return [];
  const schemas = getSchemaRegistry();
  if (place.type === 'key') return completeKey(doc, place, schemas, labels);
  if (place.type === 'value') return completeValue(doc, place.path, place, schemas, labels, options.lattice);
  // A list item: its mapping's first key, or a scalar item such as `- Ingress`.
  const itemSchema = doc.resource ? schemas.schemaAt(doc.resource, place.path) : undefined;
  if (isObjectSchema(itemSchema, schemas)) {
    const presentKeys = place.node.children.filter((c) => c.kind === 'entry').map((c) => c.key ?? '');
    const snippetPlace = itemSnippetPlace(doc.resource?.kind, place.path);
    // The item's content column: where the lines of a multi-line snippet line up.
    const contentColumn = place.node.column + (place.node.valueStart - place.node.keyStart);
    const snippets = snippetPlace ? snippetCandidates(snippetPlace, place.replace, contentColumn) : [];
    const keys = completeKey(
      doc,
      {
        type: 'key',
        parentPath: place.path,
        node: place.node,
        prefix: place.prefix,
        replace: place.replace,
        hasColon: false,
        presentKeys,
      },
      schemas,
      labels,
      place.node.column + 2,
    );
    return [...keys, ...snippets];
  }
  return completeValue(doc, place.path, place, schemas, labels, options.lattice);
}

function completeKey(
  doc: DocumentAtCursor,
  place: Extract<CursorPlace, { type: 'key' }>,
  schemas: SchemaRegistry,
  labels: LabelQuery,
  column = place.node.column + (place.indentBy ?? 0),
): CompletionCandidate[] {
  const candidates = keyCandidates(doc, place, schemas, labels, column);
  if (!place.indentBy) return candidates;
  // The line is left of the item's keys: move the key over to them as it is inserted.
  const pad = ' '.repeat(place.indentBy);
  return candidates.map((candidate) => ({ ...candidate, insertText: pad + candidate.insertText }));
}

function keyCandidates(
  doc: DocumentAtCursor,
  place: Extract<CursorPlace, { type: 'key' }>,
  schemas: SchemaRegistry,
  labels: LabelQuery,
  column: number,
): CompletionCandidate[] {
  const atRoot = place.parentPath.length === 0;
  const out: CompletionCandidate[] = [];
  // Whole resources start only in an empty document: a `---` chunk or a file with nothing else.
  if (atRoot && isEmptyDocument(doc, place)) out.push(...snippetCandidates('document', place.replace, 0));
  if (!doc.resource) {
    if (!atRoot) return out;
    for (const key of ['apiVersion', 'kind']) {
      if (place.presentKeys.includes(key)) continue;
      out.push({
        label: key,
        kind: 'property',
        detail: 'string',
        documentation:
          key === 'kind'
            ? 'Kind of resource: `NetworkPolicy`, `SecurityGroupPolicy`, `ENIConfig`, or a Gateway API / VPC Lattice kind such as `HTTPRoute`.'
            : 'API group and version of the resource.',
        insertText: place.hasColon ? key : `${key}: $0`,
        snippet: !place.hasColon,
        range: place.replace,
        sortText: `0${key}`,
      });
    }
    return out;
  }

  const target = selectorTarget(place.parentPath);
  if (place.parentPath[place.parentPath.length - 1] === 'matchLabels' && target && labels.available) {
    return [...out, ...labelKeyCandidates(labels, target, place)];
  }

  const parentSchema = schemas.schemaAt(doc.resource, place.parentPath);
  const properties = schemas.propertiesOf(parentSchema);
  const required = new Set(schemas.resolve(parentSchema).required ?? []);
  for (const [name, schema] of Object.entries(properties)) {
    if (place.presentKeys.includes(name)) continue;
    if (isReadOnlyMetadata(place.parentPath, name)) continue;
    out.push({
      label: name,
      kind: 'property',
      detail: typeLabel(schema, schemas),
      documentation: fieldMarkdown(name, schema, schemas),
      insertText: place.hasColon ? name : keyInsertText(name, schema, schemas, column),
      snippet: !place.hasColon,
      range: place.replace,
      sortText: `${required.has(name) || atRoot ? '0' : '1'}${String(Object.keys(properties).indexOf(name)).padStart(2, '0')}`,
    });
  }
  return out;
}

/** Fields the API server fills in; offering them would only invite copying them into manifests. */
function isReadOnlyMetadata(parentPath: Path, name: string): boolean {
  return (
    parentPath.length === 1 &&
    parentPath[0] === 'metadata' &&
    [
      'uid',
      'resourceVersion',
      'generation',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
      'managedFields',
      'selfLink',
    ].includes(name)
  );
}

function keyInsertText(name: string, schema: SchemaNode, schemas: SchemaRegistry, column: number): string {
  const childIndent = ' '.repeat(column + 2);
  const values = allowedValues(schema, schemas);
  if (isArraySchema(schema, schemas)) {
    const items = schemas.resolve(schema).items;
    const itemValues = allowedValues(items, schemas);
    const first = itemValues.length > 0 ? `\${1|${itemValues.join(',')}|}` : '$0';
    return `${name}:\n${childIndent}- ${first}`;
  }
  if (isObjectSchema(schema, schemas)) return `${name}:\n${childIndent}$0`;
  if (values.length > 1) return `${name}: \${1|${values.join(',')}|}`;
  if (values.length === 1) return `${name}: ${values[0]}`;
  return `${name}: $0`;
}

function completeValue(
  doc: DocumentAtCursor,
  path: Path,
  place: CursorPlace,
  schemas: SchemaRegistry,
  labels: LabelQuery,
  latticeContext: LatticeCompletionContext | undefined,
): CompletionCandidate[] {
  const range = place.replace;
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionCandidates(doc, range);
  if (path.length === 1 && path[0] === 'kind') return kindCandidates(doc, range);
  if (!doc.resource) return [];

  const lattice = latticeValueCandidates(doc, path, place, latticeContext);
  if (lattice) return lattice;

  const labelCandidates = labelValueCandidates(path, place, labels);
  if (labelCandidates) return labelCandidates;
  if (path[path.length - 1] === 'port' && path[path.length - 3] === 'ports' && labels.available) {
    return portNameCandidates(labels, place.prefix, range);
  }

  let schema = schemas.schemaAt(doc.resource, path);
  let present: string[] = [];
  if (isArraySchema(schema, schemas)) {
    // A flow list being typed: `policyTypes: [Ingress, |]`.
    present = place.node.valueText
      .replace(/[[\]]/g, '')
      .split(',')
      .map((part) => unquote(part.trim()));
    schema = schemas.resolve(schema).items;
    const word = lastWord(place.prefix);
    const end = place.replace.start + place.prefix.length;
    return enumCandidates(schema, schemas, { start: end - word.length, end }, present);
  }
  if (typeof path[path.length - 1] === 'number') {
    // A scalar list item: don't offer the values already listed.
    present = (place.node.parent?.children ?? [])
      .filter((child) => child !== place.node && child.kind === 'item')
      .map((child) => unquote(child.valueText));
  }
  if (schemas.resolve(schema).title === 'LabelSelector') return [emptySelectorCandidate(path, range)];
  return enumCandidates(schema, schemas, range, present);
}

/** The word being typed in a flow list (`[Ingress, Eg` → `Eg`), found from the end: linear in the line. */
function lastWord(prefix: string): string {
  let start = prefix.length;
  while (start > 0 && !/[\s[,]/.test(prefix[start - 1])) start--;
  return prefix.slice(start);
}

/** `podSelector: {}`: the empty selector, which matches everything. */
function emptySelectorCandidate(path: Path, range: OffsetRange): CompletionCandidate {
  const key = String(path[path.length - 1]);
  const what =
    key === 'namespaceSelector'
      ? 'every namespace'
      : key === 'serviceAccountSelector'
        ? 'every service account'
        : 'every pod in the namespace';
  return {
    label: '{}',
    kind: 'value',
    detail: `empty selector: ${what}`,
    documentation: `An empty selector matches ${what}.`,
    insertText: '{}',
    snippet: false,
    range,
  };
}

function enumCandidates(
  schema: SchemaNode | undefined,
  schemas: SchemaRegistry,
  range: OffsetRange,
  present: string[],
): CompletionCandidate[] {
  const resolved = schemas.resolve(schema);
  return allowedValues(schema, schemas)
    .filter((value) => !present.includes(value))
    .map((value, index) => ({
      label: value,
      kind: 'enum' as const,
      detail: resolved.default !== undefined && String(resolved.default) === value ? 'default' : undefined,
      documentation: resolved.description,
      insertText: value,
      snippet: false,
      range,
      sortText: String(index).padStart(2, '0'),
    }));
}

function apiVersionCandidates(doc: DocumentAtCursor, range: OffsetRange): CompletionCandidate[] {
  const forKind = RESOURCE_TYPES.find((type) => type.kind === doc.kind);
  // Someone else's kind (a Deployment): our apiVersions would only be noise.
  if (doc.kind && !forKind) return [];
  const types = forKind ? [forKind] : PREFERRED_TYPES;
  return types.map((type, index) => ({
    label: type.apiVersion,
    kind: 'value',
    detail: `apiVersion of ${type.kind}`,
    documentation: `[${type.kind} documentation](${type.docs})`,
    insertText: type.apiVersion,
    snippet: false,
    range,
    preselect: Boolean(forKind),
    sortText: String(index),
  }));
}

/** Each kind we support; choosing one also fixes or adds the matching `apiVersion`. */
function kindCandidates(doc: DocumentAtCursor, range: OffsetRange): CompletionCandidate[] {
  const apiEntry = doc.resourceNode.children.find(
    (child) => child.kind === 'entry' && child.key === 'apiVersion',
  );
  const kindEntry = doc.resourceNode.children.find((child) => child.kind === 'entry' && child.key === 'kind');
  // The kinds of the group already written come first (`gateway.networking.k8s.io/v1` → Gateway…).
  const writtenGroup = apiEntry ? groupOf(unquote(apiEntry.valueText)) : '';
  return PREFERRED_TYPES.map((type, index) => {
    const additionalEdits: TextEdit[] = [];
    if (apiEntry && unquote(apiEntry.valueText) !== type.apiVersion) {
      additionalEdits.push({ start: apiEntry.valueStart, end: apiEntry.valueEnd, newText: type.apiVersion });
    } else if (!apiEntry && kindEntry) {
      additionalEdits.push({
        start: kindEntry.keyStart,
        end: kindEntry.keyStart,
        newText: `apiVersion: ${type.apiVersion}\n${' '.repeat(kindEntry.column)}`,
      });
    }
    return {
      label: type.kind,
      kind: 'value' as const,
      detail: type.apiVersion,
      documentation: `Sets \`kind: ${type.kind}\` with \`apiVersion: ${type.apiVersion}\`.\n\n[Documentation](${type.docs})`,
      insertText: type.kind,
      snippet: false,
      range,
      sortText: `${writtenGroup !== '' && type.group === writtenGroup ? 0 : 1}${String(index).padStart(2, '0')}`,
      preselect: doc.resource?.kind === type.kind,
      additionalEdits,
    };
  });
}

function isEmptyDocument(doc: DocumentAtCursor, place: Extract<CursorPlace, { type: 'key' }>): boolean {
  return doc.outline.root.children.every((child) => child === place.node);
}

/** The snippets for `place`, their lines after the first indented to `column` (insert text is absolute). */
function snippetCandidates(place: SnippetPlace, range: OffsetRange, column: number): CompletionCandidate[] {
  const indent = ' '.repeat(column);
  return snippetsAt(place).map((snippet) => ({
    label: snippet.prefix,
    kind: 'snippet',
    detail: snippet.name,
    documentation: `${snippet.description}\n\n\`\`\`yaml\n${expandSnippet(snippet.body)}\n\`\`\``,
    insertText: snippet.body.replaceAll('\n', `\n${indent}`),
    snippet: true,
    range,
    sortText: `2${snippet.prefix}`,
  }));
}
