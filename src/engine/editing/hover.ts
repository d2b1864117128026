// Hover at the cursor: field documentation from our schemas, facts about CIDRs and AWS IDs, label
// selectors in words, and on `kind:` the short form of "Explain this policy".

import type { EngineSettings } from '../settings';
import type { Workspace } from '../workspace/workspace';
import type { OffsetRange, Path } from '../types';
import { parseYaml } from '../parse/parseYaml';
import { getSchemaRegistry } from '../schema/schemaRegistry';
import { formatAddress, isStrictSubset, lastAddress, networkCidr, parseCidr, type Cidr } from '../util/cidr';
import { asList, asRecord, isRecord, valueAt } from '../util/values';
import { readCursor, type DocumentAtCursor } from './cursor';
import { explainResource } from './explain';
import { readNetworkPolicy } from '../model/networkPolicy';
import { peerPhrase, policyTypesSentence, ruleLines } from './explain/networkPolicy';
import { namespacePhrase, summariseSelector } from './explain/words';
import { fieldMarkdown } from './schemaDocs';
import { unquote } from './yamlOutline';
import { selectorWorkloadsMarkdown } from './selectorWorkloads';

export interface HoverResult {
  markdown: string;
  /** Offsets in the text given to `hoverAt`. */
  range: OffsetRange;
}

export interface HoverOptions {
  settings: EngineSettings;
  /** Where else a value (an `sg-`/`subnet-` ID) appears: resource titles by value. */
  findUses?: (value: string) => string[];
  /** `text` is one item of a List on its own (see `readCursor`). */
  listItem?: boolean;
  /**
   * The other objects: the workloads a NetworkPolicy selector selects, and for kinds whose meaning
   * depends on them, a route's Gateway.
   */
  workspace?: Workspace;
}

export function hoverAt(text: string, offset: number, options: HoverOptions): HoverResult | undefined {
  const doc = readCursor(text, offset, options.listItem);
  const place = doc.place;
  if (!place || !doc.resource) return undefined;
  const value = asRecord(valueAt(documentValue(text), doc.pathPrefix));

  if (place.type === 'key') {
    if (place.node.partial) return undefined;
    const path = [...place.parentPath, place.node.key ?? ''];
    const markdown = keyHover(doc, path, value, options);
    return markdown ? { markdown, range: place.replace } : undefined;
  }
  let raw = unquote(place.node.valueText);
  if (raw === '' || place.replace.end <= place.replace.start) return undefined;
  let path = place.path;
  let range = { start: place.node.valueStart, end: place.node.valueEnd };
  const item = raw.startsWith('[')
    ? flowItemAt(text, place.node.valueStart, place.node.valueEnd, offset)
    : undefined;
  if (item) {
    raw = item.text;
    path = [...path, item.index];
    range = item.range;
  }
  const special = valueHover(doc, path, raw, value, options);
  if (special) return { markdown: special, range };
  const owner = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  const markdown = keyHover(doc, owner, value, options);
  return markdown ? { markdown, range } : undefined;
}

function keyHover(
  doc: DocumentAtCursor,
  path: Path,
  value: Record<string, unknown>,
  options: HoverOptions,
): string | undefined {
  const resource = doc.resource;
  if (!resource) return undefined;
  const schemas = getSchemaRegistry();
  const schema = schemas.schemaAt(resource, path);
  const name = String(path[path.length - 1] ?? resource.kind);
  const parts: string[] = [];
  if (path.length === 1 && path[0] === 'kind') {
    const explanation = explainResource(resource.kind, value, options.settings, [], options.workspace);
    parts.push(`**${explanation.title}**`, explanation.summary.join('\n\n'));
    parts.push('Run **EKS Networking: Explain Resource** for the full explanation.');
    parts.push(`[${resource.kind} documentation](${resource.docs})`);
    return parts.join('\n\n');
  }
  if (schema) parts.push(fieldMarkdown(name, schema, schemas));
  const selector = selectorSummary(path, value);
  if (selector) parts.push(selector);
  const selected = selectedWorkloads(doc, path, value, options);
  if (selected) parts.push(selected);
  const meaning = resource.kind === 'NetworkPolicy' ? policyPartSummary(path, value, options) : undefined;
  if (meaning) parts.push(meaning);
  const eniConfigName = asRecord(value.metadata).name;
  if (
    resource.kind === 'ENIConfig' &&
    path.join('.') === 'metadata.name' &&
    typeof eniConfigName === 'string'
  ) {
    parts.push(
      `**Here:** nodes use this ENIConfig when their \`k8s.amazonaws.com/eniConfig\` label or annotation is \`${eniConfigName}\`, or, with \`ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone\`, when they run in zone \`${eniConfigName}\`.`,
    );
  }
  return parts.length > 0 ? parts.join('\n\n---\n\n') : undefined;
}

