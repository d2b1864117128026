// Describes schema nodes for people: a short type name and the Markdown shown by hover and
// completion (description, type, allowed values, default, docs link).

import type { SchemaNode, SchemaRegistry } from '../schema/schemaRegistry';

export function typeLabel(schema: SchemaNode, schemas: SchemaRegistry): string {
  const resolved = schemas.resolve(schema);
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  if (types.includes('array')) {
    const items = resolved.items ? schemas.resolve(resolved.items) : undefined;
    return items ? `list of ${typeLabel(items, schemas)}` : 'list';
  }
  if (types.includes('object') || resolved.properties) {
    const extra = resolved.additionalProperties;
    if (!resolved.properties && extra && typeof extra === 'object') {
      return `map of string to ${typeLabel(extra, schemas)}`;
    }
    return resolved.title ?? 'object';
  }
  return types.length > 0 ? types.join(' or ') : 'any';
}

export function isObjectSchema(schema: SchemaNode | undefined, schemas: SchemaRegistry): boolean {
  if (!schema) return false;
  const resolved = schemas.resolve(schema);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return types.includes('object') || resolved.properties !== undefined;
}

export function isArraySchema(schema: SchemaNode | undefined, schemas: SchemaRegistry): boolean {
  if (!schema) return false;
  const resolved = schemas.resolve(schema);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return types.includes('array');
}

/** The allowed scalar values of a schema: its enum, its const, or true/false for booleans. */
export function allowedValues(schema: SchemaNode | undefined, schemas: SchemaRegistry): string[] {
  if (!schema) return [];
  const resolved = schemas.resolve(schema);
  if (resolved.enum) return resolved.enum.map(String);
  if (resolved.const !== undefined) return [String(resolved.const)];
  if (resolved.type === 'boolean') return ['true', 'false'];
  return [];
}

/** Markdown documentation of one field. */
export function fieldMarkdown(name: string, schema: SchemaNode, schemas: SchemaRegistry): string {
  const resolved = schemas.resolve(schema);
  const parts = [`**${name}** · \`${typeLabel(resolved, schemas)}\``];
  const description = resolved.markdownDescription ?? resolved.description;
  if (description) parts.push(description);
  const values = allowedValues(resolved, schemas);
  if (values.length > 0 && resolved.type !== 'boolean') {
    parts.push(`Allowed values: ${values.map((value) => `\`${value}\``).join(', ')}`);
  }
  if (resolved.default !== undefined) {
    const shown = typeof resolved.default === 'string' ? resolved.default : JSON.stringify(resolved.default);
    parts.push(`Default: \`${shown}\``);
  }
  if (resolved['x-docs']) parts.push(`[Documentation](${resolved['x-docs']})`);
  return parts.join('\n\n');
}
