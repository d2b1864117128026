// What EKS Networking hands to Red Hat YAML (redhat.vscode-yaml) through its schema-contributor API,
// so the two do not both validate, hover and complete our documents. For a file that holds one of
// our kinds, Red Hat YAML gets one schema instead of the ones its `yaml.schemas` setting maps there:
// nothing to check in our documents (we check them), and the mapped schemas for every other
// document of the file, such as the Deployment beside a NetworkPolicy. No vscode import: the
// extension adds the editor's glob matching and settings (index.ts).

import { pathToFileURL } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { RESOURCE_TYPES } from '../../engine/route/resourceTypes';
import { ourDocumentCondition } from '../../engine/route/routeCondition';

/** Contributor name, and the URI scheme of the schemas we contribute (Red Hat YAML routes by it). */
export const CONTRIBUTOR = 'eksnetworking';

const KINDS = RESOURCE_TYPES.map((type) => type.kind).join('|');

/**
 * Red Hat YAML turns a contributor label `key:value` into the regular expression `key:[\t ]+value`
 * and, when an open file's text matches it, asks only that contributor for the file's schema (so
 * Kubernetes Tools' generic schema is not combined with ours). Our own claim uses the same
 * expression, so the two always agree.
 */
export const KINDS_LABEL = `kind:["']?(${KINDS})`;
const CLAIM = new RegExp(`kind:[\\t ]+["']?(${KINDS})`);

/** Whether we take over Red Hat YAML's schema for a file with this text (a linear regexp test). */
export function claimsText(text: string): boolean {
  return CLAIM.test(text);
}

/**
 * The Kubernetes schema version Red Hat YAML's `kubernetes` keyword stands for when
 * `yaml.kubernetesVersion` is not set (yaml-language-server 1.25's default).
 */
export const DEFAULT_KUBERNETES_VERSION = 'v1.34.1';

function kubernetesSchemaUrl(version: string | undefined): string {
  const valid = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version?.trim() ?? '');
  const tag = valid ? `v${valid[1]}.${valid[2]}.${valid[3]}` : DEFAULT_KUBERNETES_VERSION;
  return `https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/${tag}-standalone-strict/all.json`;
}

export interface SchemaKeyContext {
  /** Workspace folders by name and path, for `yaml.schemas` keys relative to one. */
  folders: readonly { name: string; path: string }[];
  kubernetesVersion?: string;
}

/** A `yaml.schemas` key as Red Hat YAML reads it: the `kubernetes` keyword, a path or a URL. */
export function schemaKeyUri(key: string, context: SchemaKeyContext): string {
  const trimmed = key.trim();
  if (trimmed.toLowerCase() === 'kubernetes') return kubernetesSchemaUrl(context.kubernetesVersion);
  if (isAbsolute(trimmed) || /^[a-z]:[\\/]/i.test(trimmed)) return pathToFileURL(trimmed).href;
  if (/^[a-z][\w+.-]+:/i.test(trimmed)) return trimmed;
  const folder =
    context.folders.find((f) => trimmed.startsWith(`${f.name}/`)) ??
    (context.folders[0] && { name: '', path: context.folders[0].path });
  if (!folder) return trimmed;
  return pathToFileURL(join(folder.path, folder.name ? trimmed.slice(folder.name.length + 1) : trimmed)).href;
}

/**
 * The schemas `yaml.schemas` maps to a file, as Red Hat YAML matches them: each glob is tried as
 * `**\/glob` (a leading `/` dropped), and a `!glob` excludes.
 */
export function mappedSchemas(
  schemas: unknown,
  matches: (glob: string) => boolean,
  context: SchemaKeyContext,
): string[] {
  if (!schemas || typeof schemas !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(schemas as Record<string, unknown>)) {
    const globs = (Array.isArray(value) ? value : [value]).filter((g): g is string => typeof g === 'string');
    const asPattern = (glob: string) => `**/${glob.replace(/^!/, '').replace(/^\//, '')}`;
    const positive = globs.filter((g) => !g.startsWith('!'));
    const negative = globs.filter((g) => g.startsWith('!'));
    if (!positive.some((g) => matches(asPattern(g))) || negative.some((g) => matches(asPattern(g)))) {
      continue;
    }
    const uri = schemaKeyUri(key, context);
    if (!found.includes(uri)) found.push(uri);
  }
  return found;
}

const URI_PREFIX = `${CONTRIBUTOR}://schema/`;

/**
 * Our schema's URI for a file: the mapped schemas it hands the other documents to, encoded in it.
 * Red Hat YAML names a schema by its file name (a CodeLens above each document), hence the last part.
 */
export function contributedSchemaUri(delegates: readonly string[]): string {
  return `${URI_PREFIX}${Buffer.from(JSON.stringify(delegates)).toString('base64url')}/eks-networking.json`;
}

/** The schema behind a URI from contributedSchemaUri(); undefined for any other URI. */
export function contributedSchemaContent(uri: string): string | undefined {
  const encoded = /^eksnetworking:\/\/schema\/([\w-]*)\/eks-networking\.json$/.exec(uri)?.[1];
  if (encoded === undefined) return undefined;
  let delegates: unknown;
  try {
    delegates = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(delegates) || !delegates.every((d) => typeof d === 'string')) return undefined;
  return JSON.stringify({
    // No title or description: Red Hat YAML would show them as a hover on our documents' keys. It
    // shows `name` only in its CodeLens: "EKS Networking (eks-networking.json)".
    name: 'EKS Networking',
    $comment: `${RESOURCE_TYPES.map((type) => type.kind).join(', ')} documents are checked by EKS Networking; the other documents by the schemas yaml.schemas maps to this file.`,
    if: ourDocumentCondition(),
    then: {},
    else: delegates.length > 0 ? { allOf: delegates.map((uri) => ({ $ref: uri })) } : {},
  });
}