/** `Selects: pods with app=web in namespace "shop"` for any selector (or part of one) at `path`. */
function selectorSummary(path: Path, value: Record<string, unknown>): string | undefined {
  const index = lastSelectorIndex(path);
  if (index === -1) return undefined;
  const selectorPath = path.slice(0, index + 1);
  const selectorKey = path[index];
  const namespace = asRecord(value.metadata).namespace as string | undefined;
  const parentPath = selectorPath.slice(0, -1);
  const parent = asRecord(valueAt(value, parentPath));
  const isPeer = parentPath.some((segment) => segment === 'from' || segment === 'to');
  if (isPeer) return `**This peer matches:** ${peerPhrase(parent, namespace)}`;
  const selector = valueAt(value, selectorPath);
  if (selectorKey === 'serviceAccountSelector') {
    return `**Selects:** ${summariseSelector(selector, 'service accounts', `in ${namespacePhrase(namespace)}`)}`;
  }
  return `**Selects:** ${summariseSelector(selector, 'pods', `in ${namespacePhrase(namespace)}`)}`;
}

/** What a part of a NetworkPolicy means here: the directions, a direction's state, one rule. */
function policyPartSummary(
  path: Path,
  value: Record<string, unknown>,
  options: HoverOptions,
): string | undefined {
  if (path[0] !== 'spec') return undefined;
  const [, section, index, field] = path;
  if (path.length === 2 && section === 'policyTypes') {
    return `**Here:** ${policyTypesSentence(readNetworkPolicy(value))}`;
  }
  if (section !== 'ingress' && section !== 'egress') return undefined;
  const direction = section === 'ingress' ? 'Ingress' : 'Egress';
  if (path.length === 2) {
    const { summary } = explainResource('NetworkPolicy', value, options.settings);
    const line = summary.find((entry) => entry.startsWith(`${direction}:`));
    return line ? `**Here:** ${line}` : undefined;
  }
  if (typeof index !== 'number' || (path.length === 4 && !['from', 'to', 'ports'].includes(String(field)))) {
    return undefined;
  }
  if (path.length > 4) return undefined;
  const model = readNetworkPolicy(value);
  const rule = model[section].rules.find((candidate) => candidate.index === index);
  if (!rule) return undefined;
  const lines = ruleLines(rule, model.namespace).map((line) => line.replace(/^- /, ''));
  return `**${direction} rule ${index + 1}:** ${lines.join('\n')}`;
}

function selectedWorkloads(
  doc: DocumentAtCursor,
  path: Path,
  value: Record<string, unknown>,
  options: HoverOptions,
): string | undefined {
  if (doc.resource?.kind !== 'NetworkPolicy') return undefined;
  return selectorWorkloadsMarkdown(value, path, options.workspace);
}

function lastSelectorIndex(path: Path): number {
  for (let i = path.length - 1; i >= 0; i--) {
    if (
      path[i] === 'podSelector' ||
      path[i] === 'namespaceSelector' ||
      path[i] === 'serviceAccountSelector'
    ) {
      return i;
    }
  }
  return -1;
}

function valueHover(
  doc: DocumentAtCursor,
  path: Path,
  raw: string,
  value: Record<string, unknown>,
  options: HoverOptions,
): string | undefined {
  if (path.length === 1 && path[0] === 'kind') return keyHover(doc, path, value, options);
  const cidr = parseCidr(raw);
  if (cidr) return cidrHover(raw, cidr, path, value);
  if (/^sg-[0-9a-zA-Z]+$/.test(raw)) return idHover(doc, raw, 'Security group', options);
  if (/^subnet-[0-9a-zA-Z]+$/.test(raw)) return idHover(doc, raw, 'Subnet', options);
  const selector = selectorSummary(path, value);
  if (selector && path.includes('matchLabels')) {
    const selected = selectedWorkloads(doc, path, value, options);
    return selected ? `${selector}\n\n---\n\n${selected}` : selector;
  }
  return undefined;
}

