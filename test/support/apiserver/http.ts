// Small pieces of the test API server's HTTP handling: request paths to resource types, methods to
// verbs, bodies, JSON answers, and the few validations the real API server makes that tests rely on.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonObject } from './merge';
import { findType, type ResourceType } from './resources';

/** The few checks the real API server makes that the tests rely on (dry-run errors become diagnostics). */
export function validate(object: JsonObject): string | undefined {
  if (object.kind !== 'NetworkPolicy') return undefined;
  const spec = (object.spec ?? {}) as JsonObject;
  for (const direction of ['ingress', 'egress'] as const) {
    const rules = Array.isArray(spec[direction]) ? (spec[direction] as JsonObject[]) : [];
    for (const [ruleIndex, rule] of rules.entries()) {
      const ports = Array.isArray(rule.ports) ? (rule.ports as JsonObject[]) : [];
      for (const [portIndex, port] of ports.entries()) {
        if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(String(port.protocol))) {
          return `spec.${direction}[${ruleIndex}].ports[${portIndex}].protocol: Unsupported value: "${String(port.protocol)}": supported values: "SCTP", "TCP", "UDP"`;
        }
      }
    }
  }
  return undefined;
}

export function verbOf(method: string, name: string | undefined): string {
  if (method === 'GET') return name ? 'get' : 'list';
  if (method === 'POST') return 'create';
  if (method === 'PATCH') return 'patch';
  if (method === 'PUT') return 'update';
  if (method === 'DELETE') return 'delete';
  return method.toLowerCase();
}

export function parseResourcePath(
  path: string,
): { type: ResourceType; namespace?: string; name?: string } | undefined {
  const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(.+)$/.exec(path);
  if (!match) return undefined;
  const group = match[2] ?? '';
  const version = match[1] ?? match[3];
  const segments = match[4].split('/').map(decodeURIComponent);
  if (segments[0] === 'namespaces' && segments.length >= 3) {
    const type = findType(group, version, segments[2]);
    return type ? { type, namespace: segments[1], name: segments[3] } : undefined;
  }
  const type = findType(group, version, segments[0]);
  return type ? { type, name: segments[1] } : undefined;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', reject);
  });
}

export function json(response: ServerResponse, code: number, body: unknown): void {
  if (response.destroyed) return;
  response.writeHead(code, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}
