// How many NetworkPolicies the user's manifests hold: the Networking Doctor warns when enforcement
// is off but policies are written. Documents are recognised by the engine's own routing, List items
// included; the scan is bounded (files, bytes) so a huge workspace cannot stall it.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../engine/parse/parseYaml';
import { documentEntries } from '../engine/workspace/objects';
import { isRecord } from '../engine/util/values';
import { mayContainOurResource, routeResource } from '../engine/route/resourceTypes';

export const SCAN_LIMITS = { files: 500, bytesPerFile: 512 * 1024 };

/** NetworkPolicy documents (and List items) in one YAML text. */
export function countNetworkPolicies(text: string): number {
  if (text.length > SCAN_LIMITS.bytesPerFile || !mayContainOurResource(text)) return 0;
  let count = 0;
  // The engine's guarded reader, and its reading of lists (typed lists' items included).
  for (const parsed of parseYaml(text)) {
    const { value, problem } = parsed.toValue();
    if (parsed.errors.length > 0 || problem || !isRecord(value)) continue;
    for (const entry of documentEntries(value)) {
      const route = routeResource(entry.apiVersion, entry.kind);
      if (route.type === 'resource' && route.resource.kind === 'NetworkPolicy') count++;
    }
  }
  return count;
}

/** The YAML files under `paths` (files or folders, searched recursively), at most SCAN_LIMITS.files. */
export function yamlFiles(paths: string[]): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    if (found.length >= SCAN_LIMITS.files) return;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
    } else if (/\.ya?ml$/i.test(path) && stat.size <= SCAN_LIMITS.bytesPerFile) found.push(path);
  };
  for (const path of paths) visit(path);
  return found;
}

export function countNetworkPoliciesIn(paths: string[]): number {
  let count = 0;
  for (const file of yamlFiles(paths)) {
    try {
      count += countNetworkPolicies(readFileSync(file, 'utf8'));
    } catch {
      // unreadable or not YAML: not a policy we can count
    }
  }
  return count;
}