function cidrHover(raw: string, cidr: Cidr, path: Path, value: Record<string, unknown>): string {
  const bits = cidr.family === 4 ? 32 : 128;
  const size = 1n << BigInt(bits - cidr.prefixLength);
  const lines = [
    `**${raw}** · IPv${cidr.family} CIDR`,
    `- First address: ${formatAddress(cidr.network, cidr.family)}`,
    `- Last address: ${formatAddress(lastAddress(cidr), cidr.family)}`,
    `- Size: ${size.toLocaleString('en-US')} address${size === 1n ? '' : 'es'} (/${cidr.prefixLength})`,
  ];
  if (cidr.hasHostBits) {
    lines.push(`- Host bits are set: the API server reads this as ${networkCidr(cidr)}.`);
  }
  const last = path[path.length - 1];
  const ipBlockPath = last === 'cidr' ? path.slice(0, -1) : path.slice(0, -2);
  const ipBlock = asRecord(valueAt(value, ipBlockPath));
  if (last === 'cidr') {
    for (const except of asList(ipBlock.except).map(String)) {
      const inner = parseCidr(except);
      lines.push(
        inner && isStrictSubset(inner, cidr)
          ? `- except ${except}: inside, so excluded from this block.`
          : `- except ${except}: not inside ${raw}, so the API server rejects it.`,
      );
    }
  } else if (typeof last === 'number' && path[path.length - 2] === 'except') {
    const outerText = typeof ipBlock.cidr === 'string' ? ipBlock.cidr : undefined;
    const outer = outerText ? parseCidr(outerText) : undefined;
    if (outer && outerText) {
      lines.push(
        isStrictSubset(cidr, outer)
          ? `- Inside cidr ${outerText}: these addresses are excluded from it.`
          : `- Not a strict subset of cidr ${outerText}: the API server rejects it.`,
      );
    }
  }
  return lines.join('\n');
}

function idHover(
  doc: DocumentAtCursor,
  id: string,
  what: 'Security group' | 'Subnet',
  options: HoverOptions,
): string {
  const kind = doc.resource?.kind;
  let role = '';
  if (what === 'Security group' && kind === 'SecurityGroupPolicy') {
    role =
      "Pods this policy selects get it on their own network interface (branch ENI) instead of the node's groups.";
  } else if (what === 'Security group' && kind === 'ENIConfig') {
    role = 'Pod network interfaces on nodes that use this ENIConfig get it.';
  } else if (what === 'Subnet' && kind === 'ENIConfig') {
    role =
      "Pods on nodes that use this ENIConfig get their IP addresses from it; it must be in the node's availability zone.";
  }
  const uses = options.findUses?.(id) ?? [];
  const lines = [`**${id}** · ${what} ID (AWS EC2)`];
  if (role) lines.push(role);
  if (uses.length > 0) lines.push(`Used in: ${uses.join(', ')}`);
  return lines.join('\n\n');
}

/** The item of a one-line flow list (`except: [10.0.0.0/8, 10.1.0.0/16]`) under the cursor. */
function flowItemAt(
  text: string,
  start: number,
  end: number,
  offset: number,
): { text: string; index: number; range: OffsetRange } | undefined {
  let index = 0;
  let itemStart = start + 1;
  for (let i = start + 1; i <= end; i++) {
    const char = text[i];
    if (i === end || char === ',' || char === ']') {
      if (offset >= itemStart && offset <= i) {
        const rawItem = text.slice(itemStart, i);
        const leading = rawItem.length - rawItem.trimStart().length;
        const trimmed = rawItem.trim();
        if (trimmed === '') return undefined;
        const itemRange = { start: itemStart + leading, end: itemStart + leading + trimmed.length };
        return { text: unquote(trimmed), index, range: itemRange };
      }
      if (char !== ',') return undefined;
      index++;
      itemStart = i + 1;
    }
  }
  return undefined;
}

/** The document as plain data, even when it has syntax errors (whatever the parser recovered). */
function documentValue(text: string): Record<string, unknown> {
  const value = parseYaml(text)[0]?.toValue().value;
  return isRecord(value) ? value : {};
}
