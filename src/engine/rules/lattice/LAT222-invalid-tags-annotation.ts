import { isPlaceholder } from '../../util/placeholders';
import { truncate } from '../../util/strings';
import { defineRule } from '../types';
import { annotationPath, annotationValue, boundToLattice, CONTROLLER_DOCS, ROUTE_KINDS } from './common';
import { file, httpRoute, latticeGateway, PARENT } from './examples';

const MAX_TAGS = 50;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Why the controller drops each pair of a `k=v,k2=v2` tags annotation, as it parses it. */
export function droppedTags(value: string): string[] {
  const dropped: string[] = [];
  const seen = new Set<string>();
  let kept = 0;
  for (const pair of value.split(',')) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    const key = (equals === -1 ? pair : pair.slice(0, equals)).trim();
    const tag = (equals === -1 ? '' : pair.slice(equals + 1)).trim();
    const shown = `"${truncate(pair.trim(), 40)}"`;
    if (equals === -1 || key === '' || tag === '') dropped.push(`${shown} (not key=value)`);
    else if (key.length > 128) dropped.push(`${shown} (key longer than 128 characters)`);
    else if (tag.length > 256) dropped.push(`${shown} (value longer than 256 characters)`);
    else if (!TAG_CHARACTERS.test(key) || !TAG_CHARACTERS.test(tag))
      dropped.push(`${shown} (characters AWS tags do not allow)`);
    else if (/^aws:/i.test(key) || key.startsWith('application-networking.k8s.aws/'))
      dropped.push(`${shown} (reserved key prefix)`);
    else if (seen.has(key)) dropped.push(`${shown} (key repeated)`);
    else if (kept >= MAX_TAGS) dropped.push(`${shown} (more than ${MAX_TAGS} tags)`);
    else {
      seen.add(key);
      kept++;
    }
  }
  return dropped;
}

const ROUTE = (tags: string) =>
  file(
    latticeGateway(),
    httpRoute(
      `${PARENT}\n  rules:\n    - backendRefs:\n        - name: rates\n          port: 80`,
      `  annotations:\n    application-networking.k8s.aws/tags: "${tags}"`,
    ),
  );

export default defineRule({
  code: 'LAT222',
  slug: 'invalid-tags-annotation',
  kinds: [...ROUTE_KINDS, 'ServiceExport', 'ServiceNetwork', 'VpcAssociationPolicy'],
  category: 'controller',
  defaultSeverity: 'warning',
  summary: 'The `application-networking.k8s.aws/tags` annotation has pairs the controller drops.',
  why: 'The controller adds `key=value` pairs (comma-separated) as AWS tags on the Lattice resources it creates. It silently skips a pair without `=` or with an empty side, a key over 128 or a value over 256 characters, characters AWS tags do not allow, `aws:` and `application-networking.k8s.aws/` keys, a repeated key, and anything past 50 tags.',
  badExample: ROUTE('team=payments,cost-center'),
  goodExample: ROUTE('team=payments,cost-center=1234'),
  docs: `${CONTROLLER_DOCS}guides/advanced-configurations/`,
  check(ctx) {
    const value = annotationValue(ctx.value, 'tags');
    if (typeof value !== 'string' || isPlaceholder(value)) return;
    const dropped = droppedTags(value);
    if (dropped.length === 0) return;
    ctx.report({
      path: annotationPath('tags'),
      bare: true,
      message: `the controller drops ${dropped.length === 1 ? 'this tag' : `${dropped.length} tags`}: ${dropped.slice(0, 5).join(', ')}${dropped.length > 5 ? ', …' : ''}`,
    });
  },
  holdsInWorkspace: boundToLattice,
});
