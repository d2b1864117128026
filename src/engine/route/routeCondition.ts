// routeResource()'s "this document is ours" (a resource, a known kind under a wrong apiVersion, or a
// kind in the wrong case), written as a JSON Schema condition for YAML tools that pick a schema per
// document, such as Red Hat YAML: every document it matches is one we judge, and it matches every
// one we judge except the near misses a pattern cannot express (a plural or misspelled kind, a
// misspelled group), which both tools then report. test/engine/routeCondition.test.ts checks it
// against routeResource() case by case.

import { OUR_GROUPS, RESOURCE_TYPES } from './resourceTypes';

export type JsonSchema = { [key: string]: unknown };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `^[Nn][Ee]…$`: the kind in any letter case (JSON Schema patterns have no `i` flag). */
function anyCase(kind: string): string {
  const letters = [...kind].map((c) =>
    c.toLowerCase() === c.toUpperCase() ? escapeRegExp(c) : `[${c.toUpperCase()}${c.toLowerCase()}]`,
  );
  return `^${letters.join('')}$`;
}

export function ourDocumentCondition(): JsonSchema {
  const groups = [...OUR_GROUPS].map(escapeRegExp).join('|');
  // A kind served at several versions (Gateway API v1 and v1beta1) is listed once.
  const exactKinds = [...new Set(RESOURCE_TYPES.map((type) => type.kind))];
  const branches: JsonSchema[] = [];
  for (const type of RESOURCE_TYPES) {
    const ownApiVersion = `^\\s*${escapeRegExp(type.apiVersion)}\\s*$`;
    // The kind as written: ours with our apiVersion, with none (or not a string), or with another
    // version of one of our groups (API001 names the right one).
    branches.push({
      type: 'object',
      required: ['kind'],
      properties: { kind: { const: type.kind } },
      anyOf: [
        { not: { required: ['apiVersion'] } },
        { properties: { apiVersion: { not: { type: 'string' } } } },
        {
          properties: {
            apiVersion: { type: 'string', pattern: `${ownApiVersion}|^\\s*$|^\\s*(${groups})/` },
          },
        },
      ],
    });
    // The kind in the wrong letter case under its group, at any version (API002).
    branches.push({
      type: 'object',
      required: ['kind', 'apiVersion'],
      properties: {
        kind: { type: 'string', pattern: anyCase(type.kind), not: { enum: exactKinds } },
        apiVersion: { type: 'string', pattern: `^\\s*${escapeRegExp(type.group)}/` },
      },
    });
  }
  return { anyOf: branches };
}
